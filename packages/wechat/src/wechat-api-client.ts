import { TokenClient, type TokenClientOptions } from './token-client.js';

export interface WechatApiClientOptions extends TokenClientOptions {
  /** https://api.weixin.qq.com in production; the simulator's URL in dev and tests. */
  baseUrl: string;
  appId: string;
  secret: string;
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

/** wxacode.getUnlimited parameters (docs/WECHAT.md §2). */
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
export class WechatApiClient extends TokenClient {
  constructor(private readonly options: WechatApiClientOptions) {
    super(options);
  }

  // stable_token, not cgi-bin/token: every API instance gets the same token while it is valid,
  // so one instance's refresh never invalidates another's (cgi-bin/token would).
  protected async fetchToken() {
    const r = await this.post<{ access_token: string; expires_in: number }>(
      '/cgi-bin/stable_token',
      {},
      { grant_type: 'client_credential', appid: this.options.appId, secret: this.options.secret, force_refresh: false },
    );
    return { token: r.access_token, expiresInSeconds: r.expires_in };
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

  /** getPhoneNumber button code → phone number (single-use code, paid API). */
  async getUserPhoneNumber(code: string): Promise<PhoneInfo> {
    const r = await this.withToken((t) =>
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
    return this.withToken((t) => this.postForImage('/wxa/getwxacodeunlimit', { access_token: t }, body));
  }

  /** One page (up to 10,000) of Official Account follower openids. */
  async listFollowers(nextOpenid?: string): Promise<FollowerPage> {
    const r = await this.withToken((t) =>
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
      const r = await this.withToken((t) =>
        this.post<{ user_info_list: OaUserInfo[] }>('/cgi-bin/user/info/batchget', { access_token: t }, { user_list }),
      );
      out.push(...r.user_info_list);
    }
    return out;
  }
}
