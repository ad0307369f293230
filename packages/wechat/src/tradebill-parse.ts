import { parseYuanToFen } from '@guideshare/contracts';
import { SUMMARY_COLUMNS, TRADE_BILL_COLUMNS, type TradeBillRow, type TradeBillSummary } from './tradebill.js';

// The one reader of WeChat Pay's trade bill (对账单, docs/WECHAT.md §4), strict: UTF-8 BOM, a header
// line, detail lines whose every field starts with a backtick ("`v1,`v2,…"), then a summary header
// (总交易单数,…) and one summary line. Columns are found by title, so extra or reordered columns still
// parse. Amounts are yuan, read into integer fen without floats. Any deviation throws a
// TradeBillFormatError with the 1-based line number, so finance can find it in the file.

export class TradeBillFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/** A detail line that moves money: a payment (SUCCESS) or a refund (REFUND). */
export interface BillEntry {
  line: number;
  kind: 'payment' | 'refund';
  /** 交易时间, "YYYY-MM-DD HH:mm:ss" China time */
  tradeTime: string;
  transactionId: string;
  outTradeNo: string;
  /** Refunds only: WeChat's refund_id and our out_refund_no. */
  refundId: string | null;
  outRefundNo: string | null;
  /** Payment: 订单金额 (else 应结订单金额); refund: 申请退款金额 (else 退款金额). */
  amountFen: number;
}

/** What reconciliation needs of a bill: its day, the lines that move money and the totals. */
export interface TradeBillEntries {
  /** The day of the detail lines; null for a bill without any. */
  billDate: string | null;
  entries: BillEntry[];
  /** Detail lines with a state that moves no money (e.g. REVOKED), listed but not reconciled. */
  ignored: Array<{ line: number; tradeState: string }>;
  summary: Pick<TradeBillSummary, 'totalCount' | 'settlementTotalFen' | 'refundTotalFen'>;
}

export interface ParsedTradeBill extends TradeBillEntries {
  /** Every detail line, all columns (text as printed, amounts in fen). */
  rows: TradeBillRow[];
  summary: TradeBillSummary;
}

const REQUIRED = [
  '交易时间',
  '微信订单号',
  '商户订单号',
  '交易状态',
  '应结订单金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
];
const SUMMARY_REQUIRED = ['总交易单数', '应结订单总金额', '退款总金额'];
/**
 * 手续费 is printed with 5 decimals, every other amount with 2. The fee is informational (nothing is
 * reconciled against it), so a fraction of a fen there is rounded rather than refusing the whole bill.
 */
const FEE_TITLES = new Set(['手续费', '手续费总金额']);
const TRADE_TIME = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}$/;
/** A detail field: no "0"/empty placeholder. */
const present = (v: string) => v !== '' && v !== '0';

/** Amounts that must be printed when their column is there; WeChat leaves no other amount empty either. */
const STRICT_AMOUNTS = new Set(['应结订单金额', '退款金额', '订单金额', '申请退款金额', ...SUMMARY_REQUIRED]);

/** A yuan field as fen: a missing column is 0, so is an empty cell unless its column is strict. */
function amount(n: number, title: string, raw: string | undefined, what = 'a yuan amount'): number {
  if (raw === undefined || (raw.trim() === '' && !STRICT_AMOUNTS.has(title))) return 0;
  try {
    return FEE_TITLES.has(title) ? parseYuanToFen(raw, 5, 'round') : parseYuanToFen(raw, 2);
  } catch {
    throw new TradeBillFormatError(n, `${title} is not ${what}: ${JSON.stringify(raw.trim())}`);
  }
}

/** Backtick-prefixed fields: drop the leading backtick, split on ",`". */
function backtickFields(line: string, n: number, what: string): string[] {
  if (!line.startsWith('`')) throw new TradeBillFormatError(n, `${what} must start with a backtick (\`)`);
  return line.slice(1).split(',`');
}

export function parseTradeBill(text: string): ParsedTradeBill {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (!lines.length) throw new TradeBillFormatError(1, 'the bill is empty');

  const header = lines[0]!.split(',').map((t) => t.trim());
  if (header[0] !== '交易时间')
    throw new TradeBillFormatError(
      1,
      `not a WeChat Pay trade bill header (first column ${JSON.stringify(header[0])}, expected 交易时间)`,
    );
  const col = new Map(header.map((title, i) => [title, i]));
  for (const title of REQUIRED)
    if (!col.has(title)) throw new TradeBillFormatError(1, `the header has no column ${title}`);

  const bill: Omit<ParsedTradeBill, 'summary'> = { billDate: null, rows: [], entries: [], ignored: [] };
  let summary: (TradeBillSummary & { line: number }) | null = null;
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i]!;
    if (summary) throw new TradeBillFormatError(n, 'unexpected content after the summary line');
    if (line.trim() === '') throw new TradeBillFormatError(n, 'empty line inside the bill');
    if (line.startsWith('总交易单数')) {
      const summaryLine = lines[i + 1];
      if (summaryLine === undefined)
        throw new TradeBillFormatError(n + 1, 'the summary header is not followed by the summary line');
      summary = parseSummary(line, summaryLine, n + 1);
      i++;
      continue;
    }
    const fields = backtickFields(line, n, 'a detail line');
    if (fields.length !== header.length)
      throw new TradeBillFormatError(n, `expected ${header.length} fields, found ${fields.length}`);
    detailLine(bill, fields, col, n);
  }

  if (!summary)
    throw new TradeBillFormatError(lines.length + 1, 'the bill ends without its summary (总交易单数 …): truncated?');
  const sum = (key: 'settlementTotalFen' | 'refundFen') => bill.rows.reduce((acc, r) => acc + r[key], 0);
  if (summary.totalCount !== bill.rows.length)
    throw new TradeBillFormatError(
      summary.line,
      `the summary counts ${summary.totalCount} transactions, the bill lists ${bill.rows.length}`,
    );
  if (summary.settlementTotalFen !== sum('settlementTotalFen'))
    throw new TradeBillFormatError(
      summary.line,
      `应结订单总金额 is ${summary.settlementTotalFen} fen, the lines sum to ${sum('settlementTotalFen')}`,
    );
  if (summary.refundTotalFen !== sum('refundFen'))
    throw new TradeBillFormatError(
      summary.line,
      `退款总金额 is ${summary.refundTotalFen} fen, the lines sum to ${sum('refundFen')}`,
    );
  const { line: _, ...totals } = summary;
  return { ...bill, summary: totals };
}

/** Reads one detail line into `bill`: its row, and its entry (or ignored state). */
function detailLine(bill: Omit<ParsedTradeBill, 'summary'>, fields: string[], col: Map<string, number>, n: number) {
  const raw = (title: string) => {
    const at = col.get(title);
    return at === undefined ? undefined : fields[at]!;
  };
  const get = (title: string) => raw(title)!.trim();
  const tradeTime = get('交易时间');
  const date = TRADE_TIME.exec(tradeTime)?.[1];
  if (!date) throw new TradeBillFormatError(n, `交易时间 is not "YYYY-MM-DD HH:mm:ss": ${JSON.stringify(tradeTime)}`);
  if (bill.billDate === null) bill.billDate = date;
  else if (date !== bill.billDate)
    throw new TradeBillFormatError(n, `交易时间 ${tradeTime} is not on the bill's day ${bill.billDate}`);

  const row = {} as Record<keyof TradeBillRow, string | number>;
  for (const [title, key, kind] of TRADE_BILL_COLUMNS)
    row[key] = kind === 'text' ? (raw(title) ?? '') : amount(n, title, raw(title));
  const r = row as unknown as TradeBillRow;
  bill.rows.push(r);

  const tradeState = get('交易状态');
  const transactionId = get('微信订单号');
  const outTradeNo = get('商户订单号');
  if (!present(transactionId)) throw new TradeBillFormatError(n, '微信订单号 is empty');
  const ids = { line: n, tradeTime, transactionId, outTradeNo };
  if (tradeState === 'SUCCESS') {
    const amountFen = col.has('订单金额') ? r.orderTotalFen : r.settlementTotalFen;
    bill.entries.push({ ...ids, kind: 'payment', refundId: null, outRefundNo: null, amountFen });
  } else if (tradeState === 'REFUND') {
    const refundId = get('微信退款单号');
    const outRefundNo = get('商户退款单号');
    if (!present(refundId) && !present(outRefundNo))
      throw new TradeBillFormatError(n, 'a REFUND line without 微信退款单号 or 商户退款单号');
    bill.entries.push({
      ...ids,
      kind: 'refund',
      refundId: present(refundId) ? refundId : null,
      outRefundNo: present(outRefundNo) ? outRefundNo : null,
      amountFen: col.has('申请退款金额') ? r.appliedRefundFen : r.refundFen,
    });
  } else if (/^[A-Z_]+$/.test(tradeState)) {
    bill.ignored.push({ line: n, tradeState });
  } else {
    throw new TradeBillFormatError(n, `交易状态 ${JSON.stringify(tradeState)} is not a trade state`);
  }
}

function parseSummary(headerLine: string, valueLine: string, n: number): TradeBillSummary & { line: number } {
  const titles = headerLine.split(',').map((t) => t.trim());
  for (const title of SUMMARY_REQUIRED)
    if (!titles.includes(title)) throw new TradeBillFormatError(n - 1, `the summary header has no column ${title}`);
  const values = backtickFields(valueLine, n, 'the summary line');
  if (values.length !== titles.length)
    throw new TradeBillFormatError(n, `expected ${titles.length} summary fields, found ${values.length}`);
  const out = { line: n } as TradeBillSummary & { line: number };
  for (const [title, key] of SUMMARY_COLUMNS) {
    const at = titles.indexOf(title);
    out[key] = amount(n, title, at < 0 ? undefined : values[at], 'an amount');
    // WeChat has printed the count as "45.0": read it as an amount and require a whole number.
    if (key !== 'totalCount') continue;
    if (out.totalCount % 100 !== 0 || out.totalCount < 0)
      throw new TradeBillFormatError(n, `总交易单数 is not a count: ${values[at]!.trim()}`);
    out.totalCount /= 100;
  }
  return out;
}
