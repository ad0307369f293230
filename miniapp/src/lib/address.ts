import Taro from '@tarojs/taro';
import type { DeliveryAddress } from '@guideshare/contracts';
import { isH5 } from './env';
import { AppError } from './errors';
import { requirePrivacy } from './privacy';

export const EMPTY_ADDRESS: DeliveryAddress = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

/** What `wx.chooseAddress` answers with. */
interface WechatAddress {
  userName?: string;
  telNumber?: string;
  provinceName?: string;
  cityName?: string;
  countyName?: string;
  detailInfo?: string;
  detailInfoNew?: string;
}

export function fromWechatAddress(a: WechatAddress): DeliveryAddress {
  return {
    name: (a.userName ?? '').trim(),
    phone: (a.telNumber ?? '').trim(),
    province: (a.provinceName ?? '').trim(),
    city: (a.cityName ?? '').trim(),
    district: (a.countyName ?? '').trim(),
    detail: (a.detailInfoNew || a.detailInfo || '').trim(),
  };
}

/** Keeps only the six contract fields (a remembered address also carries `updatedAt`). */
export function pickAddress(a: DeliveryAddress): DeliveryAddress {
  const { name, phone, province, city, district, detail } = a;
  return { name, phone, province, city, district, detail };
}

/** The first thing wrong with an address, in Chinese, or null when it can be sent. */
export function addressProblem(a: DeliveryAddress | null | undefined): string | null {
  if (!a) return '请添加收货地址';
  if (!a.name.trim()) return '请填写收货人';
  if (!/^\+?[0-9][0-9 -]{4,30}$/.test(a.phone.trim())) return '请填写正确的手机号';
  if (!a.province.trim() || !a.city.trim()) return '请填写所在省份和城市';
  if (!a.detail.trim()) return '请填写详细地址';
  if (a.name.length > 50 || a.detail.length > 200) return '收货信息过长，请精简后再试';
  return null;
}

/** "上海市 上海市 静安区 南京西路 1 号" (a district-less city leaves it out). */
export function formatAddress(a: DeliveryAddress): string {
  const region = [a.province, a.city === a.province ? '' : a.city, a.district].filter(Boolean).join(' ');
  return `${region} ${a.detail}`.trim();
}

/**
 * WeChat's address picker, after the privacy agreement. Resolves null when the user closes it;
 * rejects PRIVACY_DENIED / ADDRESS_DENIED when they refuse (the page then offers the form).
 */
export async function chooseWechatAddress(): Promise<DeliveryAddress | null> {
  if (isH5()) return null;
  if (!(await requirePrivacy())) throw new AppError('PRIVACY_DENIED', '同意《用户隐私保护指引》后才能使用微信地址');
  try {
    return fromWechatAddress((await Taro.chooseAddress()) as WechatAddress);
  } catch (e) {
    const msg = (e as { errMsg?: string })?.errMsg ?? '';
    if (/cancel/i.test(msg)) return null;
    throw new AppError('ADDRESS_DENIED', '没有拿到微信收货地址，您可以手动填写');
  }
}
