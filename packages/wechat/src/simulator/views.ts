import type { Refund, RefundNotificationResource, Transaction } from '../pay-types.js';
import { rfc3339Cst } from '../time.js';
import type { SimRefund, SimTransaction } from './state.js';

// Wire views of simulator records, shared by the query endpoints and the notifications.

const TRADE_STATE_DESC: Record<string, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '未支付',
  CLOSED: '已关闭',
};

export function transactionView(t: SimTransaction): Transaction {
  const paid = t.transaction_id !== undefined;
  return {
    appid: t.appid,
    mchid: t.mchid,
    out_trade_no: t.out_trade_no,
    trade_state: t.trade_state,
    trade_state_desc: TRADE_STATE_DESC[t.trade_state] ?? t.trade_state,
    attach: t.attach ?? '',
    payer: { openid: t.openid },
    ...(paid
      ? {
          transaction_id: t.transaction_id,
          trade_type: 'JSAPI',
          bank_type: 'OTHERS',
          success_time: rfc3339Cst(t.successAt!),
          amount: { total: t.total, payer_total: t.total, currency: 'CNY', payer_currency: 'CNY' },
        }
      : { amount: { total: t.total, currency: 'CNY', payer_currency: 'CNY' } }),
  };
}

/** The TRANSACTION.SUCCESS resource: always trade_state SUCCESS, even if re-sent after a refund. */
export const paidTransactionResource = (t: SimTransaction): Transaction => ({
  ...transactionView(t),
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
});

export function refundView(r: SimRefund): Refund {
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: r.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: rfc3339Cst(r.createdAt),
    ...(r.successAt !== undefined ? { success_time: rfc3339Cst(r.successAt) } : {}),
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: r.total,
      refund: r.refund,
      payer_total: r.total,
      payer_refund: r.refund,
      settlement_refund: r.refund,
      settlement_total: r.total,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
  };
}

export function refundNotificationResource(r: SimRefund, mchid: string): RefundNotificationResource {
  return {
    mchid,
    out_trade_no: r.out_trade_no,
    transaction_id: r.transaction_id,
    out_refund_no: r.out_refund_no,
    refund_id: r.refund_id,
    refund_status: r.status,
    ...(r.successAt !== undefined ? { success_time: rfc3339Cst(r.successAt) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund },
  };
}
