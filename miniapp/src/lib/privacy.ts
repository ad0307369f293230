import Taro from '@tarojs/taro';
import { isH5 } from './env';
import { KEYS, load, save } from './storage';

// The user's agreement to the privacy guidelines before any privacy API (phone number, address,
// clipboard). In the mini-program WeChat enforces it (`__usePrivacyCheck__`): a privacy API that needs
// agreement fires `wx.onNeedPrivacyAuthorization`, and the app must show its own popup whose agree
// button has `open-type="agreePrivacyAuthorization"`, then resolve. In the H5 build there is no WeChat,
// so the same popup asks and the answer is kept on the device.

type WechatResolve = (o: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

interface WxPrivacy {
  onNeedPrivacyAuthorization?: (listener: (resolve: WechatResolve, info?: unknown) => void) => void;
  requirePrivacyAuthorize?: (o: { success?: () => void; fail?: () => void }) => void;
  openPrivacyContract?: (o?: { fail?: () => void }) => void;
}

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';
export const PRIVACY_GUIDE_NAME = '《GuideShare 优选用户隐私保护指引》';

type Listener = (open: boolean) => void;
const listeners = new Set<Listener>();
let wechatResolve: WechatResolve | null = null;
let waiters: Array<(agreed: boolean) => void> = [];
let open = false;

/** The WeChat privacy API in the mini-program (empty where the base library has none), null in H5. */
function wxPrivacy(): WxPrivacy | null {
  if (isH5()) return null;
  return typeof wx === 'undefined' ? {} : (wx as unknown as WxPrivacy);
}

function setOpen(value: boolean) {
  open = value;
  listeners.forEach((l) => l(value));
}

/** The popup subscribes here; it is shown while a privacy API waits for the user's answer. */
export function onPrivacyPrompt(listener: Listener): () => void {
  listeners.add(listener);
  listener(open);
  return () => listeners.delete(listener);
}

/** Once, at launch: WeChat tells us when a privacy API needs the user's agreement. */
export function installPrivacyHandler(): void {
  wxPrivacy()?.onNeedPrivacyAuthorization?.((resolve) => {
    wechatResolve = resolve;
    try {
      resolve({ event: 'exposureAuthorization' });
    } catch {
      // older base libraries do not know the exposure event
    }
    setOpen(true);
  });
}

function settle(agreed: boolean, buttonId?: string) {
  const resolve = wechatResolve;
  wechatResolve = null;
  if (resolve) resolve(agreed ? { event: 'agree', buttonId } : { event: 'disagree' });
  if (agreed && isH5()) save(KEYS.privacy, { agreedAt: new Date().toISOString() });
  const done = waiters;
  waiters = [];
  done.forEach((w) => w(agreed));
  setOpen(false);
}

/** The popup's agree button (in weapp: its `agreePrivacyAuthorization` event). */
export function agreePrivacy(buttonId = PRIVACY_AGREE_BUTTON_ID): void {
  settle(true, buttonId);
}

export function disagreePrivacy(): void {
  settle(false);
}

/** H5: whether this device has agreed already. */
export function privacyAgreed(): boolean {
  return !!load<{ agreedAt: string }>(KEYS.privacy);
}

/**
 * Asks for agreement if it is still needed, before the app calls a privacy API; resolves true when the
 * user has agreed (now or before). In weapp `wx.requirePrivacyAuthorize` does the asking through
 * onNeedPrivacyAuthorization; a base library without it has no privacy check at all.
 */
export function requirePrivacy(): Promise<boolean> {
  const wxp = wxPrivacy();
  if (wxp) {
    if (typeof wxp.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
    return new Promise((resolve) =>
      wxp.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }),
    );
  }
  if (privacyAgreed()) return Promise.resolve(true);
  return new Promise((resolve) => {
    waiters.push(resolve);
    setOpen(true);
  });
}

/** The guidelines as declared in the mini-program admin (weapp), else the app's own privacy page. */
export function openPrivacyGuide(): void {
  const wxp = wxPrivacy();
  const page = () => void Taro.navigateTo({ url: '/pages/account/privacy/index' });
  if (wxp?.openPrivacyContract) wxp.openPrivacyContract({ fail: page });
  else page();
}

/** Test hook. */
export function resetPrivacy(): void {
  wechatResolve = null;
  waiters = [];
  open = false;
  listeners.clear();
}
