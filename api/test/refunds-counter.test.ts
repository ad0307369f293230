// Counter refunds (POST /api/pos/refunds): a store's own sale, refunded at once.
import { describe, expect, it } from '@jest/globals';
import { commissionFen } from '@guideshare/rules';
import { consumer, share, visit, type Brand } from './support/fixtures.js';
import { lineSum, orderState } from './support/money.js';
import { startRefundStack, useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useStack(startRefundStack, (s) => ({ stack, brand } = s));

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
