import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cstDate, parseTradeBill, renderTradeBill, WechatPayClient, type TradeBillRow } from '@guideshare/wechat';
import { createBrand, type Brand } from './support/fixtures.js';
import { financeToken, paidOrder, refund } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;
let billDate: string;
let genuineCsv: string;
const orders: Record<'a' | 'b' | 'c', any> = {} as any;
let refundA: any;

const outTradeNo = (orderId: string) => orderId.replace(/-/g, '');
const postBill = (csv: string, token = finance, contentType = 'text/csv') =>
  stack.client.request('POST', '/api/finance/reconciliations', {
    token,
    raw: csv,
    headers: { 'content-type': contentType },
  });

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 800 });
  finance = await financeToken(stack, brand.admin);
  orders.a = (await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }])).order; // 100.00
  orders.b = (await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 3 }])).order; // 99.99
  orders.c = (await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }])).order; // 200.00
  refundA = (await refund(stack, brand.admin, orders.a.id, { amountFen: 2500, reason: '部分退款' })).body;
  expect(await stack.sim.completeRefund(refundA.outRefundNo, 'SUCCESS')).toBe(204);
  // A refund still PROCESSING is in neither the bill nor our successful refunds.
  expect((await refund(stack, brand.admin, orders.b.id, { amountFen: 100, reason: '处理中' })).status).toBe(201);
  billDate = cstDate(Date.now());
  genuineCsv = await stack.app.get(WechatPayClient).tradeBill(billDate);
});
afterAll(async () => stack?.close());

describe('reconciliation against the WeChat Pay trade bill', () => {
  it('matches every payment and refund of a genuine bill', async () => {
    expect(genuineCsv.charCodeAt(0)).toBe(0xfeff);
    const res = await postBill(genuineCsv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      billDate,
      matched: 4,
      missingInLedger: [],
      missingInBill: [],
      amountMismatch: [],
    });
    expect(res.body.totals).toEqual({
      bill: { payments: 3, paymentsFen: 39999, refunds: 1, refundsFen: 2500 },
      ledger: { payments: 3, paymentsFen: 39999, refunds: 1, refundsFen: 2500 },
    });
    // The same, downloaded from WeChat Pay by the API itself (signed link, SHA1-checked file).
    const fetched = await stack.client.post('/api/finance/reconciliations/wechat', { billDate }, finance);
    expect(fetched.status).toBe(200);
    // Each is a run of its own, kept with its source; the reports agree.
    const report = ({ id: _i, source: _s, createdAt: _c, ...rest }: Record<string, unknown>) => rest;
    expect([res.body.source, fetched.body.source]).toEqual(['upload', 'wechat']);
    expect(fetched.body.id).not.toBe(res.body.id);
    expect(report(fetched.body)).toEqual(report(res.body));
  });

  it('lists an unknown transaction, a wrong amount and a missing payment, each once', async () => {
    const { rows } = parseTradeBill(genuineCsv);
    const payment = (orderId: string) =>
      rows.find((r) => r.tradeState === 'SUCCESS' && r.outTradeNo === outTradeNo(orderId))!;
    const unknown: TradeBillRow = {
      ...payment(orders.a.id),
      transactionId: '4200009999202401010000000001',
      outTradeNo: 'ffffffffffffffffffffffffffffffff',
    };
    const wrongAmount: TradeBillRow = { ...payment(orders.b.id), settlementTotalFen: 9990, orderTotalFen: 9990 };
    const refundRow = rows.find((r) => r.tradeState === 'REFUND')!;
    const unknownRefund: TradeBillRow = {
      ...refundRow,
      refundId: '50300000000000000000000000001',
      outRefundNo: 'nosuchrefund',
    };
    const tampered = rows
      .filter((r) => r !== payment(orders.c.id)) // the bill misses order c's payment
      .map((r) => (r === payment(orders.b.id) ? wrongAmount : r))
      .concat([unknown, unknownRefund]);

    const res = await postBill(renderTradeBill(tampered));
    expect(res.status).toBe(200);
    expect(res.body.billDate).toBe(billDate);
    expect(res.body.matched).toBe(2); // order a's payment and its refund
    expect(res.body.missingInLedger).toEqual([
      expect.objectContaining({
        type: 'payment',
        reason: 'UNKNOWN',
        transactionId: unknown.transactionId,
        outTradeNo: unknown.outTradeNo,
        amountFen: 10000,
        orderId: null,
      }),
      expect.objectContaining({
        type: 'refund',
        reason: 'UNKNOWN',
        refundId: unknownRefund.refundId,
        outRefundNo: 'nosuchrefund',
        amountFen: 2500,
      }),
    ]);
    expect(res.body.amountMismatch).toEqual([
      expect.objectContaining({
        type: 'payment',
        orderId: orders.b.id,
        transactionId: wrongAmount.transactionId,
        billFen: 9990,
        ledgerFen: 9999,
      }),
    ]);
    expect(res.body.missingInBill).toEqual([
      expect.objectContaining({
        type: 'payment',
        orderId: orders.c.id,
        outTradeNo: outTradeNo(orders.c.id),
        amountFen: 20000,
      }),
    ]);
    // Each finding names the bill line it came from.
    const lineOf = (r: TradeBillRow) => 2 + tampered.indexOf(r);
    expect(res.body.missingInLedger[0].line).toBe(lineOf(unknown));
    expect(res.body.amountMismatch[0].line).toBe(lineOf(wrongAmount));
  });

  it('reports a refund the bill shows but we still think is in progress, and a refund missing from the bill', async () => {
    const { rows } = parseTradeBill(genuineCsv);
    const withoutRefund = rows.filter((r) => r.tradeState !== 'REFUND');
    const res = await postBill(renderTradeBill(withoutRefund));
    expect(res.body.missingInBill).toEqual([
      expect.objectContaining({
        type: 'refund',
        orderId: orders.a.id,
        outRefundNo: refundA.outRefundNo,
        refundId: refundA.refundId,
        amountFen: 2500,
      }),
    ]);
    expect(res.body.matched).toBe(3);
  });

  it('reads WeChat’s own sample bill (BOM, backticks, refund lines, "45.0" count)', async () => {
    const sample = readFileSync(
      new URL('../../packages/wechat/fixtures/wechatpay-tradebill-sample.csv', import.meta.url),
      'utf8',
    );
    const res = await postBill(sample);
    expect(res.status).toBe(200);
    expect(res.body.billDate).toBe('2019-02-19');
    expect(res.body.matched).toBe(0);
    expect(res.body.missingInLedger).toHaveLength(45);
    expect(res.body.totals.bill).toEqual({ payments: 31, paymentsFen: 47, refunds: 14, refundsFen: 14 });
    // The sample lists two transactions twice: the second listing of each is flagged as a duplicate.
    const reasons = res.body.missingInLedger.map((m: any) => m.reason);
    expect(reasons.filter((r: string) => r === 'UNKNOWN')).toHaveLength(43);
    expect(
      res.body.missingInLedger
        .filter((m: any) => m.reason === 'DUPLICATE')
        .map((m: any) => m.transactionId)
        .sort(),
    ).toEqual(['4200000263201902167700134235', '4200000263201902167700134267']);
  });

  it('rejects a malformed bill with a 400 naming the line', async () => {
    const lines = genuineCsv.split('\r\n');
    const badLine = (n: number, change: (fields: string[]) => string[]) =>
      lines.map((l, i) => (i === n - 1 ? '`' + change(l.slice(1).split(',`')).join(',`') : l)).join('\r\n');
    const cases: Array<[string, string, RegExp]> = [
      [badLine(3, (f) => f.map((v, i) => (i === 12 ? '12.3.4' : v))), 'line 3', /应结订单金额 is not a yuan amount/],
      [badLine(2, (f) => f.slice(0, 20)), 'line 2', /expected 27 fields, found 20/],
      [lines.map((l, i) => (i === 2 ? l.slice(1) : l)).join('\r\n'), 'line 3', /backtick/],
      [lines.slice(0, -3).join('\r\n') + '\r\n', `line ${lines.length - 2}`, /without its summary/],
      [
        lines.map((l, i) => (i === lines.length - 2 ? l.replace(/^`\d+/, '`7') : l)).join('\r\n'),
        `line ${lines.length - 1}`,
        /counts 7 transactions, the bill lists 4/,
      ],
      ['\uFEFF交易日期,金额\r\n`2024-01-01,`1.00\r\n', 'line 1', /not a WeChat Pay trade bill/],
      [
        lines.map((l, i) => (i === 2 ? l.replace(/^`\d{4}-\d{2}-\d{2}/, '`2001-01-01') : l)).join('\r\n'),
        'line 3',
        /is not on the bill's day/,
      ],
    ];
    for (const [csv, line, message] of cases) {
      const res = await postBill(csv);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('TRADE_BILL_MALFORMED');
      expect(res.body.error.message).toContain(line);
      expect(res.body.error.details).toEqual([{ field: line, message: expect.stringMatching(message) }]);
    }
    const json = await stack.client.post('/api/finance/reconciliations', { csv: genuineCsv }, finance);
    expect(json.status).toBe(415);
  });

  it('treats a day without a bill as one where all our money is missing from WeChat, and is for finance only', async () => {
    const empty = await stack.client.post('/api/finance/reconciliations/wechat', { billDate: '2020-01-01' }, finance);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      billDate: '2020-01-01',
      matched: 0,
      missingInLedger: [],
      missingInBill: [],
      amountMismatch: [],
    });
    expect((await postBill(genuineCsv, brand.admin)).status).toBe(403);
    expect((await postBill(genuineCsv, brand.guides[0].token)).status).toBe(403);
  });
});
