import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDemo } from '../src/demo.js';

const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

type Demo = Awaited<ReturnType<typeof startDemo>>;
let demo: Demo;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gs-demo-'));
  demo = await startDemo({ dataDir, port: 0, simulatorPort: 0, staticDir: null, quiet: true });
});
afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded demo (sql.js, no database server)', () => {
  it('boots seeded: stores, guides and a catalog with prices in fen', async () => {
    const products = await json(fetch(`${demo.url}/api/products`));
    expect(products).toHaveLength(8);
    expect(products.map((p: any) => p.name)).toContain('玻尿酸保湿精华 30ml');
    // A shop, not a list: every product has a description and a gallery of real images.
    const seen = new Set<string>();
    for (const p of products) {
      expect(p.description.length).toBeGreaterThan(20);
      expect(p.imageUrls).toHaveLength(2);
      for (const url of p.imageUrls) {
        const image = await fetch(`${demo.url}${url}`);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/jpeg');
        const bytes = Buffer.from(await image.arrayBuffer());
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
        expect(bytes.length).toBeGreaterThan(3_000);
        expect(bytes.length).toBeLessThan(60_000);
        seen.add(url);
      }
    }
    expect(seen.size).toBe(16);
    for (const p of products) for (const sku of p.skus) expect(Number.isInteger(sku.priceFen)).toBe(true);
    const stores = await json(fetch(`${demo.url}/api/stores`));
    expect(stores.map((s: any) => s.city).sort()).toEqual(['上海', '杭州']);
    expect(demo.seed.guides).toHaveLength(3);
    expect(demo.counterKey.key).toMatch(/^sk_/);
  });

  it('runs a guide-credited sale end to end on SQLite', async () => {
    const post = (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
      fetch(`${demo.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: r.status === 204 ? null : await json(r) }));
    const guide = await post('/api/auth/guide', { code: `${demo.seed.guides[0].wecomUserId}.1` });
    expect(guide.status).toBe(200);
    const product = demo.seed.products[0];
    const card = await post('/api/shares', { kind: 'product', targetId: product.id }, guide.body.token);
    expect(card.status).toBe(201);
    const buyer = await post('/api/auth/wechat', { code: 'demo-buyer.1' });
    expect((await post('/api/visits', { shareCode: card.body.code, scene: 1007 }, buyer.body.token)).status).toBe(202);
    const detail = await json(fetch(`${demo.url}/api/products/${product.id}`));
    const created = await post(
      '/api/orders',
      { lines: [{ skuId: detail.skus[0].id, quantity: 1 }] },
      buyer.body.token,
      { 'idempotency-key': 'demo-order-0001' },
    );
    expect(created.status).toBe(201);
    expect(created.body.attribution.rule).toBe('share');
    const prepay = await post(`/api/orders/${created.body.id}/payment`, {}, buyer.body.token);
    expect(await demo.sim.pay(prepay.body.outTradeNo)).toBe(204);
    const commissions = await json(
      fetch(`${demo.url}/api/guides/me/commissions`, { headers: { authorization: `Bearer ${guide.body.token}` } }),
    );
    // 269.00 yuan at the product's 1000 bps = 26.90 yuan.
    expect(commissions.entries).toEqual([
      expect.objectContaining({ orderId: created.body.id, kind: 'accrual', amountFen: 2690 }),
    ]);
  });
});
