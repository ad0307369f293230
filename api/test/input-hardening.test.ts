import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBrand, type Brand } from './support/fixtures.js';
import { orderState, paidOrder, refund, sql } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
});
afterAll(async () => stack?.close());

describe('admin refunds name what they refund (issue 10 item 6)', () => {
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
