import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumer, createBrand, order, share, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let categories: { skin: string; bath: string };

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  const c = stack.client;
  const skin = (await c.post('/api/admin/categories', { name: '面霜' }, brand.admin)).body.id;
  const bath = (await c.post('/api/admin/categories', { name: '沐浴' }, brand.admin)).body.id;
  categories = { skin, bath };
  const products: Array<[string, string, string]> = [
    ['玫瑰保湿面霜', skin, '深层保湿，适合干性肌肤'],
    ['雪松修护晚霜', skin, '夜间修护 100%_纯植物'],
    ['柑橘沐浴露', bath, '清爽柑橘香，温和保湿'],
  ];
  for (const [name, categoryId, description] of products) {
    const res = await c.post(
      '/api/admin/products',
      { name, categoryId, description, skus: [{ name: '50ml', priceFen: 19900, stock: 10 }] },
      brand.admin,
    );
    expect(res.status).toBe(201);
  }
});
afterAll(async () => stack?.close());

const names = async (query: string) => {
  const res = await stack.client.get(`/api/products${query}`);
  expect(res.status).toBe(200);
  return (res.body as Array<{ name: string }>).map((p) => p.name).sort();
};

describe('storefront', () => {
  it('filters products by category and finds every word of q in the name or description', async () => {
    expect(await names(`?categoryId=${categories.skin}`)).toEqual(['玫瑰保湿面霜', '雪松修护晚霜']);
    expect(await names('?q=保湿')).toEqual(['柑橘沐浴露', '玫瑰保湿面霜']);
    expect(await names(`?q=保湿&categoryId=${categories.bath}`)).toEqual(['柑橘沐浴露']);
    expect(await names('?q=柑橘 温和')).toEqual(['柑橘沐浴露']);
    expect(await names('?q=柑橘 面霜')).toEqual([]);
    // LIKE wildcards are plain characters here.
    expect(await names('?q=%25')).toEqual(['雪松修护晚霜']);
    expect(await names('?q=_')).toEqual(['雪松修护晚霜']);
    expect((await names('')).length).toBeGreaterThanOrEqual(5);
    expect((await stack.client.get('/api/products?categoryId=nope')).status).toBe(400);
    expect((await stack.client.get('/api/products?sort=price')).status).toBe(400);
    const cats = await stack.client.get('/api/categories');
    expect(cats.body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['面霜', '沐浴']));
  });

  it('shows the sharing guide’s card: name and store, public, never the WeCom account', async () => {
    const guide = brand.guides[2];
    const card = await share(stack, guide.token, 'product', brand.product.id);
    const res = await stack.client.get(`/api/shares/${card.code}/guide`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      guideId: guide.id,
      name: '导购2',
      storeId: brand.stores[1].id,
      storeName: '杭州店',
      storeCity: '杭州',
      active: true,
      avatarUrl: null,
      contactQrUrl: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(guide.wecomUserId);
    // Another last character than the real one: the tag no longer matches.
    const last = card.code.slice(-1) === 'X' ? 'Y' : 'X';
    const forged = await stack.client.get(`/api/shares/${card.code.slice(0, -1)}${last}/guide`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('SHARE_CODE_INVALID');

    expect((await stack.client.post(`/api/admin/guides/${guide.id}/depart`, {}, brand.admin)).status).toBeLessThan(300);
    expect((await stack.client.get(`/api/shares/${card.code}/guide`)).body.active).toBe(false);
  });

  it('gives every online order a short, distinct order number of its business day', async () => {
    const buyer = await consumer(stack);
    const numbers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await order(stack, buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] });
      expect(res.status).toBe(201);
      expect(res.body.orderNo).toMatch(/^\d{14}$/);
      numbers.add(res.body.orderNo);
      const shanghaiDay = new Date(Date.parse(res.body.createdAt) + 8 * 3_600_000).toISOString().slice(2, 10);
      expect(res.body.orderNo.slice(0, 6)).toBe(shanghaiDay.replace(/-/g, ''));
    }
    expect(numbers.size).toBe(5);
    const mine = await stack.client.get('/api/orders', buyer.token);
    expect(new Set(mine.body.map((o: { orderNo: string }) => o.orderNo))).toEqual(numbers);
  });
});
