import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { commissionFen } from '@guideshare/rules';
import { consumer, order, type Brand } from './support/fixtures.js';
import { entriesOf, lineSum, orderState, paidOrder, refund, sql } from './support/money.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({ productRateBps: 800 }, (s) => ({ stack, brand } = s));

const ask = (token: string, orderId: string, body: unknown, key = `as-${randomUUID()}`) =>
  stack.client.post(`/api/orders/${orderId}/after-sales`, body, token, { 'idempotency-key': key });
const decide = (id: string, action: 'approve' | 'reject', body: unknown = {}) =>
  stack.client.post(`/api/admin/after-sales/${id}/${action}`, body, brand.admin);
const refundsOf = async (orderId: string) =>
  (await stack.client.get(`/api/orders/${orderId}/refunds`, brand.admin)).body;
const countRows = async (table: string, orderId: string) =>
  Number((await sql(stack, `SELECT COUNT(*) AS n FROM ${table} WHERE orderId = ?`, [orderId]))[0].n);

describe('after-sales', () => {
  it('approved: the refund runs through the refund flow and reverses the commission exactly', async () => {
    const { order: o, buyer, guide } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }]);
    const line = o.lines[0];
    expect(await lineSum(stack, line.id)).toBe(1600); // 20000 × 8 %

    const key = `as-${randomUUID()}`;
    const body = { lines: [{ lineId: line.id, quantity: 1 }], reason: '尺码不合适' };
    const asked = await ask(buyer.token, o.id, body, key);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      orderId: o.id,
      status: 'REQUESTED',
      reason: '尺码不合适',
      lines: [{ lineId: line.id, quantity: 1 }],
      amountFen: null,
      requestedFen: 10000,
      refundId: null,
      refundStatus: null,
    });
    // A retry is the same request; a second request while this one is open is refused.
    const replay = await ask(buyer.token, o.id, body, key);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(asked.body.id);
    const second = await ask(buyer.token, o.id, { amountFen: 100, reason: '再退一点' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('AFTER_SALE_OPEN');

    const queue = await stack.client.get('/api/admin/after-sales?status=REQUESTED', brand.admin);
    expect(queue.status).toBe(200);
    expect(queue.body.map((s: { id: string }) => s.id)).toContain(asked.body.id);

    const approved = await decide(asked.body.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', refundStatus: 'PROCESSING' });
    expect(approved.body.refundId).toEqual(expect.any(String));
    // Nothing moves until WeChat Pay reports the refund; approving again makes no second refund.
    expect(await lineSum(stack, line.id)).toBe(1600);
    expect((await decide(asked.body.id, 'approve')).body.refundId).toBe(approved.body.refundId);
    const refunds = await refundsOf(o.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ id: approved.body.refundId, amountFen: 10000, status: 'PROCESSING' });

    expect(await stack.sim.completeRefund(refunds[0].outRefundNo, 'SUCCESS')).toBe(204);
    const mine = await stack.client.get(`/api/orders/${o.id}/after-sales`, buyer.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        status: 'REFUNDED',
        refundStatus: 'SUCCESS',
        refundedAt: expect.any(String),
      }),
    ]);
    expect(await orderState(stack, o.id)).toEqual({ status: 'PARTIALLY_REFUNDED', paidFen: 20000, refundedFen: 10000 });
    const entries = await entriesOf(stack, o.id);
    expect(entries.map((e) => [e.kind, e.amountFen, e.guideId])).toEqual([
      ['accrual', 1600, guide.id],
      ['reversal', -800, guide.id],
    ]);
    expect(await lineSum(stack, line.id)).toBe(commissionFen(10000, 800));

    // Closed: a new request may be made for what is left, but not for more.
    const tooMuch = await ask(buyer.token, o.id, { amountFen: 10001, reason: '全退' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('REFUND_EXCEEDS_PAID');
    const rest = await ask(buyer.token, o.id, { reason: '全退' });
    expect(rest.status).toBe(201);
    expect(rest.body.requestedFen).toBe(10000);
  });

  it('rejected: no refund, the reason is kept, and a decided request stays decided', async () => {
    const { order: o, buyer } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 1 }]);
    const asked = await ask(buyer.token, o.id, { amountFen: 1000, reason: '有划痕' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ amountFen: 1000, requestedFen: 1000, lines: [] });
    expect((await decide(asked.body.id, 'reject', {})).status).toBe(400);
    const rejected = await decide(asked.body.id, 'reject', { reason: '商品已使用，不符合退货条件' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      rejectReason: '商品已使用，不符合退货条件',
      refundId: null,
    });
    const late = await decide(asked.body.id, 'approve');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('AFTER_SALE_DECIDED');
    expect(await refundsOf(o.id)).toEqual([]);
    expect(await orderState(stack, o.id)).toEqual({ status: 'PAID', paidFen: 3333, refundedFen: 0 });
    expect((await stack.client.get('/api/admin/after-sales?status=REJECTED', brand.admin)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: asked.body.id })]),
    );
  });

  it('goes back to REQUESTED when its refund can no longer be made', async () => {
    const { order: o, buyer } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 1 }]);
    const asked = await ask(buyer.token, o.id, { reason: '不想要了' });
    // Ops refund the whole order by hand meanwhile.
    const manual = await refund(stack, brand.admin, o.id, { full: true, reason: '客服直接退款' });
    expect(manual.status).toBe(201);
    await stack.sim.completeRefund(manual.body.outRefundNo, 'SUCCESS');
    const approve = await decide(asked.body.id, 'approve');
    expect(approve.status).toBe(409);
    const [row] = await sql(stack, 'SELECT status, refundId FROM after_sales WHERE id = ?', [asked.body.id]);
    expect(row).toEqual({ status: 'REQUESTED', refundId: null });
    expect(await refundsOf(o.id)).toHaveLength(1);
    expect((await decide(asked.body.id, 'reject', { reason: '已人工退款' })).body.status).toBe('REJECTED');
  });

  it('waits for a new decision when WeChat Pay closes its refund, and a second approval refunds once', async () => {
    const { order: o, buyer } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 1 }]);
    const asked = await ask(buyer.token, o.id, { reason: '质量问题' });
    const first = await decide(asked.body.id, 'approve');
    expect(first.body.status).toBe('APPROVED');
    const [closing] = await refundsOf(o.id);
    expect(await stack.sim.completeRefund(closing.outRefundNo, 'CLOSED')).toBe(204);
    const back = (await stack.client.get(`/api/orders/${o.id}/after-sales`, buyer.token)).body[0];
    expect(back).toMatchObject({ id: asked.body.id, status: 'REQUESTED', refundId: null });
    expect(await orderState(stack, o.id)).toEqual({ status: 'PAID', paidFen: 3333, refundedFen: 0 });

    const second = await decide(asked.body.id, 'approve');
    expect(second.body).toMatchObject({ status: 'APPROVED', refundStatus: 'PROCESSING' });
    expect(second.body.refundId).not.toBe(closing.id);
    const refunds = await refundsOf(o.id);
    expect(refunds.map((r: { status: string }) => r.status)).toEqual(['CLOSED', 'PROCESSING']);
    await stack.sim.completeRefund(refunds[1].outRefundNo, 'SUCCESS');
    expect((await stack.client.get(`/api/orders/${o.id}/after-sales`, buyer.token)).body[0]).toMatchObject({
      status: 'REFUNDED',
      refundId: second.body.refundId,
    });
    expect(await orderState(stack, o.id)).toEqual({ status: 'REFUNDED', paidFen: 3333, refundedFen: 3333 });
  });

  it('a consumer cannot ask on, or read, another consumer’s order; bad requests write nothing', async () => {
    const { order: o, buyer } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    const stranger = await consumer(stack);
    const foreign = await ask(stranger.token, o.id, { reason: '退款' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_YOUR_ORDER');
    expect((await stack.client.get(`/api/orders/${o.id}/after-sales`, stranger.token)).status).toBe(403);
    expect((await ask(brand.admin, o.id, { reason: '退款' })).status).toBe(403);
    expect((await stack.client.get('/api/admin/after-sales', buyer.token)).status).toBe(403);

    const line = o.lines[0];
    const bad: Array<[unknown, number]> = [
      [{ reason: '' }, 400],
      [{ amountFen: null, reason: '退款' }, 400],
      [{ amountFen: 0, reason: '退款' }, 400],
      [{ amountFen: 100, lines: [{ lineId: line.id, quantity: 1 }], reason: '退款' }, 400],
      [{ lines: [{ lineId: line.id, quantity: 2 }], reason: '退款' }, 422],
      [{ lines: [{ lineId: randomUUID(), quantity: 1 }], reason: '退款' }, 422],
      [{ amountFen: 10001, reason: '退款' }, 422],
    ];
    for (const [body, status] of bad) expect((await ask(buyer.token, o.id, body)).status).toBe(status);
    expect((await ask(buyer.token, o.id, { reason: '退款' }, 'short')).status).toBe(400);

    // Unpaid orders have nothing to refund.
    const unpaid = await order(stack, buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] });
    const early = await ask(buyer.token, unpaid.body.id, { reason: '退款' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ORDER_NOT_REFUNDABLE');
    expect(await countRows('after_sales', o.id)).toBe(0);
    expect(await countRows('after_sales', unpaid.body.id)).toBe(0);
  });
});
