import Taro from '@tarojs/taro';
import type { GroupEnterInfo } from '@guideshare/contracts';
import { isH5 } from './env';

/** Moments (朋友圈) single-page mode: no login, no payment; the user taps through to the full app. */
export const TIMELINE_SCENE = 1154;

function enterOptions(): { scene?: unknown; shareTicket?: unknown } | null {
  try {
    const enter = Taro.getEnterOptionsSync?.() as { scene?: unknown; shareTicket?: unknown } | undefined;
    if (enter && typeof enter.scene === 'number' && enter.scene > 0) return enter;
  } catch {
    // not available on this platform
  }
  try {
    return (Taro.getLaunchOptionsSync?.() as { scene?: unknown; shareTicket?: unknown } | undefined) ?? null;
  } catch {
    return null;
  }
}

/** True while the page runs in Moments' single-page mode (scene 1154). */
export function isTimelineSinglePage(): boolean {
  return !isH5() && enterOptions()?.scene === TIMELINE_SCENE;
}

/** The shareTicket of a card opened in a group chat (present only for cards shared withShareTicket). */
export function entryShareTicket(): string | null {
  if (isH5()) return null;
  const ticket = enterOptions()?.shareTicket;
  return typeof ticket === 'string' && ticket.length > 0 ? ticket : null;
}

/**
 * The group's encrypted identity when the card was opened in a group (wx.getGroupEnterInfo, the
 * successor of getShareInfo); null elsewhere or when WeChat refuses. Encrypted with the current
 * session key, so call it after login.
 */
export async function groupEnterInfo(): Promise<GroupEnterInfo | null> {
  if (!entryShareTicket() || typeof Taro.getGroupEnterInfo !== 'function') return null;
  try {
    const res = (await Taro.getGroupEnterInfo({})) as { encryptedData?: string; iv?: string };
    return res?.encryptedData && res.iv ? { encryptedData: res.encryptedData, iv: res.iv } : null;
  } catch {
    return null;
  }
}

/**
 * The share menu with shareTicket, so a card forwarded to a group tells where it was opened, and
 * Moments among the menus (the page also needs enableShareTimeline).
 */
export function enableGroupShareMenu(): void {
  if (isH5()) return;
  try {
    void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] } as never)?.catch?.(
      () => undefined,
    );
  } catch {
    // older base libraries: the default menu stays
  }
}
