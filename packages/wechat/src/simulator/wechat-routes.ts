import { randomBytes } from 'node:crypto';
import { unixSeconds } from '../pay-crypto.js';
import { json, parseJson, wxError } from './context.js';
import type { Handler, Route, SimContext, SimRequest, SimResponse } from './context.js';
import { simulatedUser, userKeyFromCode } from './ids.js';

// api.weixin.qq.com and qyapi.weixin.qq.com, answered from seeded state with WeChat's errcodes.

const q = (req: SimRequest, name: string) => req.url.searchParams.get(name);

export function issueToken(ctx: SimContext, kind: 'mp' | 'wecom'): SimResponse {
  const token = `${kind === 'mp' ? 'SIM' : 'SIMCORP'}_${randomBytes(24).toString('base64url')}`;
  ctx.state.accessTokens.set(token, { kind, expiresAt: ctx.now() + ctx.tokenTtlSeconds * 1000 });
  ctx.state.tokenRequests[kind]++;
  const body = { access_token: token, expires_in: ctx.tokenTtlSeconds };
  return json(200, kind === 'wecom' ? { errcode: 0, errmsg: 'ok', ...body } : body);
}

/** null when the access_token is valid for `kind`, else the WeChat error to answer with. */
export function tokenError(ctx: SimContext, req: SimRequest, kind: 'mp' | 'wecom'): SimResponse | null {
  const entry = ctx.state.accessTokens.get(q(req, 'access_token') ?? '');
  if (!entry || entry.kind !== kind)
    return kind === 'mp'
      ? wxError(40001, 'invalid credential, access_token is invalid or not latest')
      : wxError(40014, 'invalid access_token');
  if (ctx.now() >= entry.expiresAt) return wxError(42001, 'access_token expired');
  return null;
}

const tokenKind = (ctx: SimContext, req: SimRequest) => ctx.state.accessTokens.get(q(req, 'access_token') ?? '')?.kind;

const jscode2session: Handler = (ctx, req) => {
  if (q(req, 'appid') !== ctx.keys.appId) return wxError(40013, 'invalid appid');
  if (q(req, 'secret') !== ctx.keys.appSecret) return wxError(40125, 'invalid appsecret');
  if (q(req, 'grant_type') !== 'authorization_code') return wxError(40002, 'invalid grant_type');
  const code = q(req, 'js_code') ?? '';
  const key = userKeyFromCode(code);
  if (!key) return wxError(40029, 'invalid code');
  if (ctx.strictLoginCodes) {
    if (ctx.state.usedLoginCodes.has(code)) return wxError(40163, 'code been used');
    ctx.state.usedLoginCodes.add(code);
  }
  const user = simulatedUser(key);
  return json(200, {
    openid: user.openid,
    session_key: user.sessionKey,
    ...(user.unionid ? { unionid: user.unionid } : {}),
  });
};

const token: Handler = (ctx, req) => {
  if (q(req, 'grant_type') !== 'client_credential') return wxError(40002, 'invalid grant_type');
  if (q(req, 'appid') !== ctx.keys.appId) return wxError(40013, 'invalid appid');
  if (q(req, 'secret') !== ctx.keys.appSecret) return wxError(40125, 'invalid appsecret');
  return issueToken(ctx, 'mp');
};

const phoneNumber: Handler = (ctx, req) => {
  const bad = tokenError(ctx, req, 'mp');
  if (bad) return bad;
  const code = (parseJson(req.body) as { code?: unknown } | undefined)?.code;
  const m = typeof code === 'string' ? /^phone:(1\d{10})(?:\..*)?$/.exec(code) : null;
  if (!m) return wxError(40029, 'invalid code');
  // Single-use like WeChat's: a replayed code must not register a second member.
  if (ctx.state.usedPhoneCodes.has(code as string)) return wxError(40029, 'invalid code, code been used');
  ctx.state.usedPhoneCodes.add(code as string);
  return json(200, {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: m[1],
      purePhoneNumber: m[1],
      countryCode: '86',
      watermark: { timestamp: unixSeconds(ctx.now()), appid: ctx.keys.appId },
    },
  });
};

/** /cgi-bin/user/get is two APIs: OA followers (mp token) and a WeCom member (corp token). */
const userGet: Handler = (ctx, req) => {
  if (tokenKind(ctx, req) === 'wecom') {
    const bad = tokenError(ctx, req, 'wecom');
    if (bad) return bad;
    const userid = q(req, 'userid');
    if (!userid) return wxError(60111, 'userid not found');
    return json(200, { errcode: 0, errmsg: 'ok', userid, name: userid, status: 1 });
  }
  const bad = tokenError(ctx, req, 'mp');
  if (bad) return bad;
  const all = [...ctx.state.followers.keys()];
  const next = q(req, 'next_openid');
  let start = 0;
  if (next) {
    const at = all.indexOf(next);
    if (at < 0) return wxError(40003, 'invalid openid');
    start = at + 1;
  }
  const page = all.slice(start, start + ctx.followerPageSize);
  return json(200, {
    total: all.length,
    count: page.length,
    ...(page.length ? { data: { openid: page } } : {}),
    next_openid: page.length ? page[page.length - 1] : '',
  });
};

const batchGet: Handler = (ctx, req) => {
  const bad = tokenError(ctx, req, 'mp');
  if (bad) return bad;
  const list = (parseJson(req.body) as { user_list?: Array<{ openid?: unknown }> } | undefined)?.user_list;
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) return wxError(40032, 'invalid openid list size');
  const user_info_list = list.map(({ openid }) => {
    const f = typeof openid === 'string' ? ctx.state.followers.get(openid) : undefined;
    if (!f) return { subscribe: 0, openid };
    return {
      subscribe: 1,
      openid: f.openid,
      language: 'zh_CN',
      subscribe_time: f.subscribeTime,
      ...(f.unionid ? { unionid: f.unionid } : {}),
      remark: '',
      groupid: 0,
      tagid_list: [],
      subscribe_scene: 'ADD_SCENE_QR_CODE',
      qr_scene: 0,
      qr_scene_str: '',
    };
  });
  return json(200, { user_info_list });
};

const wecomToken: Handler = (ctx, req) => {
  if (q(req, 'corpid') !== ctx.keys.corpId) return wxError(40013, 'invalid corpid');
  if (q(req, 'corpsecret') !== ctx.keys.corpSecret) return wxError(40001, 'invalid secret');
  return issueToken(ctx, 'wecom');
};

const wecomUserInfo: Handler = (ctx, req) => {
  const bad = tokenError(ctx, req, 'wecom');
  if (bad) return bad;
  const userid = userKeyFromCode(q(req, 'code'));
  if (!userid) return wxError(40029, 'invalid code');
  return json(200, {
    errcode: 0,
    errmsg: 'ok',
    userid,
    user_ticket: randomBytes(16).toString('hex'),
    expires_in: 1800,
  });
};

const FOLLOW_PAGE = 500;
const externalContact: Handler = (ctx, req) => {
  const bad = tokenError(ctx, req, 'wecom');
  if (bad) return bad;
  const c = ctx.state.externalContacts.get(q(req, 'external_userid') ?? '');
  if (!c) return wxError(84061, 'not external contact');
  const start = Number(q(req, 'cursor') || 0) || 0;
  const { follow_user, ...external_contact } = c;
  const next = start + FOLLOW_PAGE < follow_user.length ? String(start + FOLLOW_PAGE) : '';
  return json(200, {
    errcode: 0,
    errmsg: 'ok',
    external_contact,
    follow_user: follow_user.slice(start, start + FOLLOW_PAGE),
    ...(next ? { next_cursor: next } : {}),
  });
};

export const wechatRoutes: Route[] = [
  { method: 'GET', path: /^\/sns\/jscode2session$/, handler: jscode2session },
  { method: 'GET', path: /^\/cgi-bin\/token$/, handler: token },
  { method: 'POST', path: /^\/wxa\/business\/getuserphonenumber$/, handler: phoneNumber },
  { method: 'GET', path: /^\/cgi-bin\/user\/get$/, handler: userGet },
  { method: 'POST', path: /^\/cgi-bin\/user\/info\/batchget$/, handler: batchGet },
  { method: 'GET', path: /^\/cgi-bin\/gettoken$/, handler: wecomToken },
  { method: 'GET', path: /^\/cgi-bin\/auth\/getuserinfo$/, handler: wecomUserInfo },
  { method: 'GET', path: /^\/cgi-bin\/externalcontact\/get$/, handler: externalContact },
];
