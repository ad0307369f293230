// The guide report (GET /api/reports/guides and its CSV): every figure against the small hand-computed
// fixture in support/report-fixture.ts, which spans a Shanghai midnight with online and in-store sales and refunds.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Brand } from './support/fixtures.js';
import { expected, figs, pick, privateDomain, ratio, sharerVsServer } from './support/report-figures.js';
import { FROM, TO, startReportStack } from './support/report-fixture.js';
import { useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

type Guide = Brand['guides'][number];

let stack: TestStack, brand: Brand, finance: string, g0: Guide, g1: Guide, g2: Guide, S0: string, S1: string;
useStack(startReportStack, (s) => ({ stack, brand, finance, g0, g1, g2, S0, S1 } = s));

describe('GET /api/reports/guides', () => {
  it('gives every guide figure as computed by hand', async () => {
    const res = await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}`, brand.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: FROM, to: TO, timeZone: 'Asia/Shanghai', storeId: null });
    const row = (id: string) => res.body.guides.find((g: any) => g.guideId === id);
    expect(res.body.guides).toHaveLength(3);
    expect(row(g0.id)).toMatchObject({ name: '导购0', storeId: S0, status: 'active' });
    expect(pick(row(g0.id))).toEqual(expected.g0);
    expect(pick(row(g1.id))).toEqual(expected.g1);
    expect(pick(row(g2.id))).toEqual(expected.g2);
    // Sharer vs server: credit through the guide's cards vs as a member's service guide.
    expect(row(g0.id).sharerVsServer).toEqual(sharerVsServer(21666, 0, [3, 0], 10000));
    expect(row(g1.id).sharerVsServer).toEqual(sharerVsServer(0, 10000, [0, 1], 0));
    expect(row(g2.id).sharerVsServer).toEqual(sharerVsServer(20000, 0, [1, 0], 10000));
  });

  it('gives per-store figures and the private-domain share of revenue, brand-wide and by day', async () => {
    const res = await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}`, finance);
    expect(res.status).toBe(200);
    const store = (id: string) => res.body.stores.find((s: any) => s.storeId === id);
    expect(pick(store(S0))).toEqual(expected.S0);
    // S0's own sales: 31666 credited to its guides (26666 online + 5000 in store) and R3 (2000, no guide).
    // floor(31666 × 10000 / 33666) = 9405
    expect(store(S0).privateDomain).toEqual(privateDomain(26666, 5000, 33666, 9405));
    // R1 was rung up at the Hangzhou counter but is credited to guide 0 of Shanghai: it counts for S0.
    expect(pick(store(S1))).toEqual(expected.g2);
    expect(store(S1).privateDomain).toEqual(privateDomain(20000, 0, 20000, 10000));

    const { brand: b } = res.body;
    expect(pick(b)).toEqual(expected.brand);
    expect(b.registrations).toBe(3);
    // All sales 56999 = 51666 credited + O6 3333 (nobody) + R3 2000 (store only); floor(51666 × 10000 / 56999) = 9064.
    expect(b.privateDomain).toEqual(privateDomain(46666, 5000, 56999, 9064));
    expect(b.unassignedGmvFen).toBe(3333);
    expect(b.days.map((d: any) => d.date)).toEqual([FROM, TO]);
    expect(pick(b.days[0])).toEqual(expected.day1);
    expect(pick(b.days[1])).toEqual(expected.day2);
    expect(b.days[0].privateDomain).toEqual(privateDomain(20000, 0, 20000, 10000));
    // floor(31666 × 10000 / 36999) = 8558
    expect(b.days[1].privateDomain).toEqual(privateDomain(26666, 5000, 36999, 8558));
    // Distinct visitors over the period are not the sum of the days (m2 came on both).
    expect(b.days[0].visitors + b.days[1].visitors).toBe(5);
  });

  it('moves the figures with the period bounds: one day, and the day before', async () => {
    const day2 = await stack.client.get(`/api/reports/guides?from=${TO}&to=${TO}`, brand.admin);
    expect(pick(day2.body.brand)).toEqual(expected.day2);
    expect(day2.body.brand.privateDomain.share).toEqual(ratio(31666, 36999, 8558));
    const feb28 = await stack.client.get('/api/reports/guides?from=2026-02-28&to=2026-02-28', brand.admin);
    // Only share C (23:59:59.999), m3's visit through C, and m5's registration (opening guide g1).
    expect(pick(feb28.body.brand)).toEqual(figs({ shares: 1, visits: 1, visitors: 1, newMembers: 1 }));
    const mar3 = await stack.client.get('/api/reports/guides?from=2026-03-03&to=2026-03-03', brand.admin);
    // O8, paid at 3 March 00:00:00.000 exactly.
    expect(pick(mar3.body.brand)).toEqual(expected.mar3);
  });

  it('narrows guides and stores to one store, keeping the brand-wide figures', async () => {
    const res = await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}&storeId=${S1}`, brand.admin);
    expect(res.status).toBe(200);
    expect(res.body.storeId).toBe(S1);
    expect(res.body.guides.map((g: any) => g.guideId)).toEqual([g2.id]);
    expect(pick(res.body.guides[0])).toEqual(expected.g2);
    expect(res.body.stores.map((s: any) => s.storeId)).toEqual([S1]);
    expect(pick(res.body.brand)).toEqual(expected.brand);
    const unknown = await stack.client.get(
      `/api/reports/guides?from=${FROM}&to=${TO}&storeId=${randomUUID()}`,
      brand.admin,
    );
    expect(unknown.status).toBe(404);
  });

  it('exports the guide rows as CSV with a BOM and Chinese headers', async () => {
    const res = await fetch(`${stack.url}/api/reports/guides.csv?from=${FROM}&to=${TO}`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="guide-report-${FROM}-${TO}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0]!.split(',');
    expect(header).toEqual([
      '开始日期',
      '结束日期',
      '导购ID',
      '导购',
      '门店',
      '状态',
      '分享次数',
      '访问次数',
      '访客数',
      '新开卡会员',
      '成交人数',
      '成交订单数',
      '线上订单数',
      '门店订单数',
      '线上成交额(元)',
      '门店成交额(元)',
      '成交总额(元)',
      '退款额(元)',
      '分享成交额(元)',
      '直播分享成交额(元)',
      '服务成交额(元)',
      '分享成交占比(%)',
      '佣金(元)',
    ]);
    const g0Row = lines.find((l) => l.includes(g0.id))!.split(',');
    expect(g0Row).toEqual([
      FROM,
      TO,
      g0.id,
      '导购0',
      '上海店',
      '在职',
      '2',
      '4',
      '3',
      '1',
      '3',
      '3',
      '2',
      '1',
      '166.66',
      '50.00',
      '216.66',
      '33.33',
      '216.66',
      '0.00',
      '0.00',
      '100.00',
      '12.83',
    ]);
    const g1Row = lines.find((l) => l.includes(g1.id))!.split(',');
    expect(g1Row.slice(-9)).toEqual(['100.00', '0.00', '100.00', '40.00', '0.00', '0.00', '100.00', '0.00', '1.00']);
    expect(
      (await fetch(`${stack.url}/api/reports/guides.csv`, { headers: { authorization: `Bearer ${g0.token}` } })).status,
    ).toBe(403);
  });
});
