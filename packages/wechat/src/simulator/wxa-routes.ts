import QRCode from 'qrcode';
import { json, parseJson, wxError, type Handler, type Route } from './context.js';
import { issueToken, tokenError } from './wechat-routes.js';

// cgi-bin/stable_token and wxa/getwxacodeunlimit, with WeChat's validation and errcodes.

/** What a simulated mini-program code encodes: the app, the page and the scene, readable by any QR decoder. */
export function wxacodeContent(appId: string, page: string, scene: string): string {
  return `wxacode://${appId}/${page}?scene=${encodeURIComponent(scene)}`;
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

const stableToken: Handler = (ctx, req) => {
  const b = (parseJson(req.body) ?? {}) as Record<string, unknown>;
  if (b.grant_type !== 'client_credential') return wxError(40002, 'invalid grant_type');
  if (b.appid !== ctx.keys.appId) return wxError(40013, 'invalid appid');
  if (b.secret !== ctx.keys.appSecret) return wxError(40125, 'invalid appsecret');
  const current = ctx.state.stableToken ? ctx.state.accessTokens.get(ctx.state.stableToken) : undefined;
  // Normal mode: the same token to every caller while it is valid, so callers never invalidate each other.
  if (ctx.state.stableToken && current && ctx.now() < current.expiresAt && b.force_refresh !== true) {
    ctx.state.tokenRequests.mp++;
    const left = Math.floor((current.expiresAt - ctx.now()) / 1000);
    return json(200, { access_token: ctx.state.stableToken, expires_in: left });
  }
  const res = issueToken(ctx, 'mp');
  ctx.state.stableToken = (parseJson(String(res.body)) as { access_token: string }).access_token;
  return res;
};

const getUnlimited: Handler = async (ctx, req) => {
  const bad = tokenError(ctx, req, 'mp');
  if (bad) return bad;
  const b = (parseJson(req.body) ?? {}) as Record<string, unknown>;
  const scene = b.scene;
  const page = b.page ?? 'pages/index/index';
  const width = b.width ?? 430;
  if (typeof scene !== 'string' || !SCENE.test(scene)) return wxError(40129, 'invalid scene');
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?') || page.length === 0)
    return wxError(41030, 'invalid page');
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280)
    return wxError(40097, 'invalid args: width');
  ctx.state.wxacodeRequests.push({ scene, page, width });
  const body = await QRCode.toBuffer(wxacodeContent(ctx.keys.appId, page, scene), {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
  return { status: 200, headers: { 'Content-Type': 'image/png' }, body };
};

export const wxaRoutes: Route[] = [
  { method: 'POST', path: /^\/cgi-bin\/stable_token$/, handler: stableToken },
  { method: 'POST', path: /^\/wxa\/getwxacodeunlimit$/, handler: getUnlimited },
];
