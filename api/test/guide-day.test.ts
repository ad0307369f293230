// The guide's day: the customers they serve (no full phone numbers) and what sharing each product
// would earn, against a small hand-computed fixture.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 500 });
}, 60_000);
afterAll(() => stack?.close());

describe('GET /api/guides/me/customers', () => {
  it('lists the members the guide serves with last visit, orders and lifetime GMV, phone masked', async () => {
    const g0 = brand.guides[0]!;
    const A = await share(stack, g0.token, 'product', brand.product.id);
    const alice = await consumer(stack, 'alice-day');
    const bob = await consumer(stack, 'bob-day');
    const other = await consumer(stack, 'other-day');
    await visit(stack, alice.token, A.code);
    const o1 = await order(stack, alice.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
      shareCode: A.code,
    });
    await payOrder(stack, alice.token, o1.body.id);
    const o2 = await order(stack, alice.token, {
      lines: [{ skuId: brand.cheap.skuId, quantity: 2 }],
      shareCode: A.code,
    });
    await payOrder(stack, alice.token, o2.body.id);
    await order(stack, alice.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] }); // unpaid
    const reg = await stack.client.post('/api/members/register', { phoneCode: 'phone:13812345678.day' }, alice.token);
    expect(reg.status).toBeLessThan(300);
    await visit(stack, bob.token, A.code);
    // another guide's member is not listed
    const B = await share(stack, brand.guides[2]!.token, 'product', brand.product.id);
    await visit(stack, other.token, B.code);

    const r = await stack.client.get('/api/guides/me/customers', g0.token);
    expect(r.status).toBe(200);
    const byId = Object.fromEntries((r.body as any[]).map((c) => [c.memberId, c]));
    expect(Object.keys(byId).sort()).toEqual([alice.memberId, bob.memberId].sort());
    expect(byId[alice.memberId]).toEqual({
      memberId: alice.memberId,
      registered: true,
      phoneMasked: '138****5678',
      lastVisitAt: expect.any(String),
      orders: 2,
      lifetimeGmvFen: 10000 + 2 * 3333,
    });
    expect(byId[bob.memberId]).toMatchObject({ registered: false, phoneMasked: null, orders: 0, lifetimeGmvFen: 0 });
    expect(JSON.stringify(r.body)).not.toContain('13812345678');
    expect((await stack.client.get('/api/guides/me/customers', alice.token)).status).toBe(403);

    // commission entries name the product and the order
    const mine = await stack.client.get('/api/guides/me/commissions', g0.token);
    expect(mine.status).toBe(200);
    const orderNos = Object.fromEntries(
      await Promise.all(
        [o1.body.id, o2.body.id].map(async (id: string) => [
          id,
          (await stack.client.get(`/api/orders/${id}`, alice.token)).body.orderNo,
        ]),
      ),
    );
    const named = (mine.body.entries as any[]).map((e) => [e.orderId, e.orderNo, e.productName]).sort();
    expect(named).toEqual(
      [
        [o1.body.id, orderNos[o1.body.id], '精华'],
        [o2.body.id, orderNos[o2.body.id], '洁面'],
      ].sort(),
    );
  });
});

describe('GET /api/guides/me/products/commission', () => {
  it('estimates the commission of sharing each product at its share rate', async () => {
    const r = await stack.client.get('/api/guides/me/products/commission', brand.guides[1]!.token);
    expect(r.status).toBe(200);
    const byId = Object.fromEntries((r.body as any[]).map((e) => [e.productId, e]));
    // 精华: its own 8% of ¥100.00; 洁面: no rate of its own, the category's 5% of ¥33.33 = 166.65 → 166 (floor)
    expect(byId[brand.product.id]).toEqual({
      productId: brand.product.id,
      rateBps: 800,
      minCommissionFen: 800,
      maxCommissionFen: 800,
    });
    expect(byId[brand.cheap.id]).toEqual({
      productId: brand.cheap.id,
      rateBps: 500,
      minCommissionFen: 166,
      maxCommissionFen: 166,
    });
    expect((await stack.client.get('/api/guides/me/products/commission')).status).toBe(401);
  });
});
