import type { RefundStatus } from '../pay-types.js';
import { json, parseJson, type Handler, type Route, type SimResponse } from './context.js';
import { addExternalContact, addFollower, type ExternalContactSeed, type FollowerSeed } from './seed.js';

/** The actions the control endpoints drive; the simulator binds them (with its notify-url override). */
export interface ControlActions {
  pay(outTradeNo: string): Promise<number>;
  completeRefund(outRefundNo: string, status: Exclude<RefundStatus, 'PROCESSING'>): Promise<number>;
}

const CORS = { 'Access-Control-Allow-Origin': '*' };
const ok = (body: unknown): SimResponse => json(200, body, CORS);
const fail = (status: number, message: string): SimResponse => json(status, { error: message }, CORS);
const body = (text: string) => (parseJson(text) ?? {}) as Record<string, unknown>;

/** Runs an action, mapping simulator refusals ("no transaction", "is closed") to 409. */
async function attempt(run: () => Promise<SimResponse>): Promise<SimResponse> {
  try {
    return await run();
  } catch (err) {
    return fail(409, (err as Error).message);
  }
}

/**
 * /sim/* — not WeChat: lets a browser demo or another process play the payer, the bank and the
 * seed data. CORS-open because the H5 demo calls it directly; bind the simulator to localhost.
 */
export function controlRoutes(actions: ControlActions): Route[] {
  const pay: Handler = (ctx, req) =>
    attempt(async () => {
      const no = body(req.body).out_trade_no;
      if (typeof no !== 'string') return fail(400, 'out_trade_no is required');
      const notify_status = await actions.pay(no);
      const t = ctx.state.transactions.get(no)!;
      return ok({ notify_status, out_trade_no: no, transaction_id: t.transaction_id, trade_state: t.trade_state });
    });
  const completeRefund: Handler = (ctx, req) =>
    attempt(async () => {
      const b = body(req.body);
      const status = (b.status ?? 'SUCCESS') as Exclude<RefundStatus, 'PROCESSING'>;
      if (typeof b.out_refund_no !== 'string') return fail(400, 'out_refund_no is required');
      const notify_status = await actions.completeRefund(b.out_refund_no, status);
      return ok({
        notify_status,
        out_refund_no: b.out_refund_no,
        status: ctx.state.refunds.get(b.out_refund_no)!.status,
      });
    });
  const seed =
    (fn: (ctx: Parameters<Handler>[0], input: never) => unknown): Handler =>
    (ctx, req) =>
      attempt(async () => ok(fn(ctx, body(req.body) as never)));
  const state: Handler = (ctx) =>
    ok({
      prepayRequests: ctx.state.prepayRequests,
      refundRequests: ctx.state.refundRequests,
      transactions: [...ctx.state.transactions.values()].map(({ fingerprint: _f, ...t }) => t),
      refunds: [...ctx.state.refunds.values()],
      notifications: ctx.state.notifications,
    });
  return [
    { method: 'POST', path: /^\/sim\/pay$/, handler: pay },
    { method: 'POST', path: /^\/sim\/refunds\/complete$/, handler: completeRefund },
    {
      method: 'POST',
      path: /^\/sim\/external-contacts$/,
      handler: seed((ctx, i: ExternalContactSeed) => addExternalContact(ctx, i)),
    },
    { method: 'POST', path: /^\/sim\/followers$/, handler: seed((ctx, i: FollowerSeed) => addFollower(ctx, i)) },
    { method: 'GET', path: /^\/sim\/state$/, handler: state },
    { method: 'GET', path: /^\/sim\/health$/, handler: () => ok({ ok: true }) },
  ];
}
