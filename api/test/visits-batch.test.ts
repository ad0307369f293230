// Visits of concurrent requests are written together (group commit). What must not change: every
// acknowledged visit is stored, the first touch still binds an unbound member (first-touch mode), and
// a departed guide's card binds nobody — also when those touches share one batch.
import { describe, expect, it } from '@jest/globals';
import { count, sql } from './support/counter.js';
import { consumer, share, type Brand } from './support/fixtures.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({ productRateBps: 800 }, (s) => ({ stack, brand } = s));

const open = (token: string, code: string) =>
  stack.client.post('/api/visits', { shareCode: code, scene: 1007, chatType: 1 }, token).then((r) => r.status);

describe('visits written in batches', () => {
  it('stores every acknowledged visit of 120 concurrent requests, and binds each member once', async () => {
    const cards = await Promise.all(
      [0, 1, 2].map((g) => share(stack, brand.guides[g].token, 'product', brand.product.id)),
    );
    const people = await Promise.all(Array.from({ length: 30 }, () => consumer(stack)));
    const statuses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => open(people[i % 30].token, cards[i % 3].code)),
    );
    expect(statuses.every((s) => s === 202)).toBe(true);
    const ids = people.map((p) => p.memberId);
    expect(await count(stack, 'visits', `memberId IN (${ids.map(() => '?').join(',')})`, ids)).toBe(120);
    const members = await sql(stack, `SELECT id, serviceGuideId, openingGuideId FROM members WHERE id IN (?)`, [ids]);
    expect(members).toHaveLength(30);
    const guideIds = brand.guides.slice(0, 3).map((g) => g.id);
    for (const m of members) {
      // First touch: whichever card the member opened first binds them, as opening and service guide.
      expect(guideIds).toContain(m.serviceGuideId);
      expect(m.openingGuideId).toBe(m.serviceGuideId);
      const [first] = await sql(stack, `SELECT guideId FROM visits WHERE memberId = ? ORDER BY visitedAt, id LIMIT 1`, [
        m.id,
      ]);
      expect(m.serviceGuideId).toBe(first.guideId);
    }
  });

  it("binds nobody to a departed guide's card, even in the same batch as an active guide's", async () => {
    const departing = brand.guides[1];
    const stale = await share(stack, departing.token, 'product', brand.product.id);
    const res = await stack.client.post(`/api/admin/guides/${departing.id}/depart`, {}, brand.admin);
    expect(res.status).toBeLessThan(300);
    const fresh = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    const people = await Promise.all(Array.from({ length: 10 }, () => consumer(stack)));
    // Each member opens the departed guide's card first, then an active guide's, concurrently.
    await Promise.all(people.map(async (p) => [await open(p.token, stale.code), await open(p.token, fresh.code)]));
    const members = await sql(stack, `SELECT serviceGuideId FROM members WHERE id IN (?)`, [
      people.map((p) => p.memberId),
    ]);
    expect(members.map((m) => m.serviceGuideId)).toEqual(people.map(() => brand.guides[0].id));
  });
});
