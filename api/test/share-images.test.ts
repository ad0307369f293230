// Mini-program codes and posters: WeChat is asked once per code (even by concurrent first requests
// on two API instances), the code decodes to the share's page and scene, and the poster embeds it.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SHARE_PAGES } from '@guideshare/contracts';
import { wxacodeContent } from '@guideshare/wechat/simulator';
import { createApp } from '../src/bootstrap.js';
import { freePort } from '../src/common/free-port.js';
import { POSTER_HEIGHT, POSTER_WIDTH } from '../src/shares/poster-render.js';
import { Client } from './support/client.js';
import { withSql } from './support/database.js';
import { decodePngQr as decode } from './support/qr.js';
import { PNG } from 'pngjs';
import { createBrand, share, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let second: NestFastifyApplication;
let secondClient: Client;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  // A second API instance on the same database and WeChat: instances must not double-fetch.
  second = await createApp(stack.config, { logger: ['error'] });
  const port = await freePort();
  await second.listen({ port, host: '127.0.0.1' });
  secondClient = new Client(`http://127.0.0.1:${port}`);
}, 60_000);
afterAll(async () => {
  await second?.close();
  await stack?.close();
});

async function image(client: Client, path: string, token: string) {
  const res = await fetch(`${client.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const callsFor = (scene: string) => stack.sim.state.wxacodeRequests.filter((r) => r.scene === scene).length;

describe('GET /api/shares/:code/wxacode', () => {
  it('fetches once per code, even for concurrent first requests on two instances, and decodes to page and scene', async () => {
    const g = brand.guides[0]!;
    const s = await share(stack, g.token, 'product', brand.product.id);
    const replies = await Promise.all([
      ...[1, 2, 3].map(() => image(stack.client, `/api/shares/${s.code}/wxacode`, g.token)),
      ...[1, 2, 3].map(() => image(secondClient, `/api/shares/${s.code}/wxacode`, g.token)),
    ]);
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(r.type).toBe('image/png');
      expect(r.bytes.equals(replies[0]!.bytes)).toBe(true);
    }
    expect(callsFor(s.code)).toBe(1);
    expect(decode(replies[0]!.bytes).qr).toBe(wxacodeContent(stack.sim.keys.appId, SHARE_PAGES.product, s.scene));
    expect(s.scene).toBe(s.code);

    // later requests replay the stored image
    const again = await image(stack.client, `/api/shares/${s.code}/wxacode`, g.token);
    expect(again.bytes.equals(replies[0]!.bytes)).toBe(true);
    expect(callsFor(s.code)).toBe(1);
    const [row] = await withSql(
      stack.databaseUrl,
      async (c) =>
        (await c.query('SELECT COUNT(*) AS n FROM share_wxacodes WHERE shareCode = ?', [s.code]))[0] as Array<{
          n: number;
        }>,
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('gives a live code the live page', async () => {
    const admin = brand.admin;
    const live = await stack.client.post(
      '/api/admin/lives',
      {
        title: '新品直播',
        storeId: brand.stores[0]!.id,
        startsAt: '2026-12-01T12:00:00Z',
        endsAt: '2026-12-01T14:00:00Z',
      },
      admin,
    );
    const g = brand.guides[1]!;
    const s = await share(stack, g.token, 'live', live.body.id);
    const r = await image(stack.client, `/api/shares/${s.code}/wxacode`, g.token);
    expect(decode(r.bytes).qr).toBe(wxacodeContent(stack.sim.keys.appId, SHARE_PAGES.live, s.code));
  });

  it('is only for the guide who owns the code; a forged code is a 400', async () => {
    const s = await share(stack, brand.guides[0]!.token, 'product', brand.product.id);
    expect((await stack.client.get(`/api/shares/${s.code}/wxacode`, brand.guides[2]!.token)).status).toBe(403);
    expect((await stack.client.get(`/api/shares/${s.code}/wxacode`)).status).toBe(401);
    const forged = `${s.code.slice(0, -1)}${s.code.endsWith('A') ? 'B' : 'A'}`;
    expect((await stack.client.get(`/api/shares/${forged}/wxacode`, brand.guides[0]!.token)).status).toBe(400);
    expect(callsFor(s.code)).toBe(0);
  });

  it('lets a scene-only entry find its target, without login', async () => {
    const s = await share(stack, brand.guides[0]!.token, 'product', brand.product.id);
    const r = await stack.client.get(`/api/shares/${s.code}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: s.code, kind: 'product', targetId: brand.product.id, path: s.path });
  });
});

describe('GET /api/shares/:code/poster', () => {
  it('is a PNG of the expected size that embeds the share code, drawn once per content version', async () => {
    const g = brand.guides[0]!;
    const s = await share(stack, g.token, 'product', brand.product.id);
    const r = await image(stack.client, `/api/shares/${s.code}/poster`, g.token);
    expect(r.status).toBe(200);
    expect(r.type).toBe('image/png');
    const d = decode(r.bytes);
    expect([d.width, d.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    expect(d.qr).toBe(wxacodeContent(stack.sim.keys.appId, SHARE_PAGES.product, s.code));
    expect(callsFor(s.code)).toBe(1);

    const posters = () =>
      withSql(
        stack.databaseUrl,
        async (c) => (await c.query('SELECT version FROM share_posters WHERE shareCode = ?', [s.code]))[0] as unknown[],
      );
    const again = await image(stack.client, `/api/shares/${s.code}/poster`, g.token);
    expect(again.bytes.equals(r.bytes)).toBe(true);
    expect(await posters()).toHaveLength(1);

    // a new price is a new version of the poster; the code is not fetched again
    await withSql(stack.databaseUrl, (c) =>
      c.query('UPDATE skus SET priceFen = 8800 WHERE id = ?', [brand.product.skuId]),
    );
    const changed = await image(stack.client, `/api/shares/${s.code}/poster`, g.token);
    expect(changed.bytes.equals(r.bytes)).toBe(false);
    expect(decode(changed.bytes).qr).toBe(d.qr);
    expect(await posters()).toHaveLength(2);
    if (process.env.POSTER_SNAPSHOT) writeFileSync(process.env.POSTER_SNAPSHOT, changed.bytes);
    expect(callsFor(s.code)).toBe(1);
    expect((await stack.client.get(`/api/shares/${s.code}/poster`, brand.guides[1]!.token)).status).toBe(403);
  });

  it('draws the product picture uploaded to the API (read back over loopback)', async () => {
    const red = new PNG({ width: 64, height: 64 });
    for (let i = 0; i < red.data.length; i += 4) red.data.set([255, 0, 0, 255], i);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG.sync.write(red))], { type: 'image/png' }), 'red.png');
    const up = await fetch(`${stack.url}/api/admin/uploads`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${brand.admin}` },
    });
    expect(up.status).toBe(201);
    const { url } = (await up.json()) as { url: string };
    const patched = await stack.client.request('PATCH', `/api/admin/products/${brand.cheap.id}`, {
      token: brand.admin,
      body: { imageUrls: [url] },
    });
    expect(patched.status).toBe(200);
    const g = brand.guides[0]!;
    const s = await share(stack, g.token, 'product', brand.cheap.id);
    const r = await image(stack.client, `/api/shares/${s.code}/poster`, g.token);
    const png = PNG.sync.read(r.bytes);
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    expect(at(375, 375)).toEqual([255, 0, 0]);
  });
});
