import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseTradeBill, TradeBillFormatError } from './tradebill-parse.js';

const fixture = readFileSync(new URL('../fixtures/wechatpay-tradebill-sample.csv', import.meta.url), 'utf8');
const lines = fixture.replace(/^\uFEFF/, '').split('\r\n');
const bill = (ls: string[]) => `\uFEFF${ls.join('\r\n')}`;
const withLine = (n: number, change: (fields: string[]) => string[]) =>
  bill(lines.map((l, i) => (i === n - 1 ? '`' + change(l.slice(1).split(',`')).join(',`') : l)));

function failure(csv: string): { line: number; problem: string } {
  try {
    parseTradeBill(csv);
  } catch (e) {
    if (e instanceof TradeBillFormatError) return { line: e.line, problem: e.problem };
    throw e;
  }
  throw new Error('the bill parsed');
}

describe('parseTradeBill: the money lines for reconciliation', () => {
  it('lists payments and refunds with their line, ids and amounts', () => {
    const parsed = parseTradeBill(fixture);
    expect(parsed.billDate).toBe('2019-02-19');
    expect(parsed.ignored).toEqual([]);
    expect(parsed.entries).toHaveLength(45);
    expect(parsed.entries[0]).toEqual({
      line: 2,
      kind: 'refund',
      tradeTime: '2019-02-19 05:01:46',
      transactionId: '4200000263201902167700134212',
      outTradeNo: 'autotest_20190216081946_82335',
      refundId: '50000709672019011908420787722',
      outRefundNo: 'REF4200000263201902167700963919',
      amountFen: 1,
    });
    expect(parsed.entries[2]).toMatchObject({ line: 4, kind: 'payment', refundId: null, amountFen: 3 });
  });

  it('reads a fee with fractions of a fen (a column reconciliation does not use) rounded to the fen', () => {
    const feeOf = (fee: string) => parseTradeBill(withLine(3, (f) => f.map((v, i) => (i === 22 ? fee : v))));
    expect(feeOf('0.00600').rows[1]!.feeFen).toBe(1);
    expect(feeOf('0.00400').rows[1]!.feeFen).toBe(0);
    expect(feeOf('-0.01500').rows[1]!.feeFen).toBe(-2);
    expect(feeOf('0.00600').entries).toEqual(parseTradeBill(fixture).entries);
  });

  it('lists a state that moves no money as ignored', () => {
    const parsed = parseTradeBill(withLine(4, (f) => f.map((v, i) => (i === 9 ? 'REVOKED' : v))));
    expect(parsed.ignored).toEqual([{ line: 4, tradeState: 'REVOKED' }]);
    expect(parsed.entries).toHaveLength(44);
  });
});

describe('parseTradeBill refuses what WeChat never writes, naming the line', () => {
  const last = lines.length - 1; // the trailing '' after the last CRLF
  it.each<[string, string, number, RegExp]>([
    ['an empty file', '', 1, /the bill is empty/],
    ['another CSV', '交易日期,金额\r\n`2024-01-01,`1.00\r\n', 1, /not a WeChat Pay trade bill/],
    [
      'a header without 微信订单号',
      bill([lines[0]!.replace('微信订单号', '微信单号'), ...lines.slice(1)]),
      1,
      /微信订单号/,
    ],
    ['a bad amount', withLine(3, (f) => f.map((v, i) => (i === 12 ? '12.3.4' : v))), 3, /应结订单金额 is not a yuan/],
    ['half a fen', withLine(3, (f) => f.map((v, i) => (i === 12 ? '0.005' : v))), 3, /应结订单金额/],
    ['a fee to 6 decimals', withLine(3, (f) => f.map((v, i) => (i === 22 ? '0.010000' : v))), 3, /手续费/],
    ['missing fields', withLine(2, (f) => f.slice(0, 20)), 2, /expected 27 fields, found 20/],
    ['no backtick', bill(lines.map((l, i) => (i === 2 ? l.slice(1) : l))), 3, /backtick/],
    ['another day', withLine(3, (f) => [f[0]!.replace('2019-02-19', '2001-01-01'), ...f.slice(1)]), 3, /bill's day/],
    ['an empty 微信订单号', withLine(3, (f) => f.map((v, i) => (i === 5 ? '' : v))), 3, /微信订单号 is empty/],
    ['a refund without ids', withLine(2, (f) => f.map((v, i) => (i === 14 || i === 15 ? '0' : v))), 2, /REFUND/],
    ['a lower-case state', withLine(3, (f) => f.map((v, i) => (i === 9 ? 'paid' : v))), 3, /not a trade state/],
    ['an empty line', bill([...lines.slice(0, 3), '', ...lines.slice(3)]), 4, /empty line/],
    ['a truncated file', bill(lines.slice(0, 30)), 31, /without its summary/],
    ['a wrong count', bill(lines.map((l, i) => (i === last - 1 ? l.replace('`45.0', '`44') : l))), last, /counts 44/],
    ['a half count', bill(lines.map((l, i) => (i === last - 1 ? l.replace('`45.0', '`45.5') : l))), last, /count/],
    [
      'a wrong total',
      bill(lines.map((l, i) => (i === last - 1 ? l.replace(',`0.47,', ',`0.48,') : l))),
      last,
      /48 fen/,
    ],
    ['content after the summary', bill([...lines.slice(0, last), 'x']), last + 1, /after the summary/],
  ])('%s', (_, csv, line, problem) => {
    const f = failure(csv);
    expect(f.line).toBe(line);
    expect(f.problem).toMatch(problem);
  });
});
