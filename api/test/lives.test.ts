// Livestream shares: a guide sharing any store's live is credited for the orders placed in that live.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { count, ledgerOf, memberCode, receiptNo, redeem, storeKey } from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let shanghai: string;
let hangzhou: string;

const HOUR = 3_600_000;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800 });
  [shanghai, hangzhou] = brand.stores.map((s) => s.id);
});
afterAll(async () => stack?.close());

async function live(storeId: string, startsInHours: number, endsInHours: number) {
  const res = await stack.client.post(
    '/api/admin/lives',
    {
      title: `直播 ${randomUUID().slice(0, 6)}`,
      storeId,
      startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(),
      endsAt: new Date(Date.now() + endsInHours * HOUR).toISOString(),
    },
    brand.admin,
  );
  expect(res.status).toBe(201);
  return res.body as { id: string; storeId: string };
}

const buy = (token: string, extra: Record<string, unknown> = {}) =>
  order(stack, token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }], ...extra });

describe('livestreams', () => {
  it('are created by admins and listed publicly', async () => {
    const created = await live(hangzhou, -1, 1);
    const list = await stack.client.get('/api/lives');
    expect(list.status).toBe(200);
    expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id, storeId: hangzhou })]));
    const backwards = await stack.client.post(
      '/api/admin/lives',
      {
        title: 'x',
        storeId: hangzhou,
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        endsAt: new Date().toISOString(),
      },
      brand.admin,
    );
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'LIVE_TIMES_INVALID']);
    const byGuide = await stack.client.post(
      '/api/admin/lives',
      {
        title: 'x',
        storeId: hangzhou,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + HOUR).toISOString(),
      },
      brand.guides[0].token,
    );
    expect(byGuide.status).toBe(403);
  });

  it('a Shanghai guide’s card for a Hangzhou live credits that guide (live_share) for orders in the live, over a later product share', async () => {
    const [shanghaiGuide, , hangzhouGuide] = brand.guides;
    const session = await live(hangzhou, -1, 2);
    const card = await share(stack, shanghaiGuide.token, 'live', session.id);
    expect(card).toMatchObject({ kind: 'live', targetId: session.id, storeId: shanghai });
    const viewer = await consumer(stack);
    await visit(stack, viewer.token, card.code);
    // Later, the viewer also opens a product card of the live's own store.
    await visit(stack, viewer.token, (await share(stack, hangzhouGuide.token, 'product', brand.product.id)).code);

    const inLive = await buy(viewer.token, { liveId: session.id });
    expect(inLive.status).toBe(201);
    expect(inLive.body.liveId).toBe(session.id);
    expect(inLive.body.attribution).toMatchObject({
      guideId: shanghaiGuide.id,
      storeId: shanghai,
      rule: 'live_share',
      shareCode: card.code,
      commissionable: true,
    });
    expect((await payOrder(stack, viewer.token, inLive.body.id)).notifyStatus).toBe(204);
    expect(await ledgerOf(stack, inLive.body.id)).toEqual([
      expect.objectContaining({ guideId: shanghaiGuide.id, storeId: shanghai, amountFen: 800, rateBps: 800 }),
    ]);

    // The same viewer's order outside the live goes to the last touch.
    const outside = await buy(viewer.token);
    expect(outside.body.attribution).toMatchObject({ guideId: hangzhouGuide.id, rule: 'share' });
  });

  it('gives no live credit outside the session, or to a consumer who did not come in through a live card', async () => {
    const [shanghaiGuide, , hangzhouGuide] = brand.guides;
    const ended = await live(hangzhou, -3, -1);
    const upcoming = await live(hangzhou, 1, 2);
    const running = await live(hangzhou, -1, 1);

    // Live card last, but the live has ended / not started: an ordinary share.
    for (const session of [ended, upcoming]) {
      const viewer = await consumer(stack);
      await visit(stack, viewer.token, (await share(stack, hangzhouGuide.token, 'product', brand.product.id)).code);
      const card = await share(stack, shanghaiGuide.token, 'live', session.id);
      await visit(stack, viewer.token, card.code);
      const res = await buy(viewer.token, { liveId: session.id });
      expect(res.status).toBe(201);
      expect(res.body.attribution).toMatchObject({ guideId: shanghaiGuide.id, rule: 'share', shareCode: card.code });
    }

    // A card for another live does not count for this one.
    const viewer = await consumer(stack);
    await visit(stack, viewer.token, (await share(stack, shanghaiGuide.token, 'live', ended.id)).code);
    const product = await share(stack, hangzhouGuide.token, 'product', brand.product.id);
    await visit(stack, viewer.token, product.code);
    expect((await buy(viewer.token, { liveId: running.id })).body.attribution).toMatchObject({
      guideId: hangzhouGuide.id,
      rule: 'share',
      shareCode: product.code,
    });
  });

  it('follows a departed live sharer to the successor', async () => {
    const wecomUserId = `g-${randomUUID().slice(0, 12)}`;
    const created = await stack.client.post(
      '/api/admin/guides',
      { storeId: shanghai, name: '主播导购', wecomUserId },
      brand.admin,
    );
    const login = await stack.client.post('/api/auth/guide', { code: `${wecomUserId}.${randomUUID()}` });
    const session = await live(hangzhou, -1, 1);
    const card = await share(stack, login.body.token, 'live', session.id);
    const viewer = await consumer(stack);
    await visit(stack, viewer.token, card.code);
    const successor = brand.guides[1];
    expect(
      (
        await stack.client.post(
          `/api/admin/guides/${created.body.id}/depart`,
          { successorGuideId: successor.id },
          brand.admin,
        )
      ).status,
    ).toBe(201);
    const res = await buy(viewer.token, { liveId: session.id });
    expect(res.body.attribution).toMatchObject({ guideId: successor.id, rule: 'live_share', shareCode: card.code });
  });

  it('a live card is an ordinary share touch at the counter (no live rule in store)', async () => {
    const [shanghaiGuide] = brand.guides;
    const session = await live(hangzhou, -1, 1);
    const card = await share(stack, shanghaiGuide.token, 'live', session.id);
    const viewer = await consumer(stack);
    await visit(stack, viewer.token, card.code);
    const { key } = await storeKey(stack, brand.admin, hangzhou);
    const res = await redeem(stack, key, {
      memberCode: await memberCode(stack, viewer.token),
      receiptNo: receiptNo(),
      amountFen: 10000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      storeId: hangzhou,
      attribution: { guideId: shanghaiGuide.id, rule: 'share', shareCode: card.code },
    });
  });

  it('rejects an unknown live id, writing nothing', async () => {
    const viewer = await consumer(stack);
    const before = await count(stack, 'orders');
    const res = await buy(viewer.token, { liveId: randomUUID() });
    expect([res.status, res.body.error.code]).toEqual([400, 'LIVE_NOT_FOUND']);
    expect(await count(stack, 'orders')).toBe(before);
    const badShare = await stack.client.post(
      '/api/shares',
      { kind: 'live', targetId: randomUUID() },
      brand.guides[0].token,
    );
    expect([badShare.status, badShare.body.error.code]).toEqual([400, 'SHARE_TARGET_NOT_FOUND']);
  });
});
