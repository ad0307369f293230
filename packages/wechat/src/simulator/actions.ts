import { buildNotification } from '../notification.js';
import type { RefundStatus } from '../pay-types.js';
import { cstDate, parseRfc3339 } from '../time.js';
import type { SimContext } from './context.js';
import { newTransactionId } from './ids.js';
import { paidTransactionResource, refundNotificationResource } from './views.js';

// What the simulated user and bank do: pay an order, settle a refund, and tell the merchant by notify.

export type SimTime = Date | number | string;
const toMs = (t: SimTime) => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : parseRfc3339(t));

export interface BuiltNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** TRANSACTION.SUCCESS for a paid order, signed and encrypted but not sent. */
export function transactionNotification(ctx: SimContext, outTradeNo: string, notifyUrl?: string): BuiltNotification {
  const t = ctx.state.transactions.get(outTradeNo);
  if (!t) throw new Error(`simulator: no transaction ${outTradeNo}`);
  if (!t.transaction_id) throw new Error(`simulator: ${outTradeNo} is not paid`);
  const n = buildNotification({
    eventType: 'TRANSACTION.SUCCESS',
    resource: paidTransactionResource(t),
    originalType: 'transaction',
    platformPrivateKeyPem: ctx.keys.platformPrivateKeyPem,
    platformSerial: ctx.keys.platformSerial,
    apiV3Key: ctx.keys.apiV3Key,
    now: ctx.now(),
  });
  return { url: notifyUrl ?? t.notify_url, headers: n.headers, body: n.body };
}

/** REFUND.SUCCESS / REFUND.CLOSED / REFUND.ABNORMAL for a settled refund, not sent. */
export function refundNotification(ctx: SimContext, outRefundNo: string, notifyUrl?: string): BuiltNotification {
  const r = ctx.state.refunds.get(outRefundNo);
  if (!r) throw new Error(`simulator: no refund ${outRefundNo}`);
  if (r.status === 'PROCESSING') throw new Error(`simulator: refund ${outRefundNo} is still PROCESSING`);
  const n = buildNotification({
    eventType: `REFUND.${r.status}`,
    resource: refundNotificationResource(r, ctx.keys.mchid),
    originalType: 'refund',
    platformPrivateKeyPem: ctx.keys.platformPrivateKeyPem,
    platformSerial: ctx.keys.platformSerial,
    apiV3Key: ctx.keys.apiV3Key,
    now: ctx.now(),
  });
  // Without its own notify_url WeChat uses the merchant's configured one; here, the order's.
  const trade = ctx.state.transactions.get(r.out_trade_no)!;
  return { url: notifyUrl ?? r.notify_url ?? trade.notify_url, headers: n.headers, body: n.body };
}

/** POSTs a notification; returns the merchant's HTTP status, 0 when unreachable. WeChat would retry; callers may re-send. */
export async function deliver(ctx: SimContext, n: BuiltNotification, eventType: string): Promise<number> {
  let status = 0;
  let error: string | undefined;
  try {
    const res = await fetch(n.url, {
      method: 'POST',
      headers: n.headers,
      body: n.body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch (err) {
    error = (err as Error).message;
  }
  ctx.state.notifications.push({ url: n.url, eventType, status, ...(error ? { error } : {}), at: ctx.now() });
  return status;
}

/**
 * The payer pays: NOTPAY → SUCCESS with a transaction_id. Paying a paid order only re-sends the
 * notification (a duplicate delivery, as WeChat does). Returns the notify endpoint's HTTP status.
 */
export async function pay(
  ctx: SimContext,
  outTradeNo: string,
  opts: { successTime?: SimTime; notifyUrl?: string } = {},
): Promise<number> {
  const t = ctx.state.transactions.get(outTradeNo);
  if (!t) throw new Error(`simulator: no transaction ${outTradeNo}`);
  if (t.trade_state === 'CLOSED') throw new Error(`simulator: ${outTradeNo} is closed`);
  if (t.trade_state === 'NOTPAY') {
    const at = opts.successTime === undefined ? ctx.now() : toMs(opts.successTime);
    if (Number.isNaN(at)) throw new Error(`simulator: bad successTime ${String(opts.successTime)}`);
    if (t.time_expire && at > parseRfc3339(t.time_expire))
      throw new Error(`simulator: ${outTradeNo} expired at ${t.time_expire}`);
    t.trade_state = 'SUCCESS';
    t.transaction_id = newTransactionId(cstDate(at).replace(/-/g, ''));
    t.successAt = at;
  }
  return deliver(ctx, transactionNotification(ctx, outTradeNo, opts.notifyUrl), 'TRANSACTION.SUCCESS');
}

/**
 * The bank settles a PROCESSING refund as SUCCESS, CLOSED or ABNORMAL and WeChat notifies REFUND.<status>.
 * Completing it again with the same status re-sends; a different status is an error.
 */
export async function completeRefund(
  ctx: SimContext,
  outRefundNo: string,
  status: Exclude<RefundStatus, 'PROCESSING'> = 'SUCCESS',
  opts: { successTime?: SimTime; notifyUrl?: string } = {},
): Promise<number> {
  const r = ctx.state.refunds.get(outRefundNo);
  if (!r) throw new Error(`simulator: no refund ${outRefundNo}`);
  if (!['SUCCESS', 'CLOSED', 'ABNORMAL'].includes(status)) throw new Error(`simulator: bad refund status ${status}`);
  if (r.status === 'PROCESSING') {
    r.status = status;
    if (status === 'SUCCESS') {
      r.successAt = opts.successTime === undefined ? ctx.now() : toMs(opts.successTime);
      ctx.state.transactions.get(r.out_trade_no)!.trade_state = 'REFUND';
    }
  } else if (r.status !== status) {
    throw new Error(`simulator: refund ${outRefundNo} is already ${r.status}`);
  }
  return deliver(ctx, refundNotification(ctx, outRefundNo, opts.notifyUrl), `REFUND.${status}`);
}
