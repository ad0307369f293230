import type { TradeBillRow } from '../tradebill.js';
import { cstDate, cstDateTime } from '../time.js';
import type { SimState } from './state.js';

/** WeChat's fee: rate × amount, rounded half up to the fen; returned pro rata on refunds. */
export const feeFen = (amountFen: number, rateBps: number) => Math.floor((amountFen * rateBps + 5000) / 10000);

const rateText = (bps: number) => `${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, '0')}%`;

/** The day's bill lines from simulator state: payments by success day, successful refunds by refund day. */
export function billRows(
  state: SimState,
  opts: { billDate: string; billType: 'ALL' | 'SUCCESS' | 'REFUND'; mchid: string; feeRateBps: number },
): TradeBillRow[] {
  const rows: Array<{ at: number; row: TradeBillRow }> = [];
  const base = {
    subMchid: '0',
    deviceInfo: '',
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
    currency: 'CNY',
    rate: rateText(opts.feeRateBps),
    rateRemark: '',
    couponFen: 0,
    rechargeCouponRefundFen: 0,
  };
  if (opts.billType !== 'REFUND') {
    for (const t of state.transactions.values()) {
      if (t.successAt === undefined || cstDate(t.successAt) !== opts.billDate) continue;
      rows.push({
        at: t.successAt,
        row: {
          ...base,
          tradeTime: cstDateTime(t.successAt),
          appid: t.appid,
          mchid: opts.mchid,
          transactionId: t.transaction_id!,
          outTradeNo: t.out_trade_no,
          openid: t.openid,
          tradeState: 'SUCCESS',
          settlementTotalFen: t.total,
          refundId: '0',
          outRefundNo: '0',
          refundFen: 0,
          refundType: '',
          refundStatus: '',
          description: t.description,
          attach: t.attach ?? '',
          feeFen: feeFen(t.total, opts.feeRateBps),
          orderTotalFen: t.total,
          appliedRefundFen: 0,
        },
      });
    }
  }
  if (opts.billType !== 'SUCCESS') {
    for (const r of state.refunds.values()) {
      if (r.status !== 'SUCCESS' || r.successAt === undefined || cstDate(r.successAt) !== opts.billDate) continue;
      const t = state.transactions.get(r.out_trade_no)!;
      rows.push({
        at: r.successAt,
        row: {
          ...base,
          tradeTime: cstDateTime(r.successAt),
          appid: t.appid,
          mchid: opts.mchid,
          transactionId: r.transaction_id,
          outTradeNo: r.out_trade_no,
          openid: t.openid,
          tradeState: 'REFUND',
          settlementTotalFen: 0,
          refundId: r.refund_id,
          outRefundNo: r.out_refund_no,
          refundFen: r.refund,
          refundType: 'ORIGINAL',
          refundStatus: 'SUCCESS',
          description: t.description,
          attach: t.attach ?? '',
          feeFen: -feeFen(r.refund, opts.feeRateBps),
          orderTotalFen: 0,
          appliedRefundFen: r.refund,
        },
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map((r) => r.row);
}
