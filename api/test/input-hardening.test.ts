import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumer, createBrand, share, type Brand } from './support/fixtures.js';
import { financeToken, orderState, paidOrder, refund, sql } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  finance = await financeToken(stack, brand.admin);
});

const count = async (table: string) => Number((await sql(stack, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);
const refused = (res: { status: number; body: any }, code = 'VALIDATION_FAILED') => {
  expect([res.status, res.body?.error?.code]).toEqual([400, code]);
};
afterAll(async () => stack?.close());

describe('admin refunds name what they refund', () => {
  it('refuses an explicit null amountFen or lines (400 VALIDATION_FAILED) and writes nothing', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }]);
    for (const body of [
      { amountFen: null, reason: '空金额' },
      { lines: null, reason: '空明细' },
      { full: null, reason: '空全额' },
    ]) {
      const res = await refund(stack, brand.admin, order.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await sql(stack, 'SELECT id FROM refunds WHERE orderId = ?', [order.id])).toEqual([]);
    expect(await orderState(stack, order.id)).toEqual({ status: 'PAID', paidFen: 20000, refundedFen: 0 });
  });

  it('refuses a refund that names neither lines, amountFen nor full: true', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    for (const body of [{ reason: '没说退什么' }, { full: false, reason: 'full 为 false' }]) {
      const res = await refund(stack, brand.admin, order.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('REFUND_SPEC_INVALID');
    }
    const both = await refund(stack, brand.admin, order.id, { full: true, amountFen: 100, reason: '两者都有' });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('REFUND_SPEC_INVALID');
    expect(await sql(stack, 'SELECT id FROM refunds WHERE orderId = ?', [order.id])).toEqual([]);

    const full = await refund(stack, brand.admin, order.id, { full: true, reason: '整单退款' });
    expect(full.status).toBe(201);
    expect(full.body.amountFen).toBe(10000);
  });
});

describe('smaller input holes', () => {
  it('a settlement period beyond the calendar (9999-12) is a 400, not a 500', async () => {
    refused(await stack.client.post('/api/finance/settlements', { period: '9999-12' }, finance));
    refused(await stack.client.get('/api/finance/settlements/9999-12', finance), 'PERIOD_INVALID');
    refused(await stack.client.get('/api/finance/settlements/0000-01', finance), 'PERIOD_INVALID');
    expect(await count('settlements')).toBe(0);
  });

  it('an adjustment naming an order that does not exist is refused and writes nothing', async () => {
    const before = await count('ledger_entries');
    const res = await stack.client.post(
      '/api/finance/adjustments',
      { guideId: brand.guides[0].id, amountFen: 500, reason: '补发', orderId: randomUUID() },
      finance,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ORDER_NOT_FOUND');
    expect(await count('ledger_entries')).toBe(before);
  });

  it('refuses NUL characters in any string input (names, paths, queries)', async () => {
    const stores = await count('stores');
    refused(await stack.client.post('/api/admin/stores', { name: '上海\u0000店', city: '上海' }, brand.admin));
    refused(await stack.client.post('/api/admin/stores', { name: '上海店', city: '上\u0000海' }, brand.admin));
    expect(await count('stores')).toBe(stores);
    const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    refused(
      await stack.client.post('/api/visits', { shareCode: card.code, path: 'pages/index/index\u0000x' }, buyer.token),
    );
    expect(
      Number((await sql(stack, 'SELECT COUNT(*) AS n FROM visits WHERE memberId = ?', [buyer.memberId]))[0].n),
    ).toBe(0);
    refused(await stack.client.get('/api/admin/guides?storeId=%00', brand.admin));
  });

  it("a live's startsAt/endsAt must carry an offset (ISO-8601), never be read as UTC silently", async () => {
    const body = { title: '新品直播', storeId: brand.stores[0].id };
    const lives = await count('lives');
    for (const [startsAt, endsAt] of [
      ['2026-12-01T20:00:00', '2026-12-01T22:00:00+08:00'],
      ['2026-12-01T20:00:00+08:00', '2026-12-01T22:00:00'],
      ['2026-12-01', '2026-12-02'],
    ]) {
      refused(await stack.client.post('/api/admin/lives', { ...body, startsAt, endsAt }, brand.admin));
    }
    expect(await count('lives')).toBe(lives);
    const ok = await stack.client.post(
      '/api/admin/lives',
      { ...body, startsAt: '2026-12-01T20:00:00+08:00', endsAt: '2026-12-01T14:00:00Z' },
      brand.admin,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.startsAt).toBe('2026-12-01T12:00:00.000Z');
  });

  it('a billDate that is not a calendar day (2026-02-30) is a 400', async () => {
    refused(await stack.client.post('/api/finance/reconciliations/wechat', { billDate: '2026-02-30' }, finance));
    const csv = await stack.client.request('POST', '/api/finance/reconciliations?billDate=2026-02-30', {
      token: finance,
      raw: '交易时间,公众账号ID\n',
      headers: { 'content-type': 'text/csv' },
    });
    refused(csv, 'BILL_DATE_INVALID');
  });
});
