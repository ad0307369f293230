// What the console lists and edits besides the catalog: stores and their keys, guides, lives, policy
// history, member search, order search with paging and each order's ledger; and who may.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminStore, Guide, Live, OrderLedger, OrderPage, PolicyVersion } from '@guideshare/contracts';
import { codeNoOf, count, memberCode, receiptNo, redeem, sql, storeKey } from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;
let clerk: string;
let shanghai: string;
let hangzhou: string;
/** a paid online order credited to guide 0, and a counter sale at Hangzhou */
let online: { id: string; memberId: string };
let counterSale: { id: string; receiptNo: string };

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  [shanghai, hangzhou] = brand.stores.map((s) => s.id);
  const c = stack.client;
  const password = 'staff-password-1';
  await c.post('/api/admin/staff', { username: 'fin', password, role: 'finance' }, brand.admin);
  await c.post('/api/admin/staff', { username: 'clerk.sh', password, role: 'clerk', storeId: shanghai }, brand.admin);
  finance = (await c.post('/api/auth/staff', { username: 'fin', password })).body.token;
  clerk = (await c.post('/api/auth/staff', { username: 'clerk.sh', password })).body.token;

  const buyer = await consumer(stack);
  const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
  await visit(stack, buyer.token, card.code);
  const placed = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 2 }] });
  await payOrder(stack, buyer.token, placed.body.id);
  online = { id: placed.body.id, memberId: buyer.memberId };

  const key = await storeKey(stack, brand.admin, hangzhou);
  const shopper = await consumer(stack);
  const receipt = receiptNo();
  const sale = await redeem(stack, key.key, {
    memberCode: await memberCode(stack, shopper.token),
    receiptNo: receipt,
    amountFen: 5000,
  });
  expect(sale.status).toBe(201);
  counterSale = { id: sale.body.id, receiptNo: receipt };
});
afterAll(async () => stack?.close());

describe('stores', () => {
  it('are listed with their counter keys (never the secret) and edited', async () => {
    const key = await storeKey(stack, brand.admin, shanghai);
    await stack.client.post(`/api/admin/stores/${shanghai}/keys/${key.id}/revoke`, {}, brand.admin);
    const list = await stack.client.get<AdminStore[]>('/api/admin/stores', brand.admin);
    const store = list.body.find((s) => s.id === shanghai)!;
    expect(store.keys).toContainEqual({ id: key.id, createdAt: expect.any(String), revokedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(key.key);
    expect(JSON.stringify(list.body)).not.toContain(key.key.slice(0, 8));

    const res = await stack.client.patch(`/api/admin/stores/${shanghai}`, { name: '上海旗舰店' }, brand.admin);
    expect(res.body).toEqual({ id: shanghai, name: '上海旗舰店', city: '上海' });
    expect((await stack.client.get('/api/stores')).body).toContainEqual(res.body);
    for (const body of [{}, { city: null }, { city: '' }, { name: 'x', keys: [] }])
      expect((await stack.client.patch(`/api/admin/stores/${shanghai}`, body, brand.admin)).status).toBe(400);
    expect((await stack.client.patch(`/api/admin/stores/${randomUUID()}`, { name: 'x' }, brand.admin)).status).toBe(
      404,
    );
  });
});

describe('guides', () => {
  it('are renamed and moved to another store; a departed one stays where it left', async () => {
    const created = await stack.client.post<Guide>(
      '/api/admin/guides',
      { storeId: shanghai, name: '小王', wecomUserId: `w-${randomUUID()}` },
      brand.admin,
    );
    const moved = await stack.client.patch<Guide>(
      `/api/admin/guides/${created.body.id}`,
      { name: '王小明', storeId: hangzhou },
      brand.admin,
    );
    expect(moved.body).toMatchObject({ id: created.body.id, name: '王小明', storeId: hangzhou, status: 'active' });
    const listed = await stack.client.get<Guide[]>(`/api/admin/guides?storeId=${hangzhou}`, brand.admin);
    expect(listed.body).toContainEqual(moved.body);
    const unknownStore = await stack.client.patch(
      `/api/admin/guides/${created.body.id}`,
      { storeId: randomUUID() },
      brand.admin,
    );
    expect(unknownStore.status).toBe(404);
    await stack.client.post(`/api/admin/guides/${created.body.id}/depart`, {}, brand.admin);
    const afterDeparture = await stack.client.patch(
      `/api/admin/guides/${created.body.id}`,
      { storeId: shanghai },
      brand.admin,
    );
    expect([afterDeparture.status, afterDeparture.body.error.code]).toEqual([409, 'GUIDE_ALREADY_DEPARTED']);
    const [row] = await sql(stack, 'SELECT storeId, name FROM guides WHERE id = ?', [created.body.id]);
    expect(row).toEqual({ storeId: hangzhou, name: '王小明' });
  });
});

describe('lives', () => {
  it('are edited; the times must still end after they start', async () => {
    const created = await stack.client.post<Live>(
      '/api/admin/lives',
      {
        title: '新品直播',
        storeId: shanghai,
        startsAt: '2026-12-01T12:00:00+08:00',
        endsAt: '2026-12-01T14:00:00+08:00',
      },
      brand.admin,
    );
    const url = `/api/admin/lives/${created.body.id}`;
    const res = await stack.client.patch<Live>(
      url,
      { title: '双十二直播', endsAt: '2026-12-01T15:00:00+08:00' },
      brand.admin,
    );
    expect(res.body).toEqual({ ...created.body, title: '双十二直播', endsAt: '2026-12-01T07:00:00.000Z' });
    const backwards = await stack.client.patch(url, { startsAt: '2026-12-01T16:00:00+08:00' }, brand.admin);
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'LIVE_TIMES_INVALID']);
    for (const body of [{ startsAt: '2026-12-01T16:00:00' }, { title: null }, {}])
      expect((await stack.client.patch(url, body, brand.admin)).status).toBe(400);
    expect((await stack.client.get<Live[]>('/api/lives')).body).toContainEqual(res.body);
  });
});

describe('policy history', () => {
  it('lists every version, newest first', async () => {
    const current = (await stack.client.get('/api/admin/policy', brand.admin)).body;
    const { version: _, ...input } = current;
    const put = await stack.client.put('/api/admin/policy', { ...input, defaultRateBps: 450 }, brand.admin);
    const history = await stack.client.get<PolicyVersion[]>('/api/admin/policy/versions', brand.admin);
    expect(history.body.map((v) => v.version)).toEqual(
      Array.from({ length: put.body.version }, (_, i) => put.body.version - i),
    );
    expect(history.body[0]).toEqual({ ...put.body, createdAt: expect.any(String) });
    expect((await stack.client.get('/api/admin/policy/versions', finance)).status).toBe(403);
  });
});

describe('member search', () => {
  it('finds a member by id, code number or a scanned member code, with binding history', async () => {
    const codeNo = await codeNoOf(stack, online.memberId);
    const buyerCode = async () => {
      const login = await consumer(stack); // a code only its member can show: issue one through the API
      return { login, code: await memberCode(stack, login.token) };
    };
    for (const q of [online.memberId, codeNo]) {
      const res = await stack.client.get(`/api/admin/members?q=${q}`, brand.admin);
      expect(res.body).toEqual([
        expect.objectContaining({ id: online.memberId, serviceGuideId: brand.guides[0].id, bindingHistory: [] }),
      ]);
    }
    const { login, code } = await buyerCode();
    expect(
      (await stack.client.get(`/api/admin/members?q=${code}`, brand.admin)).body.map((m: { id: string }) => m.id),
    ).toEqual([login.memberId]);
    expect((await stack.client.get(`/api/admin/members?q=${randomUUID()}`, brand.admin)).body).toEqual([]);
    expect((await stack.client.get('/api/admin/members?q=123', brand.admin)).body).toEqual([]);
    const byCode = await stack.client.get(`/api/admin/members?code=${codeNo}`, brand.admin);
    expect(byCode.body.map((m: { id: string }) => m.id)).toEqual([online.memberId]);
    const none = await stack.client.get('/api/admin/members', brand.admin);
    expect([none.status, none.body.error.code]).toEqual([400, 'QUERY_REQUIRED']);
    expect((await stack.client.get(`/api/admin/members?q=${codeNo}`, finance)).status).toBe(403);
  });
});

describe('order search', () => {
  it('filters by status, channel, store, guide, member, receipt and time, in pages', async () => {
    const get = (query: string, token = brand.admin) =>
      stack.client.get<OrderPage>(`/api/admin/orders?${query}`, token);
    const all = await get('pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const ids = (page: OrderPage) => page.items.map((o) => o.id);
    expect(ids((await get('channel=online')).body)).toEqual([online.id]);
    expect(ids((await get('channel=store')).body)).toEqual([counterSale.id]);
    expect(ids((await get(`storeId=${hangzhou}`)).body)).toEqual([counterSale.id]);
    expect(ids((await get(`guideId=${brand.guides[0].id}`)).body)).toEqual([online.id]);
    expect(ids((await get(`memberId=${online.memberId}`)).body)).toEqual([online.id]);
    expect(ids((await get(`receiptNo=${counterSale.receiptNo}`)).body)).toEqual([counterSale.id]);
    expect(ids((await get('status=PAID&channel=online')).body)).toEqual([online.id]);
    expect((await get(`from=${new Date(Date.now() + 60_000).toISOString()}`)).body.total).toBe(0);
    const first = await get('pageSize=1&page=1');
    const second = await get('pageSize=1&page=2');
    expect([first.body.total, first.body.items.length, second.body.items.length]).toEqual([2, 1, 1]);
    expect(new Set([...ids(first.body), ...ids(second.body)]).size).toBe(2);
    expect((await get('pageSize=1&page=3')).body.items).toEqual([]);
    expect((await get('', finance)).body.total).toBe(2);
    for (const bad of [
      'pageSize=0',
      'pageSize=201',
      'page=0',
      'status=LOST',
      'status=COMPLETED',
      'storeId=x',
      'from=yesterday',
    ])
      expect([bad, (await get(bad)).status]).toEqual([bad, 400]);
  });

  it("shows a clerk only its own store's orders, whatever it asks", async () => {
    const mine = await stack.client.get<OrderPage>('/api/admin/orders', clerk);
    expect(mine.body.items.every((o) => o.storeId === shanghai)).toBe(true);
    const theirs = await stack.client.get<OrderPage>(`/api/admin/orders?storeId=${hangzhou}`, clerk);
    expect(theirs.body.items.map((o) => o.id)).not.toContain(counterSale.id);
    expect(theirs.body.items.every((o) => o.storeId === shanghai)).toBe(true);
    expect((await stack.client.get(`/api/admin/orders/${online.id}/ledger`, clerk)).status).toBe(403);
  });

  it("shows an order's ledger entries", async () => {
    const res = await stack.client.get<OrderLedger>(`/api/admin/orders/${online.id}/ledger`, finance);
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([
      expect.objectContaining({
        orderId: online.id,
        guideId: brand.guides[0].id,
        kind: 'accrual',
        amountFen: 1600,
        rateBps: 800,
      }),
    ]);
    expect(res.body.netFen).toBe(1600);
    expect((await stack.client.get(`/api/admin/orders/${randomUUID()}/ledger`, brand.admin)).status).toBe(404);
  });
});

describe('who may edit', () => {
  it('refuses finance and clerks (403), writing nothing', async () => {
    const before = await sql(stack, 'SELECT name, city FROM stores ORDER BY id');
    const liveId = (await stack.client.get<Live[]>('/api/lives')).body[0]?.id ?? randomUUID();
    const attempts: Array<[string, unknown]> = [
      [`/api/admin/stores/${shanghai}`, { name: '改' }],
      [`/api/admin/guides/${brand.guides[0].id}`, { name: '改' }],
      [`/api/admin/lives/${liveId}`, { title: '改' }],
    ];
    for (const token of [finance, clerk])
      for (const [path, body] of attempts)
        expect([path, (await stack.client.patch(path, body, token)).status]).toEqual([path, 403]);
    for (const token of [finance, clerk]) expect((await stack.client.get('/api/admin/stores', token)).status).toBe(403);
    expect(await sql(stack, 'SELECT name, city FROM stores ORDER BY id')).toEqual(before);
    expect(await count(stack, 'guides', 'name = ?', ['改'])).toBe(0);
  });
});
