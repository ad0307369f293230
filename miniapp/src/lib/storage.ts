import Taro from '@tarojs/taro';

// Everything the app keeps on the device, in one place. Taro storage is localStorage in H5 and
// wx storage in the mini-program; both can throw (quota, private mode), so reads and writes are guarded.
export const KEYS = {
  consumerToken: 'gs.consumer.token',
  member: 'gs.consumer.member',
  guideToken: 'gs.guide.token',
  guide: 'gs.guide.profile',
  shareCode: 'gs.shareCode',
  shareWindowHours: 'gs.shareWindowHours',
  live: 'gs.live',
  cart: 'gs.cart',
  checkout: 'gs.checkout',
  device: 'gs.h5.device',
  privacy: 'gs.privacy',
} as const;

export function load<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key);
    if (value === '' || value === undefined || value === null) return null;
    return value as T;
  } catch {
    return null;
  }
}

export function save(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full or unavailable: the app still works for this session
  }
}

export function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // ignore
  }
}
