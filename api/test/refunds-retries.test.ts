// Online refunds retried by the admin, notified twice by WeChat Pay, or never notified at all.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { commissionFen } from '@guideshare/rules';
import { RefundSync } from '../src/refunds/refund-sync.service.js';
import { completeRefund, entriesOf, lineSum, orderState, paidOrder, refund, sql } from './support/money.js';
import { postNotify } from './support/notify.js';
import { startRefundStack, useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';
import type { Brand } from './support/fixtures.js';

let stack: TestStack, brand: Brand;
useStack(startRefundStack, (s) => ({ stack, brand } = s));

const complete = (outRefundNo: string, status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL') =>
  completeRefund(stack, outRefundNo, status);

describe('online refunds through WeChat Pay: retries and lost notifications', () => {
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
});
