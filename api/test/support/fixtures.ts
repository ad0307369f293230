import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { TestStack } from './stack.js';

/** Builds a small brand through the admin API, the way an operator would. */
export async function adminToken(stack: TestStack): Promise<string> {
  const res = await stack.client.post('/api/auth/staff', { username: 'admin', password: 'admin-demo-password' });
  expect(res.status).toBe(200);
  return res.body.token;
}

export interface Brand {
  admin: string;
  stores: Array<{ id: string; name: string }>;
  guides: Array<{ id: string; storeId: string; wecomUserId: string; token: string }>;
  product: { id: string; skuId: string; priceFen: number };
  cheap: { id: string; skuId: string; priceFen: number };
}

let counter = 0;

export async function createBrand(
  stack: TestStack,
  opts: { productRateBps?: number; categoryRateBps?: number; stock?: number } = {},
): Promise<Brand> {
  const c = stack.client;
  const admin = await adminToken(stack);
  const tag = `${Date.now().toString(36)}${counter++}`;
  const stores = [];
  for (const [name, city] of [
    ['上海店', '上海'],
    ['杭州店', '杭州'],
  ]) {
    const res = await c.post('/api/admin/stores', { name, city }, admin);
    expect(res.status).toBe(201);
    stores.push(res.body);
  }
  const guides = [];
  for (const [i, store] of [stores[0], stores[0], stores[1]].entries()) {
    const wecomUserId = `g${i}-${tag}`;
    const res = await c.post('/api/admin/guides', { storeId: store.id, name: `导购${i}`, wecomUserId }, admin);
    expect(res.status).toBe(201);
    const login = await c.post('/api/auth/guide', { code: `${wecomUserId}.${randomUUID()}` });
    expect(login.status).toBe(200);
    guides.push({ ...res.body, token: login.body.token });
  }
  const category = await c.post(
    '/api/admin/categories',
    { name: '护肤', commissionRateBps: opts.categoryRateBps ?? 500 },
    admin,
  );
  const product = await c.post(
    '/api/admin/products',
    {
      name: '精华',
      categoryId: category.body.id,
      commissionRateBps: opts.productRateBps ?? 800,
      skus: [{ name: '30ml', priceFen: 10000, stock: opts.stock ?? 1000 }],
    },
    admin,
  );
  expect(product.status).toBe(201);
  const cheap = await c.post(
    '/api/admin/products',
    { name: '洁面', categoryId: category.body.id, skus: [{ name: '100g', priceFen: 3333, stock: 1000 }] },
    admin,
  );
  return {
    admin,
    stores,
    guides,
    product: { id: product.body.id, skuId: product.body.skus[0].id, priceFen: 10000 },
    cheap: { id: cheap.body.id, skuId: cheap.body.skus[0].id, priceFen: 3333 },
  };
}

/** A consumer logged in through jscode2session; the same user key is the same WeChat user. */
export async function consumer(
  stack: TestStack,
  userKey = `c-${randomUUID()}`,
): Promise<{ token: string; memberId: string; openid: string }> {
  const res = await stack.client.post('/api/auth/wechat', { code: `${userKey}.${randomUUID()}` });
  expect(res.status).toBe(200);
  return { token: res.body.token, memberId: res.body.member.id, openid: res.body.member.openid };
}

export async function share(
  stack: TestStack,
  guideToken: string,
  kind: string,
  targetId: string,
): Promise<{ code: string; path: string; scene: string }> {
  const res = await stack.client.post('/api/shares', { kind, targetId }, guideToken);
  expect(res.status).toBe(201);
  return res.body;
}

export async function visit(stack: TestStack, consumerToken: string, shareCode: string) {
  const res = await stack.client.post('/api/visits', { shareCode, scene: 1007, chatType: 1 }, consumerToken);
  expect(res.status).toBe(202);
}

export async function order(
  stack: TestStack,
  consumerToken: string,
  body: Record<string, unknown>,
  key = `k-${randomUUID()}`,
) {
  return stack.client.post('/api/orders', body, consumerToken, { 'idempotency-key': key });
}

/** Prepay through the API, then the simulator's pay step sends the signed notification. */
export async function payOrder(stack: TestStack, consumerToken: string, orderId: string) {
  const prepay = await stack.client.post(`/api/orders/${orderId}/payment`, {}, consumerToken);
  expect(prepay.status).toBe(200);
  const notifyStatus = await stack.sim.pay(prepay.body.outTradeNo);
  return { prepay: prepay.body, notifyStatus };
}
