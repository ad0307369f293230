import { parseYuanToFen } from '@guideshare/contracts';

// A strict reader of WeChat Pay's trade bill (对账单, WECHAT-PLATFORM.md §3): UTF-8 BOM, a header
// line, detail lines whose every field starts with a backtick ("`v1,`v2,…"), then a summary header
// (总交易单数,…) and one summary line. Amounts are yuan, read into integer fen without floats. Any
// deviation is reported with the 1-based line number, so finance can find it in the file.

export class TradeBillFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

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

export interface ParsedTradeBill {
  /** The day of the detail lines; null for a bill without any. */
  billDate: string | null;
  entries: BillEntry[];
  /** Detail lines with a state that moves no money (e.g. REVOKED), listed but not reconciled. */
  ignored: Array<{ line: number; tradeState: string }>;
  summary: { totalCount: number; settlementTotalFen: number; refundTotalFen: number };
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
] as const;
const SUMMARY_REQUIRED = ['总交易单数', '应结订单总金额', '退款总金额'] as const;
const TRADE_TIME = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}$/;
/** A detail field: no "0"/empty placeholder. */
const present = (v: string) => v !== '' && v !== '0';

export function parseTradeBillStrict(text: string): ParsedTradeBill {
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

  const entries: BillEntry[] = [];
  const ignored: ParsedTradeBill['ignored'] = [];
  let billDate: string | null = null;
  let settlementSum = 0;
  let refundSum = 0;
  let detailCount = 0;
  let summary: (ParsedTradeBill['summary'] & { line: number }) | null = null;

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
    if (!line.startsWith('`')) throw new TradeBillFormatError(n, 'a detail line must start with a backtick (`)');
    const fields = line.slice(1).split(',`');
    if (fields.length !== header.length)
      throw new TradeBillFormatError(n, `expected ${header.length} fields, found ${fields.length}`);
    const get = (title: string) => {
      const at = col.get(title);
      return at === undefined ? undefined : fields[at]!.trim();
    };
    const fen = (title: string): number | undefined => {
      const raw = get(title);
      if (raw === undefined) return undefined;
      try {
        return parseYuanToFen(raw);
      } catch {
        throw new TradeBillFormatError(n, `${title} is not a yuan amount: ${JSON.stringify(raw)}`);
      }
    };

    const tradeTime = get('交易时间')!;
    const date = TRADE_TIME.exec(tradeTime)?.[1];
    if (!date) throw new TradeBillFormatError(n, `交易时间 is not "YYYY-MM-DD HH:mm:ss": ${JSON.stringify(tradeTime)}`);
    if (billDate === null) billDate = date;
    else if (date !== billDate)
      throw new TradeBillFormatError(n, `交易时间 ${tradeTime} is not on the bill's day ${billDate}`);

    const settlementFen = fen('应结订单金额')!;
    const refundFen = fen('退款金额')!;
    const orderFen = fen('订单金额');
    const appliedRefundFen = fen('申请退款金额');
    settlementSum += settlementFen;
    refundSum += refundFen;
    detailCount++;

    const tradeState = get('交易状态')!;
    const transactionId = get('微信订单号')!;
    const outTradeNo = get('商户订单号')!;
    if (!present(transactionId)) throw new TradeBillFormatError(n, '微信订单号 is empty');
    if (tradeState === 'SUCCESS') {
      entries.push({
        line: n,
        kind: 'payment',
        tradeTime,
        transactionId,
        outTradeNo,
        refundId: null,
        outRefundNo: null,
        amountFen: orderFen ?? settlementFen,
      });
    } else if (tradeState === 'REFUND') {
      const refundId = get('微信退款单号')!;
      const outRefundNo = get('商户退款单号')!;
      if (!present(refundId) && !present(outRefundNo))
        throw new TradeBillFormatError(n, 'a REFUND line without 微信退款单号 or 商户退款单号');
      entries.push({
        line: n,
        kind: 'refund',
        tradeTime,
        transactionId,
        outTradeNo,
        refundId: present(refundId) ? refundId : null,
        outRefundNo: present(outRefundNo) ? outRefundNo : null,
        amountFen: appliedRefundFen ?? refundFen,
      });
    } else if (/^[A-Z_]+$/.test(tradeState)) {
      ignored.push({ line: n, tradeState });
    } else {
      throw new TradeBillFormatError(n, `交易状态 ${JSON.stringify(tradeState)} is not a trade state`);
    }
  }

  if (!summary)
    throw new TradeBillFormatError(lines.length + 1, 'the bill ends without its summary (总交易单数 …): truncated?');
  if (summary.totalCount !== detailCount)
    throw new TradeBillFormatError(
      summary.line,
      `the summary counts ${summary.totalCount} transactions, the bill lists ${detailCount}`,
    );
  if (summary.settlementTotalFen !== settlementSum) {
    throw new TradeBillFormatError(
      summary.line,
      `应结订单总金额 is ${summary.settlementTotalFen} fen, the lines sum to ${settlementSum}`,
    );
  }
  if (summary.refundTotalFen !== refundSum)
    throw new TradeBillFormatError(
      summary.line,
      `退款总金额 is ${summary.refundTotalFen} fen, the lines sum to ${refundSum}`,
    );
  const { line: _, ...totals } = summary;
  return { billDate, entries, ignored, summary: totals };
}

function parseSummary(headerLine: string, valueLine: string, n: number) {
  const titles = headerLine.split(',').map((t) => t.trim());
  for (const title of SUMMARY_REQUIRED)
    if (!titles.includes(title)) throw new TradeBillFormatError(n - 1, `the summary header has no column ${title}`);
  if (!valueLine.startsWith('`')) throw new TradeBillFormatError(n, 'the summary line must start with a backtick (`)');
  const values = valueLine
    .slice(1)
    .split(',`')
    .map((v) => v.trim());
  if (values.length !== titles.length)
    throw new TradeBillFormatError(n, `expected ${titles.length} summary fields, found ${values.length}`);
  const fen = (title: string) => {
    const raw = values[titles.indexOf(title)]!;
    try {
      return parseYuanToFen(raw);
    } catch {
      throw new TradeBillFormatError(n, `${title} is not an amount: ${JSON.stringify(raw)}`);
    }
  };
  // WeChat has printed the count as "45.0": read it as an amount and require a whole number.
  const count = fen('总交易单数');
  if (count % 100 !== 0 || count < 0)
    throw new TradeBillFormatError(n, `总交易单数 is not a count: ${values[titles.indexOf('总交易单数')]}`);
  return {
    line: n,
    totalCount: count / 100,
    settlementTotalFen: fen('应结订单总金额'),
    refundTotalFen: fen('退款总金额'),
  };
}
