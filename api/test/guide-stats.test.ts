// A guide's own statistics (GET /api/guides/me/stats): equal to the guide report on the same hand-computed
// fixture (support/report-fixture.ts), day by day across a Shanghai midnight.
import { describe, expect, it } from '@jest/globals';
import { businessDate } from '../src/common/business-time.js';
import { consumer, share, type Brand } from './support/fixtures.js';
import { expected, pick, ratio } from './support/report-figures.js';
import { FROM, TO, startReportStack } from './support/report-fixture.js';
import { useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

type Guide = Brand['guides'][number];

let stack: TestStack, brand: Brand, g0: Guide, g1: Guide;
useStack(startReportStack, (s) => ({ stack, brand, g0, g1 } = s));

describe('GET /api/guides/me/stats', () => {
  it("gives the guide's own figures, equal to the report, day by day across Shanghai midnight", async () => {
    const res = await stack.client.get(`/api/guides/me/stats?from=${FROM}&to=${TO}`, g0.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ guideId: g0.id, from: FROM, to: TO, timeZone: 'Asia/Shanghai' });
    expect(pick(res.body)).toEqual(expected.g0);
    expect(res.body.sharerVsServer.shareOfCredit).toEqual(ratio(21666, 21666, 10000));
    expect(res.body.days.map((d: any) => d.date)).toEqual([FROM, TO]);
    // 1 March: A; m1 ×2 and m4; m1 registered; O1 (23:30). 2 March: B; m2; O2 (created 23:50 the day before, paid 00:40), R1; +499 −166 +150.
    expect(pick(res.body.days[0])).toEqual(expected.g0day1);
    expect(pick(res.body.days[1])).toEqual(expected.g0day2);
    const mine1 = await stack.client.get(`/api/guides/me/stats?from=${FROM}&to=${TO}`, g1.token);
    expect(pick(mine1.body)).toEqual(expected.g1);
    expect(mine1.body.days.map((d: any) => d.commissionFen)).toEqual([140, -40]);
  });

  it('defaults to this business month to date', async () => {
    const today = businessDate(new Date(), 'Asia/Shanghai');
    await share(stack, g1.token, 'product', brand.product.id);
    const res = await stack.client.get('/api/guides/me/stats', g1.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: `${today.slice(0, 8)}01`, to: today, shares: 1, visits: 0, orders: 0 });
    expect(res.body.days).toHaveLength(Number(today.slice(8)));
    expect(res.body.days.at(-1)).toMatchObject({ date: today, shares: 1 });
  });

  it('validates the period and admits guides only (the report: admin and finance only)', async () => {
    const bad = async (query: string, code: string) => {
      const res = await stack.client.get(`/api/guides/me/stats?${query}`, g0.token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
    };
    await bad('from=2026-03-02&to=2026-03-01', 'PERIOD_INVALID');
    await bad('from=2026-02-30&to=2026-03-01', 'VALIDATION_FAILED');
    await bad('from=2026-03-01T00:00:00Z', 'VALIDATION_FAILED');
    await bad('from=2025-01-01&to=2026-03-01', 'PERIOD_INVALID');
    await bad('from=2026-03-01&guideId=x', 'VALIDATION_FAILED');
    const buyer = await consumer(stack);
    expect((await stack.client.get('/api/guides/me/stats', buyer.token)).status).toBe(403);
    expect((await stack.client.get('/api/guides/me/stats', brand.admin)).status).toBe(403);
    expect((await stack.client.get('/api/guides/me/stats')).status).toBe(401);
    expect((await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}`, g0.token)).status).toBe(403);
    expect((await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}`, buyer.token)).status).toBe(403);
    expect((await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}&storeId=nope`, brand.admin)).status).toBe(
      400,
    );
  });
});
