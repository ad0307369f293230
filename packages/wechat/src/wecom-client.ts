import { WechatApiError } from './errors.js';
import { TokenClient, type TokenClientOptions } from './token-client.js';

export interface WecomClientOptions extends TokenClientOptions {
  /** https://qyapi.weixin.qq.com in production. */
  baseUrl: string;
  corpId: string;
  secret: string;
}

export interface ExternalFollowUser {
  userId: string;
  remark?: string;
  description?: string;
  /** Unix seconds when this guide added the customer. */
  createTime: number;
  /** The `state` of the Contact Me way used (our attribution short code). */
  state?: string;
  addWay?: number;
  operUserId?: string;
  tags?: Array<{ group_name?: string; tag_name?: string; type?: number; tag_id?: string }>;
}

export interface ExternalContact {
  externalUserId: string;
  name: string;
  /** 1 WeChat user, 2 WeCom user */
  type: number;
  avatar?: string;
  gender?: number;
  /** Only for type 1 and a corp bound to a WeChat developer ID: the join key to mini-program members. */
  unionid?: string;
  corpName?: string;
  followUsers: ExternalFollowUser[];
}

interface RawFollowUser {
  userid: string;
  remark?: string;
  description?: string;
  createtime: number;
  state?: string;
  add_way?: number;
  oper_userid?: string;
  tags?: ExternalFollowUser['tags'];
}

/** qyapi.weixin.qq.com for one self-built WeCom app (guide login, external contacts). */
export class WecomClient extends TokenClient {
  constructor(private readonly options: WecomClientOptions) {
    super(options);
  }

  protected async fetchToken() {
    const r = await this.get<{ access_token: string; expires_in: number }>('/cgi-bin/gettoken', {
      corpid: this.options.corpId,
      corpsecret: this.options.secret,
    });
    return { token: r.access_token, expiresInSeconds: r.expires_in };
  }

  /**
   * WeCom OAuth / wx.qy.login code → the corp member's userid. A code from someone who is not a member
   * of the corp yields no userid: that is an authentication failure, reported as errcode 'NOT_CORP_MEMBER'.
   */
  async getUserInfo(code: string): Promise<{ userId: string }> {
    const r = await this.withToken((t) =>
      this.get<{ userid?: string; UserId?: string }>('/cgi-bin/auth/getuserinfo', { access_token: t, code }),
    );
    const userId = r.userid ?? r.UserId; // older endpoint spelled it UserId
    if (!userId)
      throw new WechatApiError({
        status: 200,
        errcode: 'NOT_CORP_MEMBER',
        errmsg: 'code does not belong to a corp member',
        body: r,
        endpoint: '/cgi-bin/auth/getuserinfo',
      });
    return { userId };
  }

  /** A customer and every guide following them (follows next_cursor past 500 follow users). */
  async getExternalContact(externalUserId: string): Promise<ExternalContact> {
    let cursor: string | undefined;
    let contact: ExternalContact | undefined;
    do {
      const r = await this.withToken((t) =>
        this.get<{ external_contact: Record<string, unknown>; follow_user?: RawFollowUser[]; next_cursor?: string }>(
          '/cgi-bin/externalcontact/get',
          { access_token: t, external_userid: externalUserId, cursor },
        ),
      );
      contact ??= toContact(r.external_contact);
      contact.followUsers.push(...(r.follow_user ?? []).map(toFollowUser));
      cursor = r.next_cursor || undefined;
    } while (cursor);
    return contact;
  }
}

function toContact(c: Record<string, unknown>): ExternalContact {
  const opt = <K extends string>(key: K, value: unknown) =>
    value === undefined || value === '' ? {} : { [key]: value };
  return {
    externalUserId: String(c.external_userid),
    name: String(c.name ?? ''),
    type: Number(c.type ?? 1),
    ...opt('avatar', c.avatar),
    ...opt('gender', c.gender),
    ...opt('unionid', c.unionid),
    ...opt('corpName', c.corp_name),
    followUsers: [],
  } as ExternalContact;
}

function toFollowUser(f: RawFollowUser): ExternalFollowUser {
  return {
    userId: f.userid,
    createTime: f.createtime,
    ...(f.remark ? { remark: f.remark } : {}),
    ...(f.description ? { description: f.description } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.add_way !== undefined ? { addWay: f.add_way } : {}),
    ...(f.oper_userid ? { operUserId: f.oper_userid } : {}),
    ...(f.tags ? { tags: f.tags } : {}),
  };
}
