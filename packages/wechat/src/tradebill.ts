import { formatFen } from '@guideshare/contracts';

/**
 * One detail line of a WeChat Pay trade bill (对账单), amounts in integer fen.
 * A payment line has tradeState SUCCESS and refund fields 0/''; a refund line has tradeState REFUND,
 * zero order amounts and the refund amounts.
 */
export interface TradeBillRow {
  /** 交易时间, "YYYY-MM-DD HH:mm:ss" China time */
  tradeTime: string;
  appid: string;
  mchid: string;
  /** 特约商户号: "0" for a direct merchant */
  subMchid: string;
  deviceInfo: string;
  transactionId: string;
  outTradeNo: string;
  openid: string;
  tradeType: string;
  tradeState: string;
  bankType: string;
  currency: string;
  /** 应结订单金额 */
  settlementTotalFen: number;
  /** 代金券金额 */
  couponFen: number;
  /** 微信退款单号 ("0" on payment lines) */
  refundId: string;
  /** 商户退款单号 ("0" on payment lines) */
  outRefundNo: string;
  /** 退款金额 */
  refundFen: number;
  /** 充值券退款金额 */
  rechargeCouponRefundFen: number;
  refundType: string;
  refundStatus: string;
  /** 商品名称 */
  description: string;
  /** 商户数据包 */
  attach: string;
  /** 手续费 (negative on refund lines: the fee is returned) */
  feeFen: number;
  /** 费率, e.g. "0.60%" */
  rate: string;
  /** 订单金额 */
  orderTotalFen: number;
  /** 申请退款金额 */
  appliedRefundFen: number;
  rateRemark: string;
}

export interface TradeBillSummary {
  totalCount: number;
  settlementTotalFen: number;
  refundTotalFen: number;
  rechargeCouponRefundTotalFen: number;
  feeTotalFen: number;
  orderTotalFen: number;
  appliedRefundTotalFen: number;
}

type Column = readonly [title: string, key: keyof TradeBillRow, kind: 'text' | 'yuan' | 'fee'];

/** Detail columns in WeChat's order (docs/WECHAT.md §4, fixture wechatpay-tradebill-sample.csv). */
export const TRADE_BILL_COLUMNS: readonly Column[] = [
  ['交易时间', 'tradeTime', 'text'],
  ['公众账号ID', 'appid', 'text'],
  ['商户号', 'mchid', 'text'],
  ['特约商户号', 'subMchid', 'text'],
  ['设备号', 'deviceInfo', 'text'],
  ['微信订单号', 'transactionId', 'text'],
  ['商户订单号', 'outTradeNo', 'text'],
  ['用户标识', 'openid', 'text'],
  ['交易类型', 'tradeType', 'text'],
  ['交易状态', 'tradeState', 'text'],
  ['付款银行', 'bankType', 'text'],
  ['货币种类', 'currency', 'text'],
  ['应结订单金额', 'settlementTotalFen', 'yuan'],
  ['代金券金额', 'couponFen', 'yuan'],
  ['微信退款单号', 'refundId', 'text'],
  ['商户退款单号', 'outRefundNo', 'text'],
  ['退款金额', 'refundFen', 'yuan'],
  ['充值券退款金额', 'rechargeCouponRefundFen', 'yuan'],
  ['退款类型', 'refundType', 'text'],
  ['退款状态', 'refundStatus', 'text'],
  ['商品名称', 'description', 'text'],
  ['商户数据包', 'attach', 'text'],
  ['手续费', 'feeFen', 'fee'],
  ['费率', 'rate', 'text'],
  ['订单金额', 'orderTotalFen', 'yuan'],
  ['申请退款金额', 'appliedRefundFen', 'yuan'],
  ['费率备注', 'rateRemark', 'text'],
];

/** Summary columns in WeChat's order. */
export const SUMMARY_COLUMNS: ReadonlyArray<readonly [string, keyof TradeBillSummary]> = [
  ['总交易单数', 'totalCount'],
  ['应结订单总金额', 'settlementTotalFen'],
  ['退款总金额', 'refundTotalFen'],
  ['充值券退款总金额', 'rechargeCouponRefundTotalFen'],
  ['手续费总金额', 'feeTotalFen'],
  ['订单总金额', 'orderTotalFen'],
  ['申请退款总金额', 'appliedRefundTotalFen'],
];

const BOM = '\uFEFF';
const EOL = '\r\n';

/** Totals as WeChat prints them in the summary row. */
export function summarizeTradeBill(rows: readonly TradeBillRow[]): TradeBillSummary {
  const sum = (key: keyof TradeBillRow) => rows.reduce((acc, r) => acc + (r[key] as number), 0);
  return {
    totalCount: rows.length,
    settlementTotalFen: sum('settlementTotalFen'),
    refundTotalFen: sum('refundFen'),
    rechargeCouponRefundTotalFen: sum('rechargeCouponRefundFen'),
    feeTotalFen: sum('feeFen'),
    orderTotalFen: sum('orderTotalFen'),
    appliedRefundTotalFen: sum('appliedRefundFen'),
  };
}

// WeChat neither quotes nor escapes: a backtick-comma or a line break inside a value would split the
// line, so such characters are dropped from text fields.
const clean = (v: string) => v.replace(/[`\r\n]/g, '');

/** Renders a trade bill exactly like WeChat's CSV: BOM, header, "`"-prefixed detail rows, summary header + row, CRLF. */
export function renderTradeBill(rows: readonly TradeBillRow[]): string {
  const lines = [TRADE_BILL_COLUMNS.map(([title]) => title).join(',')];
  for (const row of rows) {
    lines.push(
      TRADE_BILL_COLUMNS.map(([, key, kind]) => {
        const v = row[key];
        const text = kind === 'text' ? clean(String(v ?? '')) : formatFen(v as number, kind === 'fee' ? 5 : 2);
        return `\`${text}`;
      }).join(','),
    );
  }
  const s = summarizeTradeBill(rows);
  lines.push(SUMMARY_COLUMNS.map(([title]) => title).join(','));
  lines.push(
    SUMMARY_COLUMNS.map(([, key]) => `\`${key === 'totalCount' ? String(s.totalCount) : formatFen(s[key])}`).join(','),
  );
  return BOM + lines.join(EOL) + EOL;
}
