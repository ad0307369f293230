import { TokenCache, joinUrl, query, wechatBinary, wechatJson, withToken, type FetchLike } from './http.js';

export interface WechatApiClientOptions {
  /** https://api.weixin.qq.com in production; the simulator's URL in dev and tests. */
  baseUrl: string;
  appId: string;
  secret: string;
  fetch?: FetchLike;
  /** Clock for the token cache (epoch ms). */
  now?: () => number;
  timeoutMs?: number;
}

export interface Code2SessionResult {
  openid: string;
  /** Only when the app is bound to an Open Platform account. */
  unionid?: string;
  sessionKey: string;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
  watermark: { timestamp: number; appid: string };
}

export interface FollowerPage {
  total: number;
  count: number;
  openids: string[];
  /** Pass back to get the next page; '' when there is none. */
  nextOpenid: string;
}

/** Official Account user info (cgi-bin/user/info). `subscribe: 0` carries no other field. */
export interface OaUserInfo {
  subscribe: 0 | 1;
  openid: string;
  unionid?: string;
  subscribe_time?: number;
  subscribe_scene?: string;
  qr_scene?: number;
  qr_scene_str?: string;
  remark?: string;
  tagid_list?: number[];
}

/** wxacode.getUnlimited parameters (WECHAT-PLATFORM.md §1). */
export interface UnlimitedWxacodeRequest {
  /** ≤ 32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@\-._~]; the page reads decodeURIComponent(options.scene). */
  scene: string;
  /** A page of the released mini-program: no leading "/" and no query. */
  page: string;
  /** 280–1280 px (WeChat's default 430). */
  width?: number;
  /** false: a page not yet released still gets a code (trial / develop versions). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

/**
 * api.weixin.qq.com for one app (mini-program or Official Account: follower calls need the OA's
 * appid/secret, so build a second client for them).
 */
export class WechatApiClient {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly tokens: TokenCache;

  constructor(private readonly options: WechatApiClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    // stable_token, not cgi-bin/token: every API instance gets the same token while it is valid,
    // so one instance's refresh never invalidates another's (cgi-bin/token would).
    this.tokens = new TokenCache(async () => {
      const r = await this.post<{ access_token: string; expires_in: number }>(
        '/cgi-bin/stable_token',
        {},
        { grant_type: 'client_credential', appid: options.appId, secret: options.secret, force_refresh: false },
      );
      return { token: r.access_token, expiresInSeconds: r.expires_in };
    }, options.now ?? Date.now);
  }

  /** wx.login code → identity. Codes are single-use and live ~5 minutes. */
  async code2Session(jsCode: string): Promise<Code2SessionResult> {
    const r = await this.get<{ openid: string; unionid?: string; session_key: string }>('/sns/jscode2session', {
      appid: this.options.appId,
      secret: this.options.secret,
      js_code: jsCode,
      grant_type: 'authorization_code',
    });
    return { openid: r.openid, ...(r.unionid ? { unionid: r.unionid } : {}), sessionKey: r.session_key };
  }

  /** Cached client-credential access_token (refreshed shortly before expiry). */
  getAccessToken(): Promise<string> {
    return this.tokens.get();
  }

  /** getPhoneNumber button code → phone number (single-use code, paid API). */
  async getUserPhoneNumber(code: string): Promise<PhoneInfo> {
    const r = await withToken(this.tokens, (t) =>
      this.post<{ phone_info: PhoneInfo }>('/wxa/business/getuserphonenumber', { access_token: t }, { code }),
    );
    return r.phone_info;
  }

  /** A permanent mini-program code (wxa/getwxacodeunlimit) as image bytes (PNG or JPEG). */
  async getUnlimitedWxacode(req: UnlimitedWxacodeRequest): Promise<{ contentType: string; bytes: Buffer }> {
    const body = {
      scene: req.scene,
      page: req.page,
      width: req.width ?? 430,
      check_path: req.checkPath ?? true,
      env_version: req.envVersion ?? 'release',
    };
    return withToken(this.tokens, (t) =>
      wechatBinary(
        this.fetch,
        joinUrl(this.options.baseUrl, `/wxa/getwxacodeunlimit${query({ access_token: t })}`),
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        this.timeoutMs,
      ),
    );
  }

  /** One page (up to 10,000) of Official Account follower openids. */
  async listFollowers(nextOpenid?: string): Promise<FollowerPage> {
    const r = await withToken(this.tokens, (t) =>
      this.get<{ total: number; count: number; data?: { openid?: string[] }; next_openid?: string }>(
        '/cgi-bin/user/get',
        {
          access_token: t,
          next_openid: nextOpenid || undefined,
        },
      ),
    );
    return { total: r.total, count: r.count, openids: r.data?.openid ?? [], nextOpenid: r.next_openid ?? '' };
  }

  /** Official Account user info for many openids; batches of 100 (the API's limit), order preserved. */
  async batchGetUserInfo(openids: readonly string[]): Promise<OaUserInfo[]> {
    const out: OaUserInfo[] = [];
    for (let i = 0; i < openids.length; i += 100) {
      const user_list = openids.slice(i, i + 100).map((openid) => ({ openid, lang: 'zh_CN' }));
      const r = await withToken(this.tokens, (t) =>
        this.post<{ user_info_list: OaUserInfo[] }>('/cgi-bin/user/info/batchget', { access_token: t }, { user_list }),
      );
      out.push(...r.user_info_list);
    }
    return out;
  }

  private get<T>(path: string, params: Record<string, string | undefined>): Promise<T> {
    return wechatJson<T>(
      this.fetch,
      joinUrl(this.options.baseUrl, path + query(params)),
      { method: 'GET' },
      this.timeoutMs,
    );
  }

  private post<T>(path: string, params: Record<string, string>, body: unknown): Promise<T> {
    return wechatJson<T>(
      this.fetch,
      joinUrl(this.options.baseUrl, path + query(params)),
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      this.timeoutMs,
    );
  }
}
