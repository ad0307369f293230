import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { commissionFen } from '@guideshare/rules';
import { consumer, createBrand, share, visit, type Brand } from './support/fixtures.js';
import { entriesOf, financeToken, lineSum, orderState, paidOrder, refund, sql } from './support/money.js';
import { RefundSync } from '../src/refunds/refund-sync.service.js';
import { postNotify } from './support/notify.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;

beforeAll(async () => {
  stack = await startStack();
  // Both products at 800 bps: `product` 100.00 yuan, `cheap` 33.33 yuan (rounding shows at 33.33).
  brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 800 });
  finance = await financeToken(stack, brand.admin);
});
afterAll(async () => stack?.close());

const complete = async (outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS') => {
  expect(await stack.sim.completeRefund(outRefundNo, status)).toBe(204);
};

describe('online refunds through WeChat Pay', () => {
  it('three one-unit refunds of a three-unit order keep the commission at the rule after each step and end at 0', async () => {
    const { order, guide } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 3 }]);
    const line = order.lines[0];
    expect(line).toMatchObject({ quantity: 3, unitPriceFen: 3333, amountFen: 9999 });
    // floor(9999 × 800 / 10000) = 799
    expect(await lineSum(stack, line.id)).toBe(799);

    // Each step: the line's entries sum to floor((9999 − refunded) × 8%). Rounding each refund on its
    // own would reverse 266 three times and leave a fen behind.
    const expected = [
      { refundedFen: 3333, status: 'PARTIALLY_REFUNDED', sum: 533, reversal: 266 },
      { refundedFen: 6666, status: 'PARTIALLY_REFUNDED', sum: 266, reversal: 267 },
      { refundedFen: 9999, status: 'REFUNDED', sum: 0, reversal: 266 },
    ];
    for (const [i, step] of expected.entries()) {
      if (i === 1) {
        // Today's rate changes between refunds; reversals stay at the rate frozen on the accrual.
        await sql(
          stack,
          'UPDATE categories SET commissionRateBps = 1500 WHERE id = (SELECT categoryId FROM products WHERE id = ?)',
          [brand.cheap.id],
        );
      }
      const created = await refund(stack, brand.admin, order.id, {
        lines: [{ lineId: line.id, quantity: 1 }],
        reason: '不想要了',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'PROCESSING',
        amountFen: 3333,
        lines: [{ lineId: line.id, quantity: 1, amountFen: 3333 }],
      });
      expect(created.body.outRefundNo).toMatch(/^[0-9a-f]{32}$/);
      // Nothing moves until WeChat Pay says SUCCESS.
      expect((await orderState(stack, order.id)).refundedFen).toBe(step.refundedFen - 3333);
      expect(await lineSum(stack, line.id)).toBe(expected[i - 1]?.sum ?? 799);

      await complete(created.body.outRefundNo);
      expect(await orderState(stack, order.id)).toEqual({
        status: step.status,
        paidFen: 9999,
        refundedFen: step.refundedFen,
      });
      expect(await lineSum(stack, line.id)).toBe(step.sum);
      expect(step.sum).toBe(commissionFen(9999 - step.refundedFen, 800));
      const reversals = (await entriesOf(stack, order.id)).filter((e) => e.kind === 'reversal');
      expect(reversals).toHaveLength(i + 1);
      expect(reversals[i]).toMatchObject({
        amountFen: -step.reversal,
        rateBps: 800,
        guideId: guide.id,
        orderLineId: line.id,
      });
    }
    const lines = (await stack.client.get(`/api/orders/${order.id}`, brand.admin)).body.lines;
    expect(lines[0]).toMatchObject({ refundedQuantity: 3, refundedFen: 9999 });
    // A fully refunded order takes no more refunds.
    const more = await refund(stack, brand.admin, order.id, { amountFen: 1, reason: 'x' });
    expect(more.status).toBe(409);
    expect(more.body.error.code).toBe('ORDER_NOT_REFUNDABLE');
    await sql(
      stack,
      'UPDATE categories SET commissionRateBps = 800 WHERE id = (SELECT categoryId FROM products WHERE id = ?)',
      [brand.cheap.id],
    );
  });

  it('splits a refund by amount over the lines in proportion to what is left of each', async () => {
    const { order } = await paidOrder(stack, brand, [
      { skuId: brand.product.skuId, quantity: 1 },
      { skuId: brand.cheap.skuId, quantity: 3 },
    ]);
    const [a, b] = order.lines;
    const created = await refund(stack, brand.admin, order.id, { amountFen: 5000, reason: '部分退款' });
    expect(created.status).toBe(201);
    // 5000 over [10000, 9999]: shares 2500.125 / 2499.875 → the leftover fen to the larger remainder.
    expect(created.body.lines).toEqual([
      { lineId: a.id, quantity: 0, amountFen: 2500 },
      { lineId: b.id, quantity: 0, amountFen: 2500 },
    ]);
    await complete(created.body.outRefundNo);
    expect(await lineSum(stack, a.id)).toBe(commissionFen(7500, 800)); // 600
    expect(await lineSum(stack, b.id)).toBe(commissionFen(7499, 800)); // 599
    expect(await orderState(stack, order.id)).toEqual({
      status: 'PARTIALLY_REFUNDED',
      paidFen: 19999,
      refundedFen: 5000,
    });

    // full: true: everything left, and the commission ends at exactly 0.
    const rest = await refund(stack, brand.admin, order.id, { full: true, reason: '全部退款' });
    expect(rest.status).toBe(201);
    expect(rest.body.amountFen).toBe(14999);
    expect(rest.body.lines).toEqual([
      { lineId: a.id, quantity: 1, amountFen: 7500 },
      { lineId: b.id, quantity: 3, amountFen: 7499 },
    ]);
    await complete(rest.body.outRefundNo);
    expect(await lineSum(stack, a.id)).toBe(0);
    expect(await lineSum(stack, b.id)).toBe(0);
    expect(await orderState(stack, order.id)).toEqual({ status: 'REFUNDED', paidFen: 19999, refundedFen: 19999 });
  });

  it('reaches WeChat Pay once for a refund retried with the same key, sequentially and concurrently', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }]);
    const before = stack.sim.state.refundRequests;
    const key = `rf-${randomUUID()}`;
    const body = { amountFen: 3000, reason: '重复请求' };
    const first = await refund(stack, brand.admin, order.id, body, key);
    expect(first.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const again = await refund(stack, brand.admin, order.id, body, key);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
    }
    const changed = await refund(stack, brand.admin, order.id, { amountFen: 3001, reason: '重复请求' }, key);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(stack.sim.state.refundRequests - before).toBe(1);

    const concurrentKey = `rf-${randomUUID()}`;
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        refund(stack, brand.admin, order.id, { amountFen: 2000, reason: '并发' }, concurrentKey),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(stack.sim.state.refundRequests - before).toBe(2);
    expect(await sql(stack, 'SELECT id FROM refunds WHERE orderId = ?', [order.id])).toHaveLength(2);

    // The first request's answer was lost (no refund_id, not submitted): a later retry re-sends the
    // same out_refund_no, which WeChat Pay refunds once.
    await sql(
      stack,
      'UPDATE refunds SET submittedAt = NULL, wechatRefundId = NULL, createdAt = DATE_SUB(createdAt, INTERVAL 1 MINUTE) WHERE id = ?',
      [first.body.id],
    );
    const resent = await refund(stack, brand.admin, order.id, body, key);
    expect(resent.status).toBe(200);
    expect(resent.body.refundId).toMatch(/\S/);
    expect(stack.sim.state.refundRequests - before).toBe(2);
    expect(
      [...stack.sim.state.refunds.values()].filter((r) => r.out_refund_no === first.body.outRefundNo),
    ).toHaveLength(1);

    await complete(first.body.outRefundNo);
    await complete(replies[0].body.outRefundNo);
    expect(await orderState(stack, order.id)).toEqual({
      status: 'PARTIALLY_REFUNDED',
      paidFen: 20000,
      refundedFen: 5000,
    });
  });

  it('changes nothing on repeated or concurrent refund notifications (idempotent by refund_id)', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    const created = await refund(stack, brand.admin, order.id, { amountFen: 2500, reason: '重复通知' });
    expect(created.status).toBe(201);
    // WeChat settles the refund but our endpoint misses the first delivery…
    expect(
      await stack.sim.completeRefund(created.body.outRefundNo, 'SUCCESS', {
        notifyUrl: 'http://127.0.0.1:9/unreachable',
      }),
    ).toBe(0);
    expect(await orderState(stack, order.id)).toEqual({ status: 'PAID', paidFen: 10000, refundedFen: 0 });
    // …then 10 copies of it arrive at once.
    const notification = stack.sim.refundNotification(created.body.outRefundNo);
    const replies = await Promise.all(Array.from({ length: 10 }, () => postNotify(stack, notification)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(204));
    const snapshot = async () => ({
      order: await orderState(stack, order.id),
      entries: await entriesOf(stack, order.id),
      refunds: await sql(stack, 'SELECT status, wechatRefundId FROM refunds WHERE orderId = ?', [order.id]),
    });
    const after = await snapshot();
    expect(after.order).toEqual({ status: 'PARTIALLY_REFUNDED', paidFen: 10000, refundedFen: 2500 });
    expect(after.entries.map((e) => [e.kind, e.amountFen])).toEqual([
      ['accrual', 800],
      ['reversal', -200],
    ]);
    expect(after.refunds).toEqual([{ status: 'SUCCESS', wechatRefundId: expect.stringMatching(/\S/) }]);
    // Later repeats (fresh signatures, same refund) are harmless too.
    await complete(created.body.outRefundNo);
    expect((await postNotify(stack, stack.sim.refundNotification(created.body.outRefundNo))).status).toBe(204);
    expect(await snapshot()).toEqual(after);
  });

  it('settles a refund whose notification never arrived by asking WeChat Pay', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    const lost = await refund(stack, brand.admin, order.id, { amountFen: 4000, reason: '通知丢失' });
    const pending = await refund(stack, brand.admin, order.id, { amountFen: 1000, reason: '仍在处理' });
    expect(
      await stack.sim.completeRefund(lost.body.outRefundNo, 'SUCCESS', { notifyUrl: 'http://127.0.0.1:9/unreachable' }),
    ).toBe(0);
    const refunds = stack.app.get(RefundSync);
    // Too recent to chase yet.
    expect(await refunds.syncPending(new Date())).toBe(0);
    expect(await orderState(stack, order.id)).toEqual({ status: 'PAID', paidFen: 10000, refundedFen: 0 });
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await refunds.syncPending(later)).toBe(1);
    expect(await orderState(stack, order.id)).toEqual({
      status: 'PARTIALLY_REFUNDED',
      paidFen: 10000,
      refundedFen: 4000,
    });
    expect(await lineSum(stack, order.lines[0].id)).toBe(commissionFen(6000, 800));
    // The one still processing at WeChat stays so; running again changes nothing.
    expect(await refunds.syncPending(later)).toBe(0);
    const listed = (await stack.client.get(`/api/orders/${order.id}/refunds`, brand.admin)).body;
    expect(listed.map((r: any) => [r.id, r.status])).toEqual([
      [lost.body.id, 'SUCCESS'],
      [pending.body.id, 'PROCESSING'],
    ]);
  });

  it('leaves money and commission as they were on REFUND.CLOSED and REFUND.ABNORMAL, and shows them', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    const entriesBefore = await entriesOf(stack, order.id);
    const closed = await refund(stack, brand.admin, order.id, { amountFen: 10000, reason: '关闭' });
    await complete(closed.body.outRefundNo, 'CLOSED');
    expect(await orderState(stack, order.id)).toEqual({ status: 'PAID', paidFen: 10000, refundedFen: 0 });
    expect(await entriesOf(stack, order.id)).toEqual(entriesBefore);

    // A closed refund returned nothing: the whole amount can be asked for again.
    const abnormal = await refund(stack, brand.admin, order.id, { amountFen: 10000, reason: '异常' });
    expect(abnormal.status).toBe(201);
    await complete(abnormal.body.outRefundNo, 'ABNORMAL');
    expect(await orderState(stack, order.id)).toEqual({ status: 'PAID', paidFen: 10000, refundedFen: 0 });
    expect(await entriesOf(stack, order.id)).toEqual(entriesBefore);
    // An abnormal refund is stuck at WeChat, not returned: its amount stays claimed.
    const again = await refund(stack, brand.admin, order.id, { amountFen: 1, reason: '再退' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('REFUND_EXCEEDS_PAID');

    for (const token of [brand.admin, finance]) {
      const listed = await stack.client.get(`/api/orders/${order.id}/refunds`, token);
      expect(listed.status).toBe(200);
      expect(listed.body.map((r: any) => r.status)).toEqual(['CLOSED', 'ABNORMAL']);
      expect(listed.body[1].note).toMatch(/ABNORMAL/);
    }
    // If WeChat later completes the abnormal refund, it counts then. (The simulator cannot move an
    // ABNORMAL refund on, so its record is put back to PROCESSING first.)
    stack.sim.state.refunds.get(abnormal.body.outRefundNo)!.status = 'PROCESSING';
    await complete(abnormal.body.outRefundNo, 'SUCCESS');
    expect(await orderState(stack, order.id)).toEqual({ status: 'REFUNDED', paidFen: 10000, refundedFen: 10000 });
    expect(await lineSum(stack, order.lines[0].id)).toBe(0);
  });

  it('refuses refunding more than was paid (4xx), writing nothing and calling nobody', async () => {
    const { order } = await paidOrder(stack, brand, [
      { skuId: brand.product.skuId, quantity: 1 },
      { skuId: brand.cheap.skuId, quantity: 2 },
    ]);
    const [a, b] = order.lines;
    const before = stack.sim.state.refundRequests;
    const count = async () =>
      (await sql(stack, 'SELECT COUNT(*) AS n FROM refunds WHERE orderId = ?', [order.id]))[0].n;

    const tooMuch = await refund(stack, brand.admin, order.id, { amountFen: 16667, reason: 'x' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('REFUND_EXCEEDS_PAID');
    const tooMany = await refund(stack, brand.admin, order.id, { lines: [{ lineId: b.id, quantity: 3 }], reason: 'x' });
    expect(tooMany.status).toBe(422);
    const unknownLine = await refund(stack, brand.admin, order.id, {
      lines: [{ lineId: randomUUID(), quantity: 1 }],
      reason: 'x',
    });
    expect(unknownLine.status).toBe(422);
    const both = await refund(stack, brand.admin, order.id, {
      lines: [{ lineId: a.id, quantity: 1 }],
      amountFen: 100,
      reason: 'x',
    });
    expect(both.status).toBe(400);
    const zero = await refund(stack, brand.admin, order.id, { amountFen: 0, reason: 'x' });
    expect(zero.status).toBe(400);
    expect(zero.body.error.code).toBe('VALIDATION_FAILED');
    const noReason = await refund(stack, brand.admin, order.id, { amountFen: 100 });
    expect(noReason.status).toBe(400);
    expect(await count()).toBe(0);
    expect(stack.sim.state.refundRequests).toBe(before);

    // A refund in flight claims its amount: the rest is what can still be asked for.
    const inFlight = await refund(stack, brand.admin, order.id, {
      lines: [{ lineId: a.id, quantity: 1 }],
      reason: 'x',
    });
    expect(inFlight.status).toBe(201);
    const over = await refund(stack, brand.admin, order.id, { amountFen: 6667, reason: 'x' });
    expect(over.status).toBe(422);
    const exact = await refund(stack, brand.admin, order.id, { amountFen: 6666, reason: 'x' });
    expect(exact.status).toBe(201);
    await complete(inFlight.body.outRefundNo);
    await complete(exact.body.outRefundNo);
    expect(await orderState(stack, order.id)).toEqual({ status: 'REFUNDED', paidFen: 16666, refundedFen: 16666 });
    expect(stack.sim.state.refundRequests - before).toBe(2);
  });

  it('only lets admins refund, and only paid online orders', async () => {
    const buyer = await consumer(stack);
    const unpaid = await stack.client.post(
      '/api/orders',
      { lines: [{ skuId: brand.product.skuId, quantity: 1 }] },
      buyer.token,
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    const notPaid = await refund(stack, brand.admin, unpaid.body.id, { amountFen: 1, reason: 'x' });
    expect(notPaid.status).toBe(409);
    expect(notPaid.body.error.code).toBe('ORDER_NOT_REFUNDABLE');
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    for (const token of [buyer.token, brand.guides[0].token, finance]) {
      expect((await refund(stack, token, order.id, { amountFen: 1, reason: 'x' })).status).toBe(403);
    }
    expect((await refund(stack, brand.admin, randomUUID(), { amountFen: 1, reason: 'x' })).status).toBe(404);
    const noKey = await stack.client.post(
      `/api/orders/${order.id}/refunds`,
      { amountFen: 1, reason: 'x' },
      brand.admin,
    );
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});

describe('availability while a refund is in progress', () => {
  it("holds an order's entries back from the guide's available balance until the refund ends", async () => {
    const guide = brand.guides[2]!;
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 2);
    // Past the cooling-off period.
    await sql(stack, 'UPDATE ledger_entries SET availableAt = DATE_SUB(NOW(6), INTERVAL 1 DAY) WHERE orderId = ?', [
      order.id,
    ]);
    const balances = async () => {
      const r = await stack.client.get('/api/guides/me/commissions', guide.token);
      return { pending: r.body.pendingFen as number, available: r.body.availableFen as number };
    };
    const before = await balances();
    const created = await refund(stack, brand.admin, order.id, { amountFen: 5000, reason: '审核中' });
    const during = await balances();
    expect(during).toEqual({ pending: before.pending + 800, available: before.available - 800 });
    await complete(created.body.outRefundNo);
    const after = await balances();
    // 800 − 400 reversed; the reversal is available at once (the accrual already was).
    expect(after).toEqual({ pending: before.pending, available: before.available - 400 });
  });
});

describe('counter refunds (POST /api/pos/refunds)', () => {
  async function storeSale(receiptNo: string, storeIndex = 0) {
    const storeId = brand.stores[storeIndex]!.id;
    const key = await stack.client.post(`/api/admin/stores/${storeId}/keys`, {}, brand.admin);
    expect(key.status).toBe(201);
    const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, card.code);
    const code = await stack.client.get('/api/members/me/code', buyer.token);
    expect(code.status).toBe(200);
    const sale = await stack.client.post(
      '/api/pos/redemptions',
      {
        memberCode: code.body.code,
        receiptNo,
        amountFen: 19999,
        lines: [
          { skuId: brand.product.skuId, quantity: 1, amountFen: 10000 },
          { skuId: brand.cheap.skuId, quantity: 3, amountFen: 9999 },
        ],
      },
      undefined,
      { 'x-store-key': key.body.key },
    );
    expect(sale.status).toBe(201);
    return { storeKey: key.body.key as string, sale: sale.body };
  }
  const posRefund = (storeKey: string, body: Record<string, unknown>) =>
    stack.client.post('/api/pos/refunds', body, undefined, { 'x-store-key': storeKey });

  it('refunds a store sale at once, reverses at the frozen rate, and is idempotent per (store, refundNo)', async () => {
    const receiptNo = `R${Date.now()}`;
    const { storeKey, sale } = await storeSale(receiptNo);
    const [a, b] = sale.lines;
    expect(await lineSum(stack, a.id)).toBe(800);
    expect(await lineSum(stack, b.id)).toBe(799);

    const body = { receiptNo, refundNo: 'RF-001', amountFen: 5000 };
    const first = await posRefund(storeKey, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'SUCCESS',
      channel: 'store',
      amountFen: 5000,
      refundNo: 'RF-001',
      orderStatus: 'PARTIALLY_REFUNDED',
    });
    expect(await lineSum(stack, a.id)).toBe(commissionFen(10000 - 2500, 800));
    expect(await lineSum(stack, b.id)).toBe(commissionFen(9999 - 2500, 800));

    const again = await posRefund(storeKey, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => posRefund(storeKey, { receiptNo, refundNo: 'RF-002', amountFen: 1000 })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    const reused = await posRefund(storeKey, { receiptNo, refundNo: 'RF-001', amountFen: 5001 });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('REFUND_NO_REUSED');
    expect(await orderState(stack, sale.id)).toEqual({
      status: 'PARTIALLY_REFUNDED',
      paidFen: 19999,
      refundedFen: 6000,
    });

    const over = await posRefund(storeKey, { receiptNo, refundNo: 'RF-003', amountFen: 14000 });
    expect(over.status).toBe(422);
    const rest = await posRefund(storeKey, { receiptNo, refundNo: 'RF-004', amountFen: 13999 });
    expect(rest.status).toBe(201);
    expect(rest.body.orderStatus).toBe('REFUNDED');
    expect(await lineSum(stack, a.id)).toBe(0);
    expect(await lineSum(stack, b.id)).toBe(0);
    expect([...stack.sim.state.refunds.values()].some((r) => r.out_trade_no.includes(sale.id.replace(/-/g, '')))).toBe(
      false,
    );
  });

  it("cannot refund another store's receipt, and needs a store key", async () => {
    const receiptNo = `R${Date.now()}x`;
    await storeSale(receiptNo, 0);
    const other = await stack.client.post(`/api/admin/stores/${brand.stores[1]!.id}/keys`, {}, brand.admin);
    const wrongStore = await posRefund(other.body.key, { receiptNo, refundNo: 'RF-1', amountFen: 100 });
    expect(wrongStore.status).toBe(404);
    const noKey = await stack.client.post('/api/pos/refunds', { receiptNo, refundNo: 'RF-1', amountFen: 100 });
    expect(noKey.status).toBe(401);
  });
});

describe('randomized refund sequences over HTTP', () => {
  it('keeps every line at floor(rate × (paid − refunded)) after each refund, never below zero', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('units' as const), line: fc.nat(1), quantity: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('amount' as const), amountFen: fc.integer({ min: 1, max: 9000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('SUCCESS' as const, 'SUCCESS' as const, 'CLOSED' as const),
        async (steps, sometimes) => {
          const { order } = await paidOrder(stack, brand, [
            { skuId: brand.product.skuId, quantity: 1 },
            { skuId: brand.cheap.skuId, quantity: 3 },
          ]);
          const refunded = new Map<string, number>(order.lines.map((l: any) => [l.id, 0]));
          for (const [i, s] of steps.entries()) {
            const body =
              s.kind === 'units'
                ? { lines: [{ lineId: order.lines[s.line].id, quantity: s.quantity }], reason: 'r' }
                : { amountFen: s.amountFen, reason: 'r' };
            const created = await refund(stack, brand.admin, order.id, body);
            if (created.status !== 201) {
              expect([409, 422]).toContain(created.status); // more than is left, or nothing at all
              continue;
            }
            const outcome = i === steps.length - 1 ? sometimes : 'SUCCESS';
            await complete(created.body.outRefundNo, outcome);
            if (outcome === 'SUCCESS')
              for (const l of created.body.lines) refunded.set(l.lineId, refunded.get(l.lineId)! + l.amountFen);
            for (const l of order.lines) {
              const sum = await lineSum(stack, l.id);
              expect(sum).toBe(commissionFen(l.amountFen - refunded.get(l.id)!, 800));
              expect(sum).toBeGreaterThanOrEqual(0);
            }
            const state = await orderState(stack, order.id);
            expect(state.refundedFen).toBe([...refunded.values()].reduce((x, y) => x + y, 0));
          }
        },
      ),
      { numRuns: 6, seed: 20240501 },
    );
  });
});
