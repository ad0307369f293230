// What an online refund may not do, who may ask for one, and commission held back while it runs.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { commissionFen } from '@guideshare/rules';
import fc from 'fast-check';
import { consumer, type Brand } from './support/fixtures.js';
import { completeRefund, lineSum, orderState, paidOrder, refund, sql } from './support/money.js';
import { startRefundStack, useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand, finance: string;
useStack(startRefundStack, (s) => ({ stack, brand, finance } = s));

const complete = (outRefundNo: string, status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL') =>
  completeRefund(stack, outRefundNo, status);

describe('online refunds through WeChat Pay: refusals and permissions', () => {
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
