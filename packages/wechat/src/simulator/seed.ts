import type { SimContext } from './context.js';
import { simulatedExternalUserId, simulatedUser } from './ids.js';
import type { SimExternalContact, SimFollower } from './state.js';

export interface ExternalContactSeed {
  /** Derives external_userid and unionid from a simulated user key ("alice"). */
  userKey?: string;
  externalUserId?: string;
  name?: string;
  type?: 1 | 2;
  unionid?: string | null;
  avatar?: string;
  corpName?: string;
  followUsers: Array<{ userId: string; state?: string; createTime?: number; remark?: string; addWay?: number }>;
}

/** Seeds a WeCom customer for /cgi-bin/externalcontact/get (replaces one with the same id). */
export function addExternalContact(ctx: SimContext, seed: ExternalContactSeed): SimExternalContact {
  const user = seed.userKey ? simulatedUser(seed.userKey) : undefined;
  const external_userid = seed.externalUserId ?? (seed.userKey ? simulatedExternalUserId(seed.userKey) : undefined);
  if (!external_userid) throw new Error('simulator: addExternalContact needs externalUserId or userKey');
  const unionid = seed.unionid === null ? undefined : (seed.unionid ?? user?.unionid);
  const nowSeconds = Math.floor(ctx.now() / 1000);
  const contact: SimExternalContact = {
    external_userid,
    name: seed.name ?? seed.userKey ?? external_userid,
    type: seed.type ?? 1,
    gender: 0,
    ...(seed.avatar ? { avatar: seed.avatar } : {}),
    ...(unionid && (seed.type ?? 1) === 1 ? { unionid } : {}),
    ...(seed.corpName ? { corp_name: seed.corpName } : {}),
    follow_user: seed.followUsers.map((f) => ({
      userid: f.userId,
      remark: f.remark ?? '',
      description: '',
      createtime: f.createTime ?? nowSeconds,
      ...(f.state ? { state: f.state } : {}),
      add_way: f.addWay ?? 1,
      oper_userid: f.userId,
      tags: [],
    })),
  };
  ctx.state.externalContacts.set(external_userid, contact);
  return contact;
}

export interface FollowerSeed {
  /** Derives the OA openid and unionid from a simulated user key. */
  userKey?: string;
  openid?: string;
  unionid?: string;
  subscribeTime?: number;
}

/** Seeds an Official Account follower for /cgi-bin/user/get and /cgi-bin/user/info/batchget. */
export function addFollower(ctx: SimContext, seed: FollowerSeed): SimFollower {
  const user = seed.userKey ? simulatedUser(seed.userKey) : undefined;
  const openid = seed.openid ?? user?.oaOpenid;
  if (!openid) throw new Error('simulator: addFollower needs openid or userKey');
  const unionid = seed.unionid ?? user?.unionid;
  const follower: SimFollower = {
    openid,
    ...(unionid ? { unionid } : {}),
    subscribeTime: seed.subscribeTime ?? Math.floor(ctx.now() / 1000),
  };
  ctx.state.followers.set(openid, follower);
  return follower;
}
