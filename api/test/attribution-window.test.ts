import { describe, expect, it } from '@jest/globals';
import { consumer, order, share, visit, type Brand } from './support/fixtures.js';
import { sql } from './support/money.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({}, (s) => ({ stack, brand } = s));

const visitsOf = async (memberId: string) =>
  sql<{ shareCode: string; visitedAt: Date }>(
    stack,
    'SELECT shareCode, visitedAt FROM visits WHERE memberId = ? ORDER BY visitedAt',
    [memberId],
  );

/** A buyer who opened `guide`'s product card `daysAgo` days ago: the card, the buyer and the recorded visit. */
async function openedDaysAgo(guide: Brand['guides'][number], daysAgo: number) {
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  await sql(stack, 'UPDATE visits SET visitedAt = DATE_SUB(NOW(6), INTERVAL ? DAY) WHERE memberId = ?', [
    daysAgo,
    buyer.memberId,
  ]);
  const [opened] = await visitsOf(buyer.memberId);
  return { card, buyer, opened };
}

/** An online order of one product carrying the share code. */
const orderWithCode = (buyer: { token: string }, code: string) =>
  order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }], shareCode: code });

describe('a share code carried by an order is evidence of the visit, never a fresh touch (DESIGN rule 9)', () => {
  it('gives no share credit for a code opened longer ago than the online window, and records no touch', async () => {
    const [guide] = brand.guides;
    // The visit happened 8 days ago; the online window of policy version 1 is 7 days.
    const { card, buyer, opened: before } = await openedDaysAgo(guide, 8);

    const created = await orderWithCode(buyer, card.code);
    expect(created.status).toBe(201);
    expect(created.body.attribution.rule).not.toBe('share');
    expect(created.body.attribution.shareCode).toBeNull();
    expect(await visitsOf(buyer.memberId)).toEqual([before]);
  });

  it('credits a code opened within the window at the time of the visit, without a second touch', async () => {
    const [, guide] = brand.guides;
    const { card, buyer, opened } = await openedDaysAgo(guide, 3);

    const created = await orderWithCode(buyer, card.code);
    expect(created.body.attribution).toMatchObject({ rule: 'share', guideId: guide.id, shareCode: card.code });
    expect(new Date(created.body.attribution.touchedAt).getTime()).toBe(new Date(opened.visitedAt).getTime());
    expect(await visitsOf(buyer.memberId)).toHaveLength(1);
  });

  it('counts a code the member never opened before as opened now (one touch recorded)', async () => {
    const [guide] = brand.guides;
    const card = await share(stack, guide.token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    const created = await orderWithCode(buyer, card.code);
    expect(created.body.attribution).toMatchObject({ rule: 'share', guideId: guide.id, shareCode: card.code });
    expect((await visitsOf(buyer.memberId)).map((v) => v.shareCode)).toEqual([card.code]);
  });
});

describe('GET /api/config tells the mini-program the online window', () => {
  it('answers the current policy window in hours', async () => {
    const res = await stack.client.get('/api/config');
    expect(res.status).toBe(200);
    expect(res.body.onlineWindowHours).toBe(7 * 24);
    const { version: _, ...policy } = (await stack.client.get('/api/admin/policy', brand.admin)).body;
    const changed = await stack.client.put('/api/admin/policy', { ...policy, onlineWindowHours: 48 }, brand.admin);
    expect(changed.status).toBe(200);
    expect((await stack.client.get('/api/config')).body.onlineWindowHours).toBe(48);
  });
});
