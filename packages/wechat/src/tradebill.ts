import { formatYuan, parseYuan } from './yuan.js';

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

/** Detail columns in WeChat's order (WECHAT-PLATFORM.md §3, fixture wechatpay-tradebill-sample.csv). */
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

const SUMMARY_COLUMNS: ReadonlyArray<readonly [string, keyof TradeBillSummary]> = [
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
        const text = kind === 'text' ? clean(String(v ?? '')) : formatYuan(v as number, kind === 'fee' ? 5 : 2);
        return `\`${text}`;
      }).join(','),
    );
  }
  const s = summarizeTradeBill(rows);
  lines.push(SUMMARY_COLUMNS.map(([title]) => title).join(','));
  lines.push(
    SUMMARY_COLUMNS.map(([, key]) => `\`${key === 'totalCount' ? String(s.totalCount) : formatYuan(s[key])}`).join(','),
  );
  return BOM + lines.join(EOL) + EOL;
}

/** Splits a bill line: drop the leading backtick, split on ",`" (WECHAT-PLATFORM.md §3). */
const fields = (line: string) => (line.startsWith('`') ? line.slice(1).split(',`') : line.split(','));

/**
 * Parses a WeChat trade bill (this package's rendering or WeChat's) by column title, so a bill with
 * extra or reordered columns still parses; yuan amounts become integer fen without floating point.
 */
export function parseTradeBill(csv: string): { rows: TradeBillRow[]; summary: TradeBillSummary | null } {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0]?.split(',') ?? [];
  if (header[0] !== '交易时间') throw new RangeError('not a WeChat Pay trade bill: first column is not 交易时间');
  const index = new Map(header.map((title, i) => [title, i]));
  const rows: TradeBillRow[] = [];
  let summary: TradeBillSummary | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('总交易单数')) {
      summary = parseSummary(line.split(','), lines[i + 1]);
      break;
    }
    const values = fields(line);
    const row = {} as Record<keyof TradeBillRow, string | number>;
    for (const [title, key, kind] of TRADE_BILL_COLUMNS) {
      const at = index.get(title);
      const raw = at === undefined ? '' : (values[at] ?? '');
      row[key] = kind === 'text' ? raw : raw === '' ? 0 : parseYuan(raw);
    }
    rows.push(row as unknown as TradeBillRow);
  }
  return { rows, summary };
}

function parseSummary(titles: string[], line: string | undefined): TradeBillSummary {
  const values = fields(line ?? '');
  const out = {} as TradeBillSummary;
  for (const [title, key] of SUMMARY_COLUMNS) {
    const raw = values[titles.indexOf(title)] ?? '0';
    // WeChat has printed the count as "45.0"; it is still a count.
    out[key] = key === 'totalCount' ? parseYuan(raw) / 100 : parseYuan(raw);
  }
  return out;
}
