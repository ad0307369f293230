import { createHash, randomBytes } from 'node:crypto';
import { WechatPayVerificationError } from '../errors.js';
import { signNotification } from '../notification.js';
import { unixSeconds, verifyAuthorization } from '../pay-crypto.js';
import { renderTradeBill } from '../tradebill.js';
import { cstDate, cstDateTime, parseRfc3339 } from '../time.js';
import { billRows } from './bill.js';
import { json, parseJson } from './context.js';
import type { Handler, Route, SimContext, SimRequest, SimResponse } from './context.js';
import { newPrepayId, newRefundId } from './ids.js';
import type { SimRefund, SimTransaction } from './state.js';
import { refundView, transactionView } from './views.js';

// WeChat Pay API v3 as a direct merchant sees it: merchant-signed requests in, platform-signed responses out.

const payError = (status: number, code: string, message: string) => json(status, { code, message });

function authError(ctx: SimContext, req: SimRequest): SimResponse | null {
  try {
    verifyAuthorization({
      header: req.headers.authorization,
      publicKeyPem: ctx.keys.merchantPublicKeyPem,
      method: req.method,
      urlPathWithQuery: req.rawUrl,
      body: req.body,
      expectedSerial: ctx.keys.merchantSerial,
      expectedMchid: ctx.keys.mchid,
      nowSeconds: unixSeconds(ctx.now()),
    });
    return null;
  } catch (err) {
    if (!(err instanceof WechatPayVerificationError)) throw err;
    return payError(401, 'SIGN_ERROR', `签名错误: ${err.reason} ${err.message}`);
  }
}

/** Authenticates the merchant, runs the handler, signs whatever it answers with the platform key. */
function v3(handler: Handler, opts: { signResponse?: boolean } = {}): Handler {
  return async (ctx, req, params) => {
    const res = authError(ctx, req) ?? (await handler(ctx, req, params));
    if (opts.signResponse === false && res.status < 400) return res;
    const headers = signNotification({
      body: res.body ?? '',
      platformPrivateKeyPem: ctx.keys.platformPrivateKeyPem,
      platformSerial: ctx.keys.platformSerial,
      timestamp: unixSeconds(ctx.now()),
    });
    return { ...res, headers: { ...res.headers, ...headers, 'Request-ID': randomBytes(16).toString('hex') } };
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** Field checks of the JSAPI prepay request; returns the first problem, WeChat-style. */
function prepayProblem(ctx: SimContext, b: Record<string, unknown>): string | null {
  const amount = b.amount as Record<string, unknown> | undefined;
  const payer = b.payer as Record<string, unknown> | undefined;
  if (typeof b.description !== 'string' || !b.description || b.description.length > 127)
    return 'description 必填且不超过127字符';
  if (typeof b.out_trade_no !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(b.out_trade_no))
    return 'out_trade_no 为6-32位字母、数字、_-|*';
  if (typeof b.notify_url !== 'string' || b.notify_url.length > 255 || !/^https?:\/\/[^?#\s]+$/.test(b.notify_url))
    return 'notify_url 必须为不带参数的URL';
  if (!isObj(amount) || !isAmount(amount.total)) return 'amount.total 必须为正整数（分）';
  if (amount.currency !== undefined && amount.currency !== 'CNY') return 'amount.currency 仅支持CNY';
  if (!isObj(payer) || typeof payer.openid !== 'string' || !payer.openid) return 'payer.openid 必填';
  if (b.attach !== undefined && (typeof b.attach !== 'string' || b.attach.length > 128)) return 'attach 不超过128字符';
  if (b.time_expire !== undefined) {
    const at = typeof b.time_expire === 'string' ? parseRfc3339(b.time_expire) : Number.NaN;
    if (Number.isNaN(at)) return 'time_expire 必须为RFC3339格式';
    if (at <= ctx.now()) return 'time_expire 已过期';
  }
  return null;
}

const prepayJsapi: Handler = (ctx, req) => {
  const b = parseJson(req.body);
  if (!isObj(b)) return payError(400, 'PARAM_ERROR', '请求体不是JSON对象');
  if (b.mchid !== ctx.keys.mchid) return payError(400, 'MCH_NOT_EXISTS', 'mchid与签名商户号不一致');
  if (b.appid !== ctx.keys.appId) return payError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  const problem = prepayProblem(ctx, b);
  if (problem) return payError(400, 'PARAM_ERROR', problem);
  const amount = b.amount as { total: number };
  const fields = {
    appid: b.appid as string,
    mchid: b.mchid as string,
    description: b.description as string,
    out_trade_no: b.out_trade_no as string,
    notify_url: b.notify_url as string,
    total: amount.total,
    openid: (b.payer as { openid: string }).openid,
    ...(b.attach !== undefined ? { attach: b.attach as string } : {}),
    ...(b.time_expire !== undefined ? { time_expire: b.time_expire as string } : {}),
  };
  const fingerprint = JSON.stringify(fields);
  const existing = ctx.state.transactions.get(fields.out_trade_no);
  if (existing) {
    if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND')
      return payError(400, 'ORDERPAID', '该订单已支付');
    if (existing.trade_state === 'CLOSED') return payError(400, 'ORDERCLOSED', '订单已关闭');
    if (existing.fingerprint !== fingerprint)
      return payError(400, 'INVALID_REQUEST', '商户订单号重复，且请求参数与原请求不一致');
    return json(200, { prepay_id: existing.prepay_id });
  }
  const now = ctx.now();
  const t: SimTransaction = {
    ...fields,
    prepay_id: newPrepayId(cstDateTime(now).replace(/\D/g, '')),
    trade_state: 'NOTPAY',
    createdAt: now,
    fingerprint,
  };
  ctx.state.transactions.set(t.out_trade_no, t);
  ctx.state.prepayRequests++;
  ctx.onPrepay(t.out_trade_no);
  return json(200, { prepay_id: t.prepay_id });
};

const queryTransaction: Handler = (ctx, req, [no]) => {
  if (req.url.searchParams.get('mchid') !== ctx.keys.mchid) return payError(400, 'PARAM_ERROR', 'mchid 参数错误');
  const t = ctx.state.transactions.get(decodeURIComponent(no!));
  return t ? json(200, transactionView(t)) : payError(404, 'ORDER_NOT_EXIST', '订单不存在');
};

const closeTransaction: Handler = (ctx, req, [no]) => {
  const b = parseJson(req.body);
  if (!isObj(b) || b.mchid !== ctx.keys.mchid) return payError(400, 'PARAM_ERROR', 'mchid 参数错误');
  const t = ctx.state.transactions.get(decodeURIComponent(no!));
  if (!t) return payError(404, 'ORDER_NOT_EXIST', '订单不存在');
  if (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND')
    return payError(400, 'ORDERPAID', '订单已支付，不能关闭');
  t.trade_state = 'CLOSED';
  return { status: 204 };
};

/** Refundable = paid − refunds that are not CLOSED (a CLOSED refund returned nothing). */
const refundable = (ctx: SimContext, t: SimTransaction) =>
  t.total -
  [...ctx.state.refunds.values()]
    .filter((r) => r.out_trade_no === t.out_trade_no && r.status !== 'CLOSED')
    .reduce((s, r) => s + r.refund, 0);

const createRefund: Handler = (ctx, req) => {
  const b = parseJson(req.body);
  if (!isObj(b)) return payError(400, 'PARAM_ERROR', '请求体不是JSON对象');
  const amount = b.amount as Record<string, unknown> | undefined;
  if (typeof b.out_refund_no !== 'string' || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(b.out_refund_no))
    return payError(400, 'PARAM_ERROR', 'out_refund_no 格式错误');
  if (!isObj(amount) || !isAmount(amount.refund) || !isAmount(amount.total) || amount.currency !== 'CNY')
    return payError(400, 'PARAM_ERROR', 'amount 参数错误');
  const t =
    typeof b.out_trade_no === 'string'
      ? ctx.state.transactions.get(b.out_trade_no)
      : typeof b.transaction_id === 'string'
        ? [...ctx.state.transactions.values()].find((x) => x.transaction_id === b.transaction_id)
        : undefined;
  if (!t) return payError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
  // Same out_refund_no → the same refund, never a second one (WeChat: "repeating the same number refunds once").
  const existing = ctx.state.refunds.get(b.out_refund_no);
  if (existing) {
    if (existing.out_trade_no !== t.out_trade_no || existing.refund !== amount.refund)
      return payError(400, 'INVALID_REQUEST', '商户退款单号重复，且请求参数与原请求不一致');
    return json(200, refundView(existing));
  }
  if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND')
    return payError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
  if (amount.total !== t.total) return payError(400, 'PARAM_ERROR', 'amount.total 与订单金额不一致');
  if ((amount.refund as number) > refundable(ctx, t))
    return payError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
  const now = ctx.now();
  const r: SimRefund = {
    refund_id: newRefundId(cstDate(now).replace(/-/g, '')),
    out_refund_no: b.out_refund_no,
    out_trade_no: t.out_trade_no,
    transaction_id: t.transaction_id!,
    refund: amount.refund as number,
    total: t.total,
    ...(typeof b.reason === 'string' ? { reason: b.reason } : {}),
    ...(typeof b.notify_url === 'string' ? { notify_url: b.notify_url } : {}),
    status: 'PROCESSING',
    createdAt: now,
  };
  ctx.state.refunds.set(r.out_refund_no, r);
  ctx.state.refundRequests++;
  ctx.onRefund(r.out_refund_no);
  return json(200, refundView(r));
};

const queryRefund: Handler = (ctx, _req, [no]) => {
  const r = ctx.state.refunds.get(decodeURIComponent(no!));
  return r ? json(200, refundView(r)) : payError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
};

const BILL_TTL_MS = 5 * 60_000;
const tradeBill: Handler = (ctx, req) => {
  const billDate = req.url.searchParams.get('bill_date') ?? '';
  const billType = req.url.searchParams.get('bill_type') ?? 'ALL';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) return payError(400, 'PARAM_ERROR', 'bill_date 格式为yyyy-MM-dd');
  if (billType !== 'ALL' && billType !== 'SUCCESS' && billType !== 'REFUND')
    return payError(400, 'PARAM_ERROR', `bill_type ${billType} 未模拟`);
  const rows = billRows(ctx.state, { billDate, billType, mchid: ctx.keys.mchid, feeRateBps: ctx.feeRateBps });
  // WeChat has no file for a day without transactions.
  if (rows.length === 0) return payError(400, 'NO_STATEMENT_EXIST', '账单文件不存在');
  const bytes = Buffer.from(renderTradeBill(rows), 'utf8');
  const token = randomBytes(18).toString('base64url');
  ctx.state.billDownloads.set(token, { bytes, expiresAt: ctx.now() + BILL_TTL_MS });
  const origin = req.headers.host ? `http://${req.headers.host}` : ctx.origin();
  return json(200, {
    hash_type: 'SHA1',
    hash_value: createHash('sha1').update(bytes).digest('hex'),
    download_url: `${origin}/v3/billdownload/file?token=${token}`,
  });
};

/** The file itself is not signed (the SHA1 in the signed link response covers it). */
const billDownload: Handler = (ctx, req) => {
  const entry = ctx.state.billDownloads.get(req.url.searchParams.get('token') ?? '');
  if (!entry || ctx.now() > entry.expiresAt) return payError(400, 'PARAM_ERROR', '下载链接已过期或无效');
  return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: entry.bytes };
};

export const payRoutes: Route[] = [
  { method: 'POST', path: /^\/v3\/pay\/transactions\/jsapi$/, handler: v3(prepayJsapi) },
  { method: 'GET', path: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/, handler: v3(queryTransaction) },
  { method: 'POST', path: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/, handler: v3(closeTransaction) },
  { method: 'POST', path: /^\/v3\/refund\/domestic\/refunds$/, handler: v3(createRefund) },
  { method: 'GET', path: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/, handler: v3(queryRefund) },
  { method: 'GET', path: /^\/v3\/bill\/tradebill$/, handler: v3(tradeBill) },
  { method: 'GET', path: /^\/v3\/billdownload\/file$/, handler: v3(billDownload, { signResponse: false }) },
];
