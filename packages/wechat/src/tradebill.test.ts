import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { renderTradeBill, summarizeTradeBill, TRADE_BILL_COLUMNS, type TradeBillRow } from './tradebill.js';
import { parseTradeBill } from './tradebill-parse.js';

const fixture = readFileSync(new URL('../fixtures/wechatpay-tradebill-sample.csv', import.meta.url), 'utf8');

// yuan ↔ fen: packages/contracts/src/money.test.ts (the one codec).

describe('parseTradeBill on WeChat’s sample bill', () => {
  it('reads every row and ties out to the summary, to the fen', () => {
    const { rows, summary } = parseTradeBill(fixture);
    expect(rows).toHaveLength(45);
    expect(rows.filter((r) => r.tradeState === 'REFUND')).toHaveLength(14);
    expect(rows[0]).toMatchObject({
      tradeTime: '2019-02-19 05:01:46',
      tradeState: 'REFUND',
      refundFen: 1,
      settlementTotalFen: 0,
      outRefundNo: 'REF4200000263201902167700963919',
      rateRemark: '',
    });
    expect(summary).toEqual({
      totalCount: 45,
      settlementTotalFen: 47,
      refundTotalFen: 14,
      rechargeCouponRefundTotalFen: 0,
      feeTotalFen: 8,
      orderTotalFen: 47,
      appliedRefundTotalFen: 14,
    });
    const { totalCount: _c, ...sums } = summarizeTradeBill(rows);
    const { totalCount: _s, ...printed } = summary!;
    expect(sums).toEqual(printed);
  });
});

// Backticks and line breaks cannot survive WeChat's format; the renderer drops them.
const cleaned = (r: TradeBillRow): TradeBillRow =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[`\r\n]/g, '') : v]),
  ) as unknown as TradeBillRow;
const isId = (v: string) => !['', '0'].includes(v.replace(/[`\r\n]/g, '').trim());

const text = fc.string({ maxLength: 12 });
const fen = fc.integer({ min: 0, max: 10_000_000 });
const rowArb: fc.Arbitrary<TradeBillRow> = fc
  .record({
    tradeTime: fc.constant('2024-05-01 12:00:00'),
    appid: text,
    mchid: text,
    subMchid: fc.constant('0'),
    deviceInfo: text,
    transactionId: text,
    outTradeNo: text,
    openid: text,
    tradeType: fc.constant('JSAPI'),
    tradeState: fc.constantFrom('SUCCESS', 'REFUND'),
    bankType: text,
    currency: fc.constant('CNY'),
    settlementTotalFen: fen,
    couponFen: fen,
    refundId: text,
    outRefundNo: text,
    refundFen: fen,
    rechargeCouponRefundFen: fen,
    refundType: text,
    refundStatus: text,
    description: fc.string({ unit: 'grapheme', maxLength: 20 }),
    attach: text,
    feeFen: fc.integer({ min: -100_000, max: 100_000 }),
    rate: fc.constant('0.60%'),
    orderTotalFen: fen,
    appliedRefundFen: fen,
    rateRemark: text,
  })
  // The parser is strict: WeChat never writes a line without 微信订单号, nor a refund without its ids.
  .filter((r) => isId(r.transactionId) && (r.tradeState !== 'REFUND' || isId(r.refundId) || isId(r.outRefundNo)));

describe('renderTradeBill', () => {
  it('writes WeChat’s exact layout: BOM, header, `-prefixed rows, summary, CRLF', () => {
    const [row] = fc.sample(rowArb, { numRuns: 1, seed: 1 });
    const csv = renderTradeBill([{ ...row!, description: '商品', settlementTotalFen: 12345, feeFen: 74 }]);
    expect(csv.startsWith('\uFEFF交易时间,公众账号ID,商户号,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, row, summary header, summary, trailing ''
    expect(lines[0]!.split(',')).toEqual(TRADE_BILL_COLUMNS.map(([t]) => t));
    expect(lines[1]!.startsWith('`2024-05-01 12:00:00,`')).toBe(true);
    expect(lines[1]!.slice(1).split(',`')).toHaveLength(27);
    expect(lines[1]).toContain(',`123.45,`');
    expect(lines[1]).toContain(',`0.74000,`0.60%,`');
    expect(lines[2]).toBe(
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    );
    expect(lines[3]).toMatch(/^`1,`123\.45,`\d+\.\d\d,`\d+\.\d\d,`0\.74,`\d+\.\d\d,`\d+\.\d\d$/);
    expect(lines[4]).toBe('');
  });

  it('parses back to the same rows and summary, amounts to the fen', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (rows) => {
        const parsed = parseTradeBill(renderTradeBill(rows));
        expect(parsed.rows).toEqual(rows.map(cleaned));
        expect(parsed.summary).toEqual(summarizeTradeBill(rows));
      }),
    );
  });

  it('renders the sample bill’s rows back into the sample’s detail lines', () => {
    const { rows } = parseTradeBill(fixture);
    const detail = (csv: string) =>
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 46);
    expect(detail(renderTradeBill(rows))).toEqual(detail(fixture));
  });
});
