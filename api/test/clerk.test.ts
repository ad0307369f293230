// Clerks: store counter staff signed in to the console act for their own store, like its key, and nothing more.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthStaffResponse, Order, StaffAccount } from '@guideshare/contracts';
import { count, memberCode, posRefund, receiptNo, redeem, storeKey } from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let shanghai: string;
let hangzhou: string;
/** clerk tokens by store */
let clerkSh: string;
let clerkHz: string;
let finance: string;

async function staff(body: Record<string, unknown>) {
  return stack.client.post('/api/admin/staff', body, brand.admin);
}

async function login(username: string, password: string): Promise<string> {
  const res = await stack.client.post<AuthStaffResponse>('/api/auth/staff', { username, password });
  expect(res.status).toBe(200);
  return res.body.token;
}

/** A counter sale credited to guide 0 (Shanghai), made with the given counter credentials. */
async function sale(headers: Record<string, string>, amountFen = 20000) {
  const buyer = await consumer(stack);
  const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
  await visit(stack, buyer.token, card.code);
  const body = { memberCode: await memberCode(stack, buyer.token), receiptNo: receiptNo(), amountFen };
  return { body, res: await stack.client.post('/api/pos/redemptions', body, undefined, headers) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  [shanghai, hangzhou] = brand.stores.map((s) => s.id);
  const password = 'clerk-password-1';
  expect((await staff({ username: 'clerk.sh', password, role: 'clerk', storeId: shanghai })).status).toBe(201);
  expect((await staff({ username: 'clerk.hz', password, role: 'clerk', storeId: hangzhou })).status).toBe(201);
  expect((await staff({ username: 'fin', password, role: 'finance' })).status).toBe(201);
  clerkSh = await login('clerk.sh', password);
  clerkHz = await login('clerk.hz', password);
  finance = await login('fin', password);
});
afterAll(async () => stack?.close());

describe('clerk accounts', () => {
  it('are created for one store and listed without secrets', async () => {
    const res = await stack.client.get<StaffAccount[]>('/api/admin/staff', brand.admin);
    expect(res.status).toBe(200);
    expect(res.body.find((a) => a.username === 'clerk.sh')).toEqual({
      id: expect.any(String),
      username: 'clerk.sh',
      role: 'clerk',
      storeId: shanghai,
      createdAt: expect.any(String),
    });
    expect(res.body.find((a) => a.username === 'fin')).toMatchObject({ role: 'finance', storeId: null });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
    const signIn = await stack.client.post('/api/auth/staff', { username: 'clerk.sh', password: 'clerk-password-1' });
    expect(signIn.body).toEqual({ token: expect.any(String), role: 'clerk', storeId: shanghai });
    const financeSignIn = await stack.client.post('/api/auth/staff', { username: 'fin', password: 'clerk-password-1' });
    expect(financeSignIn.body).toEqual({ token: expect.any(String), role: 'finance' });
  });

  it('refuses a clerk without a store, a store for other roles, and unknown stores, writing nothing', async () => {
    const before = await count(stack, 'staff_accounts');
    const password = 'clerk-password-1';
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ username: 'clerk-c1', password, role: 'clerk' }, 400, 'STORE_REQUIRED'],
      [{ username: 'clerk-c2', password, role: 'clerk', storeId: null }, 400, 'VALIDATION_FAILED'],
      [{ username: 'clerk-c3', password, role: 'finance', storeId: shanghai }, 400, 'STORE_NOT_ALLOWED'],
      [{ username: 'clerk-c4', password, role: 'clerk', storeId: randomUUID() }, 404, 'STORE_NOT_FOUND'],
      [{ username: 'clerk-c5', password, role: 'owner' }, 400, 'VALIDATION_FAILED'],
      [{ username: 'clerk.sh', password, role: 'clerk', storeId: shanghai }, 409, 'STAFF_EXISTS'],
    ];
    for (const [body, status, code] of cases) {
      const res = await staff(body);
      expect([res.status, res.body.error?.code, body.username]).toEqual([status, code, body.username]);
    }
    expect(await count(stack, 'staff_accounts')).toBe(before);
    const byClerk = await stack.client.post(
      '/api/admin/staff',
      { username: 'clerk-c6', password, role: 'clerk', storeId: shanghai },
      clerkSh,
    );
    expect(byClerk.status).toBe(403);
    expect((await stack.client.get('/api/admin/staff', clerkSh)).status).toBe(403);
    expect((await stack.client.get('/api/admin/staff', finance)).status).toBe(403);
  });
});

describe('at the counter', () => {
  it('credits a sale for its own store, like the store key, and refunds it', async () => {
    const { res } = await sale(bearer(clerkSh));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'store', storeId: shanghai, totalFen: 20000 });
    expect(res.body.attribution).toMatchObject({ guideId: brand.guides[0].id, rule: 'share' });

    const refund = await posRefund(stack, bearer(clerkSh), {
      receiptNo: res.body.receiptNo,
      refundNo: 'RF-1',
      amountFen: 5000,
    });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ status: 'SUCCESS', amountFen: 5000 });
  });

  it('hands over a pickup order of its own store only', async () => {
    const buyer = await consumer(stack);
    const created = await order(stack, buyer.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
      fulfilment: { type: 'pickup', storeId: shanghai },
    });
    expect(created.status).toBe(201);
    await payOrder(stack, buyer.token, created.body.id);
    const code = (await stack.client.get(`/api/orders/${created.body.id}`, buyer.token)).body.fulfilment.pickupCode;
    const pickup = (token: string) =>
      stack.client.post('/api/pos/pickups', { pickupCode: code }, undefined, bearer(token));
    const elsewhere = await pickup(clerkHz);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'PICKUP_AT_OTHER_STORE']);
    const handed = await pickup(clerkSh);
    expect(handed.status).toBe(200);
    expect(handed.body.fulfilment).toMatchObject({ type: 'pickup', status: 'FULFILLED', storeId: shanghai });
    expect((await pickup(brand.admin)).status).toBe(403);
  });

  it("cannot refund another store's receipt", async () => {
    const { res } = await sale(bearer(clerkSh));
    const before = await count(stack, 'refunds');
    const refund = await posRefund(stack, bearer(clerkHz), {
      receiptNo: res.body.receiptNo,
      refundNo: 'RF-X',
      amountFen: 100,
    });
    expect(refund.status).toBe(404);
    expect(await count(stack, 'refunds')).toBe(before);
  });

  it('refuses other roles (403) and missing or bad credentials (401), writing nothing', async () => {
    const buyer = await consumer(stack);
    const before = await count(stack, 'orders');
    for (const token of [brand.admin, finance, buyer.token, brand.guides[0].token]) {
      const { res } = await sale(bearer(token));
      expect([res.status, res.body.error?.code]).toEqual([403, 'COUNTER_ONLY']);
    }
    expect((await sale({})).res.status).toBe(401);
    expect((await sale(bearer('not-a-token'))).res.status).toBe(401);
    expect((await sale({ 'x-store-key': 'sk_forged' })).res.status).toBe(401);
    expect(await count(stack, 'orders')).toBe(before);
    // The store key still works as before.
    const key = await storeKey(stack, brand.admin, hangzhou);
    const buyer2 = await consumer(stack);
    const viaKey = await redeem(stack, key.key, {
      memberCode: await memberCode(stack, buyer2.token),
      receiptNo: receiptNo(),
      amountFen: 100,
    });
    expect([viaKey.status, viaKey.body.storeId]).toEqual([201, hangzhou]);
  });
});

describe("a clerk's view", () => {
  it('sees only its own store’s orders', async () => {
    const ours = (await sale(bearer(clerkSh))).res.body;
    const theirs = (await sale(bearer(clerkHz))).res.body;
    const list = await stack.client.get<Order[]>('/api/orders?limit=200', clerkSh);
    expect(list.status).toBe(200);
    expect(list.body.map((o) => o.id)).toContain(ours.id);
    expect(list.body.every((o) => o.storeId === shanghai)).toBe(true);
    const asked = await stack.client.get<Order[]>(`/api/orders?storeId=${hangzhou}`, clerkSh);
    expect(asked.body.map((o) => o.id)).not.toContain(theirs.id);
    expect(asked.body.every((o) => o.storeId === shanghai)).toBe(true);
    expect((await stack.client.get(`/api/orders/${ours.id}`, clerkSh)).status).toBe(200);
    const other = await stack.client.get(`/api/orders/${theirs.id}`, clerkSh);
    expect([other.status, other.body.error.code]).toEqual([403, 'NOT_YOUR_STORE']);
  });

  it('may not manage the catalog, refund online, or see finance', async () => {
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/admin/products', { name: 'x', categoryId: randomUUID(), skus: [] }],
      ['PATCH', `/api/admin/products/${brand.product.id}`, { name: '改' }],
      ['POST', `/api/admin/skus/${brand.product.skuId}/stock`, { delta: 1, reason: 'x' }],
      ['GET', '/api/finance/settlements', undefined],
      ['POST', '/api/finance/settlements', { period: '2026-01' }],
      ['GET', '/api/reports/guides', undefined],
      ['POST', `/api/admin/stores/${shanghai}/keys`, {}],
    ];
    for (const [method, path, body] of attempts) {
      const res = await stack.client.request(method, path, { body, token: clerkSh });
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
    expect(await count(stack, 'sku_stock_movements')).toBe(0);
  });
});
