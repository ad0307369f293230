// Catalog management from the console: edits, on/off sale, gallery, audited stock changes, and who may do it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminProduct, Product, StockAdjustmentResponse, StockMovement } from '@guideshare/contracts';
import { count, sql } from './support/counter.js';
import { consumer, createBrand, order, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;
let categoryId: string;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  const c = stack.client;
  expect(
    (
      await c.post(
        '/api/admin/staff',
        { username: 'fin', password: 'finance-password-1', role: 'finance' },
        brand.admin,
      )
    ).status,
  ).toBe(201);
  finance = (await c.post('/api/auth/staff', { username: 'fin', password: 'finance-password-1' })).body.token;
  categoryId = (await c.get(`/api/admin/products/${brand.product.id}`, brand.admin)).body.categoryId;
});
afterAll(async () => stack?.close());

async function newProduct(extra: Record<string, unknown> = {}): Promise<AdminProduct> {
  const res = await stack.client.post<AdminProduct>(
    '/api/admin/products',
    {
      name: `面霜 ${randomUUID().slice(0, 4)}`,
      categoryId,
      skus: [{ name: '50ml', priceFen: 28800, stock: 5 }],
      ...extra,
    },
    brand.admin,
  );
  expect(res.status).toBe(201);
  return res.body;
}

describe('products', () => {
  it('are on sale when created, unless created with onSale: false', async () => {
    const onSale = await newProduct({ description: '保湿', imageUrls: ['https://img.example.com/a.png'] });
    expect(onSale).toMatchObject({ onSale: true, description: '保湿', imageUrl: 'https://img.example.com/a.png' });
    const hidden = await newProduct({ onSale: false });
    expect(hidden.onSale).toBe(false);

    const list = await stack.client.get<Product[]>('/api/products');
    const ids = list.body.map((p) => p.id);
    expect(ids).toContain(onSale.id);
    expect(ids).not.toContain(hidden.id);
    expect((await stack.client.get(`/api/products/${hidden.id}`)).status).toBe(404);
    // Consumers never see commission rates; admins see everything, off sale included.
    for (const p of list.body) expect(p).not.toHaveProperty('commissionRateBps');
    expect(list.body.find((p) => p.id === onSale.id)).toMatchObject({
      imageUrls: [onSale.imageUrl],
      description: '保湿',
    });
    const admin = await stack.client.get<AdminProduct[]>('/api/admin/products', brand.admin);
    expect(admin.body.find((p) => p.id === hidden.id)).toMatchObject({ onSale: false, commissionRateBps: null });
  });

  it('are edited field by field; the gallery sets imageUrl to its first image', async () => {
    const p = await newProduct();
    const gallery = ['https://img.example.com/1.jpg', `/api/uploads/${'a'.repeat(64)}`];
    const res = await stack.client.patch<AdminProduct>(
      `/api/admin/products/${p.id}`,
      { name: '新名字', description: '新描述', imageUrls: gallery, commissionRateBps: 1200 },
      brand.admin,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '新名字',
      description: '新描述',
      imageUrls: gallery,
      imageUrl: gallery[0],
      commissionRateBps: 1200,
      onSale: true,
      categoryId,
    });
    const cleared = await stack.client.patch<AdminProduct>(
      `/api/admin/products/${p.id}`,
      { imageUrls: [] },
      brand.admin,
    );
    expect(cleared.body).toMatchObject({ imageUrls: [], imageUrl: '', name: '新名字' });
  });

  it('taken off sale cannot be ordered online, and back on sale can', async () => {
    const p = await newProduct();
    const buyer = await consumer(stack);
    const off = await stack.client.patch(`/api/admin/products/${p.id}`, { onSale: false }, brand.admin);
    expect(off.status).toBe(200);
    const refused = await order(stack, buyer.token, { lines: [{ skuId: p.skus[0].id, quantity: 1 }] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PRODUCT_NOT_ON_SALE');
    expect(await count(stack, 'orders', 'memberId = ?', [buyer.memberId])).toBe(0);
    await stack.client.patch(`/api/admin/products/${p.id}`, { onSale: true }, brand.admin);
    expect((await order(stack, buyer.token, { lines: [{ skuId: p.skus[0].id, quantity: 1 }] })).status).toBe(201);
  });

  it('refuses bad edits with a 4xx and changes nothing', async () => {
    const p = await newProduct();
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'NOTHING_TO_UPDATE'],
      [{ name: null }, 400, 'VALIDATION_FAILED'],
      [{ commissionRateBps: null }, 400, 'VALIDATION_FAILED'],
      [{ onSale: 'yes' }, 400, 'VALIDATION_FAILED'],
      [{ commissionRateBps: 10001 }, 400, 'VALIDATION_FAILED'],
      [{ imageUrls: ['javascript:alert(1)'] }, 400, 'VALIDATION_FAILED'],
      [{ imageUrls: 'https://img.example.com/x.png' }, 400, 'VALIDATION_FAILED'],
      [{ stock: 3 }, 400, 'VALIDATION_FAILED'],
      [{ name: '改', categoryId: randomUUID() }, 400, 'CATEGORY_NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await stack.client.patch(`/api/admin/products/${p.id}`, body, brand.admin);
      expect([res.status, res.body.error?.code, body]).toEqual([status, code, body]);
    }
    const missing = await stack.client.patch(`/api/admin/products/${randomUUID()}`, { name: 'x' }, brand.admin);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);
    expect((await stack.client.get<AdminProduct>(`/api/admin/products/${p.id}`, brand.admin)).body).toEqual(p);
  });
});

describe('skus and stock', () => {
  it('edits a SKU name and price; orders placed afterwards pay the new price', async () => {
    const p = await newProduct();
    const sku = p.skus[0];
    const res = await stack.client.patch(
      `/api/admin/skus/${sku.id}`,
      { priceFen: 19900, name: '50ml 新装' },
      brand.admin,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...sku, priceFen: 19900, name: '50ml 新装' });
    const buyer = await consumer(stack);
    const placed = await order(stack, buyer.token, { lines: [{ skuId: sku.id, quantity: 1 }] });
    expect(placed.body.totalFen).toBe(19900);
    for (const body of [{ priceFen: 0 }, { priceFen: 1.5 }, { priceFen: null }, {}, { stock: 9 }]) {
      expect((await stack.client.patch(`/api/admin/skus/${sku.id}`, body, brand.admin)).status).toBe(400);
    }
    expect((await stack.client.patch(`/api/admin/skus/${randomUUID()}`, { name: 'x' }, brand.admin)).status).toBe(404);
  });

  it('adjusts stock with a reason, audited, never below zero', async () => {
    const p = await newProduct();
    const sku = p.skus[0];
    const url = `/api/admin/skus/${sku.id}/stock`;
    const up = await stack.client.post<StockAdjustmentResponse>(url, { delta: 10, reason: '到货' }, brand.admin);
    expect(up.status).toBe(201);
    expect(up.body.sku.stock).toBe(15);
    expect(up.body.movement).toMatchObject({ skuId: sku.id, delta: 10, stockAfter: 15, reason: '到货' });
    const down = await stack.client.post<StockAdjustmentResponse>(url, { delta: -15, reason: '盘点' }, brand.admin);
    expect(down.body.sku.stock).toBe(0);

    const below = await stack.client.post(url, { delta: -1, reason: '破损' }, brand.admin);
    expect([below.status, below.body.error.code]).toEqual([409, 'OUT_OF_STOCK']);
    for (const body of [
      { delta: 0, reason: 'x' },
      { delta: 2 },
      { delta: 1.5, reason: 'x' },
      { delta: 2, reason: '' },
    ]) {
      expect((await stack.client.post(url, body, brand.admin)).status).toBe(400);
    }
    expect(
      (await stack.client.post(`/api/admin/skus/${randomUUID()}/stock`, { delta: 1, reason: 'x' }, brand.admin)).status,
    ).toBe(404);
    // Only the two accepted changes were written.
    expect(await count(stack, 'sku_stock_movements', 'skuId = ?', [sku.id])).toBe(2);
    const [row] = await sql<{ stock: number }>(stack, 'SELECT stock FROM skus WHERE id = ?', [sku.id]);
    expect(row.stock).toBe(0);
    const history = await stack.client.get<StockMovement[]>(`/api/admin/skus/${sku.id}/stock-movements`, brand.admin);
    expect(history.body.map((m) => [m.delta, m.stockAfter, m.reason])).toEqual([
      [-15, 0, '盘点'],
      [10, 15, '到货'],
    ]);
  });

  it('never goes below zero when adjustments race each other', async () => {
    const p = await newProduct(); // stock 5
    const url = `/api/admin/skus/${p.skus[0].id}/stock`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => stack.client.post(url, { delta: -1, reason: '并发' }, brand.admin)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const [row] = await sql<{ stock: number }>(stack, 'SELECT stock FROM skus WHERE id = ?', [p.skus[0].id]);
    expect(row.stock).toBe(0);
    expect(await count(stack, 'sku_stock_movements', 'skuId = ?', [p.skus[0].id])).toBe(5);
  });

  it('lands a retried adjustment once with an Idempotency-Key', async () => {
    const p = await newProduct();
    const url = `/api/admin/skus/${p.skus[0].id}/stock`;
    const headers = { 'idempotency-key': `stock-${randomUUID()}` };
    const first = await stack.client.post(url, { delta: 3, reason: '到货' }, brand.admin, headers);
    const again = await stack.client.post(url, { delta: 3, reason: '到货' }, brand.admin, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect([first.headers.get('idempotent-replayed'), again.headers.get('idempotent-replayed')]).toEqual([
      null,
      'true',
    ]);
    expect(again.body.movement).toEqual(first.body.movement);
    expect(again.body.sku.stock).toBe(8);
    const other = await stack.client.post(url, { delta: 4, reason: '到货' }, brand.admin, headers);
    expect([other.status, other.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count(stack, 'sku_stock_movements', 'skuId = ?', [p.skus[0].id])).toBe(1);
  });
});

describe('categories', () => {
  it('are edited by admins; consumers see names only', async () => {
    const created = await stack.client.post(
      '/api/admin/categories',
      { name: '彩妆', commissionRateBps: 300 },
      brand.admin,
    );
    const res = await stack.client.patch(
      `/api/admin/categories/${created.body.id}`,
      { commissionRateBps: 450 },
      brand.admin,
    );
    expect(res.body).toEqual({ id: created.body.id, name: '彩妆', commissionRateBps: 450 });
    expect((await stack.client.get('/api/admin/categories', brand.admin)).body).toContainEqual(res.body);
    expect((await stack.client.get('/api/categories')).body).toContainEqual({ id: created.body.id, name: '彩妆' });
    expect(
      (await stack.client.patch(`/api/admin/categories/${created.body.id}`, { name: null }, brand.admin)).status,
    ).toBe(400);
  });
});

describe('who may manage the catalog', () => {
  it('refuses finance (403) and the anonymous (401), writing nothing', async () => {
    const p = await newProduct();
    const sku = p.skus[0];
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/admin/products/${p.id}`, { name: '改' }],
      ['PATCH', `/api/admin/skus/${sku.id}`, { priceFen: 1 }],
      ['POST', `/api/admin/skus/${sku.id}/stock`, { delta: 1, reason: 'x' }],
      ['PATCH', `/api/admin/categories/${categoryId}`, { name: '改' }],
      ['POST', '/api/admin/products', { name: 'x', categoryId, skus: [{ name: 'x', priceFen: 1, stock: 1 }] }],
      ['GET', '/api/admin/products', undefined],
    ];
    const buyer = await consumer(stack);
    for (const [method, path, body] of attempts) {
      expect((await stack.client.request(method, path, { body, token: finance })).status).toBe(403);
      expect((await stack.client.request(method, path, { body, token: buyer.token })).status).toBe(403);
      expect((await stack.client.request(method, path, { body })).status).toBe(401);
    }
    expect((await stack.client.get<AdminProduct>(`/api/admin/products/${p.id}`, brand.admin)).body).toEqual(p);
    expect(await count(stack, 'sku_stock_movements', 'skuId = ?', [sku.id])).toBe(0);
  });
});
