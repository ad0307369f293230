import Taro from '@tarojs/taro';
import type { AuthGuideResponse, AuthWechatResponse } from '@guideshare/contracts';
import { isH5 } from './env';
import { AppError } from './errors';
import { http } from './http';
import { KEYS, load, remove, save } from './storage';

export type Member = AuthWechatResponse['member'];
export type GuideProfile = AuthGuideResponse['guide'];

// ---------- consumer: silent login ----------

let pendingLogin: Promise<string> | null = null;

/**
 * A stable pseudo-device id for the H5 build, where there is no wx.login. The login code sent is
 * `<device>.<nonce>`: like the simulator's WeCom codes, everything before the first '.' can name the
 * user, so one browser stays one member across re-logins.
 */
export function h5DeviceId(): string {
  let id = load<string>(KEYS.device);
  if (!id) {
    id = `h5-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36).slice(-4)}`;
    save(KEYS.device, id);
  }
  return id;
}

async function loginCode(): Promise<string> {
  if (isH5()) return `${h5DeviceId()}.${Date.now().toString(36)}`;
  let res: { code?: string };
  try {
    res = await Taro.login();
  } catch (e) {
    const error = new AppError('LOGIN_FAILED', '微信登录失败，请稍后重试');
    error.serverMessage = (e as { errMsg?: string })?.errMsg;
    throw error;
  }
  if (!res?.code) throw new AppError('LOGIN_FAILED', '微信登录失败：没有拿到登录凭证');
  return res.code;
}

async function consumerLogin(): Promise<string> {
  const code = await loginCode();
  const res = await http<AuthWechatResponse>('POST', '/api/auth/wechat', { body: { code } });
  if (!res?.token) throw new AppError('LOGIN_FAILED', '登录失败：服务器没有返回凭证');
  save(KEYS.consumerToken, res.token);
  save(KEYS.member, res.member);
  return res.token;
}

/** The consumer token, logging in silently first if there is none (concurrent callers share one login). */
export function ensureConsumerLogin(force = false): Promise<string> {
  if (!force) {
    const token = load<string>(KEYS.consumerToken);
    if (token) return Promise.resolve(token);
  }
  if (!pendingLogin) {
    pendingLogin = consumerLogin().finally(() => {
      pendingLogin = null;
    });
  }
  return pendingLogin;
}

export function currentMember(): Member | null {
  return load<Member>(KEYS.member);
}

export function clearConsumerSession(): void {
  remove(KEYS.consumerToken);
}

// ---------- guide: WeCom login ----------

export function guideToken(): string | null {
  return load<string>(KEYS.guideToken);
}

export function currentGuide(): GuideProfile | null {
  return load<GuideProfile>(KEYS.guide);
}

export async function guideLogin(code: string): Promise<GuideProfile> {
  const trimmed = code.trim();
  if (!trimmed) throw new AppError('VALIDATION_FAILED', '请输入企业微信登录码');
  const res = await http<AuthGuideResponse>('POST', '/api/auth/guide', { body: { code: trimmed } });
  if (!res?.token) throw new AppError('LOGIN_FAILED', '登录失败：服务器没有返回凭证');
  save(KEYS.guideToken, res.token);
  save(KEYS.guide, res.guide);
  return res.guide;
}

/**
 * In the mini-program opened inside WeCom, `wx.qy.login` yields a WeCom code; elsewhere there is none
 * and the workbench asks for one (the H5 demo's code field).
 */
export async function wecomLoginCode(): Promise<string | null> {
  if (isH5() || typeof wx === 'undefined') return null;
  const qyLogin = (wx as { qy?: { login?: (o: object) => void } }).qy?.login;
  if (typeof qyLogin !== 'function') return null;
  return new Promise((resolve) => {
    qyLogin({
      success: (r: { code?: string }) => resolve(r?.code ?? null),
      fail: () => resolve(null),
    });
  });
}

export function guideLogout(): void {
  remove(KEYS.guideToken);
  remove(KEYS.guide);
}
