// Online refunds through WeChat Pay: amounts per line, commission after each step, CLOSED and ABNORMAL.
import { describe, expect, it } from '@jest/globals';
import { commissionFen } from '@guideshare/rules';
import { completeRefund, entriesOf, lineSum, orderState, paidOrder, refund, sql } from './support/money.js';
import { startRefundStack, useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';
import type { Brand } from './support/fixtures.js';

let stack: TestStack, brand: Brand, finance: string;
useStack(startRefundStack, (s) => ({ stack, brand, finance } = s));

const complete = (outRefundNo: string, status?: 'SUCCESS' | 'CLOSED' | 'ABNORMAL') =>
  completeRefund(stack, outRefundNo, status);

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
});
