// Guide statistics and the guide report: every figure against a small hand-computed fixture that
// spans a Shanghai midnight, with online and in-store sales and refunds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, businessDate, businessDays, startOfBusinessDay } from '../src/common/business-time.js';
import { withSql } from './support/database.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

describe('business days (Intl, BUSINESS_TZ)', () => {
  it('puts the Shanghai day boundary at 16:00 UTC', () => {
    expect(startOfBusinessDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(businessDate(new Date('2026-03-01T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(businessDate(new Date('2026-03-01T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(
      businessDays('2026-02-28', '2026-03-01', 'Asia/Shanghai').map((d) => [
        d.date,
        d.start.toISOString(),
        d.end.toISOString(),
      ]),
    ).toEqual([
      ['2026-02-28', '2026-02-27T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
      ['2026-03-01', '2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z'],
    ]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('follows daylight saving, including a zone whose midnight is skipped', () => {
    const hours = (from: string, to: string, tz: string) =>
      businessDays(from, to, tz).map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(hours('2024-03-09', '2024-03-11', 'America/New_York')).toEqual([24, 23, 24]);
    // Beirut springs forward at midnight: 31 March 2024 begins at 01:00 local (22:00 UTC the day before).
    expect(startOfBusinessDay('2024-03-31', 'Asia/Beirut').toISOString()).toBe('2024-03-30T22:00:00.000Z');
    expect(hours('2024-03-30', '2024-04-01', 'Asia/Beirut')).toEqual([24, 23, 24]);
  });
});

describe('with a hand-computed fixture', () => {
  let stack: TestStack;
  let brand: Brand;
  let g0: Brand['guides'][number];
  let g1: Brand['guides'][number];
  let g2: Brand['guides'][number];
  let S0: string;
  let S1: string;
  let finance: string;
  const FROM = '2026-03-01';
  const TO = '2026-03-02';

  /**
   * The fixture (Asia/Shanghai = UTC+8; the period is 1–2 March 2026; midnight between = 16:00Z).
   * Everything is made through the API at the real time (attribution is decided then and frozen),
   * then moved to these instants in SQL.
   */
  const T = {
    before: '2026-02-28T15:59:59.999Z', // 28 Feb 23:59:59.999 — last instant before the period
    r0: '2026-02-28T16:00:00.000Z', //     1 Mar 00:00 — first instant of the period
    shareA: '2026-03-01T09:00:00.000Z', // 1 Mar 17:00
    d1Evening: '2026-03-01T10:00:00.000Z', // 1 Mar 18:00
    d1Late: '2026-03-01T15:30:00.000Z', // 1 Mar 23:30
    d1Close: '2026-03-01T15:50:00.000Z', // 1 Mar 23:50
    shareB: '2026-03-01T16:20:00.000Z', // 2 Mar 00:20
    d2Early: '2026-03-01T16:30:00.000Z', // 2 Mar 00:30
    d2Early2: '2026-03-01T16:40:00.000Z', // 2 Mar 00:40
    shareF: '2026-03-02T04:00:00.000Z', // 2 Mar 12:00
    d2Noon: '2026-03-02T05:00:00.000Z', // 2 Mar 13:00
    d2Afternoon: '2026-03-02T06:00:00.000Z', // 2 Mar 14:00
    after: '2026-03-02T16:00:00.000Z', //  3 Mar 00:00 — first instant after the period
    feb: '2026-02-01T04:00:00.000Z',
  };

  const sql = <R = any>(query: string, params: unknown[] = []) =>
    withSql(stack.databaseUrl, async (c) => ((await c.query(query, params)) as any)[0] as R[]);
  /** An ISO instant as a MariaDB DATETIME(6) literal (UTC), optionally shifted. */
  const at = (iso: string, deltaMs = 0) =>
    new Date(new Date(iso).getTime() + deltaMs).toISOString().replace('T', ' ').replace('Z', '');
  const plus = (iso: string, deltaMs: number) => new Date(new Date(iso).getTime() + deltaMs).toISOString();
  const MIN = 60_000;

  async function moveShare(code: string, when: string) {
    await sql('UPDATE shares SET createdAt = ? WHERE code = ?', [at(when), code]);
  }
  async function moveVisits(memberId: string, code: string, ...whens: string[]) {
    const rows = await sql('SELECT id FROM visits WHERE memberId = ? AND shareCode = ? ORDER BY id', [memberId, code]);
    expect(rows).toHaveLength(whens.length);
    for (const [i, row] of rows.entries())
      await sql('UPDATE visits SET visitedAt = ? WHERE id = ?', [at(whens[i]!, i), row.id]);
  }
  /** A sale paid/sold at `when`: an online order was created 5 min before, a counter sale recorded 10 min after. */
  async function moveSale(orderId: string, when: string, createdAt?: string) {
    const [o] = await sql('SELECT channel FROM orders WHERE id = ?', [orderId]);
    const created = createdAt ?? (o.channel === 'online' ? plus(when, -5 * MIN) : plus(when, 10 * MIN));
    await sql('UPDATE orders SET paidAt = ?, createdAt = ? WHERE id = ?', [at(when), at(created), orderId]);
    await sql(`UPDATE ledger_entries SET createdAt = ? WHERE orderId = ? AND kind = 'accrual'`, [at(when), orderId]);
  }
  async function moveRegistration(memberId: string, when: string) {
    await sql('UPDATE members SET registeredAt = ? WHERE id = ?', [at(when), memberId]);
    await sql('UPDATE member_registrations SET registeredAt = ? WHERE memberId = ?', [at(when), memberId]);
  }

  async function register(token: string) {
    const res = await stack.client.post(
      '/api/members/register',
      { phoneCode: `phone:13800138000.${randomUUID()}` },
      token,
    );
    expect(res.status).toBe(201);
  }
  async function paidOrder(token: string, body: Record<string, unknown>) {
    const created = await order(stack, token, body);
    expect(created.status).toBe(201);
    expect((await payOrder(stack, token, created.body.id)).notifyStatus).toBe(204);
    return created.body;
  }
  async function storeKey(storeId: string) {
    const res = await stack.client.post(`/api/admin/stores/${storeId}/keys`, {}, brand.admin);
    expect(res.status).toBe(201);
    return res.body.key as string;
  }
  async function counterSale(key: string, token: string, amountFen: number) {
    const code = await stack.client.get('/api/members/me/code', token);
    expect(code.status).toBe(200);
    const receiptNo = `R${randomUUID().slice(0, 12)}`;
    const res = await stack.client.post(
      '/api/pos/redemptions',
      { memberCode: code.body.code, receiptNo, amountFen },
      undefined,
      { 'x-store-key': key },
    );
    expect(res.status).toBe(201);
    return { ...res.body, receiptNo };
  }

  /** A partial refund through WeChat Pay: accepted, then completed by the simulator's REFUND.SUCCESS notify. */
  async function refundOnline(orderId: string, amountFen: number) {
    const res = await stack.client.post(
      `/api/orders/${orderId}/refunds`,
      { amountFen, reason: '尺码不合适' },
      brand.admin,
      { 'idempotency-key': `refund-${randomUUID()}` },
    );
    expect(res.status).toBe(201);
    expect(await stack.sim.completeRefund(res.body.outRefundNo, 'SUCCESS')).toBe(204);
  }
  async function refundAtCounter(key: string, sale: { receiptNo: string }, amountFen: number) {
    const res = await stack.client.post(
      '/api/pos/refunds',
      { receiptNo: sale.receiptNo, refundNo: `F${randomUUID().slice(0, 12)}`, amountFen },
      undefined,
      { 'x-store-key': key },
    );
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    stack = await startStack();
    brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 500 });
    [g0, g1, g2] = brand.guides;
    [S0, S1] = brand.stores.map((s) => s.id);
    const staff = await stack.client.post(
      '/api/admin/staff',
      { username: 'finance1', password: 'finance-password-1', role: 'finance' },
      brand.admin,
    );
    expect(staff.status).toBe(201);
    finance = (await stack.client.post('/api/auth/staff', { username: 'finance1', password: 'finance-password-1' }))
      .body.token;
    const key0 = await storeKey(S0);
    const key1 = await storeKey(S1);

    // Cards. A, B, C: guide 0 (Shanghai store S0); E: guide 1 (S0); F: guide 2's live card (Hangzhou S1).
    const A = await share(stack, g0.token, 'product', brand.product.id);
    const B = await share(stack, g0.token, 'product', brand.product.id);
    const C = await share(stack, g0.token, 'product', brand.product.id);
    const E = await share(stack, g1.token, 'product', brand.product.id);
    const now = Date.now();
    const live = await stack.client.post(
      '/api/admin/lives',
      {
        title: '春季直播',
        storeId: S1,
        startsAt: new Date(now - 3_600_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
      brand.admin,
    );
    expect(live.status).toBe(201);
    const F = await share(stack, g2.token, 'live', live.body.id);

    // m1: opens A twice, registers, buys online (O1), buys again paid just after the period (O8), leaves one unpaid.
    const m1 = await consumer(stack);
    await visit(stack, m1.token, A.code);
    await visit(stack, m1.token, A.code);
    await register(m1.token);
    const O1 = await paidOrder(m1.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    const O8 = await paidOrder(m1.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    const unpaid = await order(stack, m1.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });

    // m2: meets guide 1 first (E), then opens guide 0's B; registers (opening guide stays guide 1); buys 3 × 3333 (O2), later refunds 3333.
    const m2 = await consumer(stack);
    await visit(stack, m2.token, E.code);
    await visit(stack, m2.token, B.code);
    await register(m2.token);
    const O2 = await paidOrder(m2.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 3 }] });

    // m3: opens C (before the period), then guide 2's live card; buys during the live (O3).
    const m3 = await consumer(stack);
    await visit(stack, m3.token, C.code);
    await visit(stack, m3.token, F.code);
    const O3 = await paidOrder(m3.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 2 }],
      liveId: live.body.id,
    });

    // m4: opens A, then buys 5000 at the Hangzhou counter (R1): an indirect sale credited to guide 0.
    const m4 = await consumer(stack);
    await visit(stack, m4.token, A.code);
    const R1 = await counterSale(key1, m4.token, 5000);

    // m5: served by guide 1 (touch long ago): buys online (O5) and at the Shanghai counter (R2, refunded in full).
    const m5 = await consumer(stack);
    await visit(stack, m5.token, E.code);
    await moveVisits(m5.memberId, E.code, T.feb);
    await register(m5.token);
    const O5 = await paidOrder(m5.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    const R2 = await counterSale(key0, m5.token, 4000);

    // m6: never met a guide: registers and buys online (O6, credited to nobody).
    const m6 = await consumer(stack);
    await register(m6.token);
    const O6 = await paidOrder(m6.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] });

    // m7: never met a guide: buys 2000 at the Shanghai counter (R3, credited to the store only).
    const m7 = await consumer(stack);
    const R3 = await counterSale(key0, m7.token, 2000);

    // Attribution as the fixture assumes it (decided by the orders and counter modules).
    const attribution = async (id: string) =>
      (
        await sql(
          'SELECT attrRule AS rule, attrGuideId AS guideId, attrStoreId AS storeId, channel FROM orders WHERE id = ?',
          [id],
        )
      )[0];
    expect(await attribution(O1.id)).toEqual({ rule: 'share', guideId: g0.id, storeId: S0, channel: 'online' });
    expect(await attribution(O2.id)).toEqual({ rule: 'share', guideId: g0.id, storeId: S0, channel: 'online' });
    expect(await attribution(O3.id)).toEqual({ rule: 'live_share', guideId: g2.id, storeId: S1, channel: 'online' });
    expect(await attribution(R1.id)).toEqual({ rule: 'share', guideId: g0.id, storeId: S0, channel: 'store' });
    expect(await attribution(O5.id)).toEqual({ rule: 'service_guide', guideId: g1.id, storeId: S0, channel: 'online' });
    expect(await attribution(R2.id)).toEqual({ rule: 'service_guide', guideId: g1.id, storeId: S0, channel: 'store' });
    expect(await attribution(O6.id)).toEqual({ rule: 'none', guideId: null, storeId: null, channel: 'online' });
    expect(await attribution(R3.id)).toEqual({ rule: 'store', guideId: null, storeId: S0, channel: 'store' });

    await refundOnline(O2.id, 3333);
    await refundAtCounter(key0, R2, 4000);
    // The refunds as the fixture assumes them: refundedFen on the order, one reversal each (499 − 333 = 166; 40).
    const refunded = await sql('SELECT id, refundedFen FROM orders WHERE id IN (?, ?)', [O2.id, R2.id]);
    expect(Object.fromEntries(refunded.map((r) => [r.id, Number(r.refundedFen)]))).toEqual({
      [O2.id]: 3333,
      [R2.id]: 4000,
    });
    const reversals = await sql(
      `SELECT orderId, amountFen FROM ledger_entries WHERE kind = 'reversal' AND orderId IN (?, ?)`,
      [O2.id, R2.id],
    );
    expect(Object.fromEntries(reversals.map((r) => [r.orderId, Number(r.amountFen)]))).toEqual({
      [O2.id]: -166,
      [R2.id]: -40,
    });

    // Move everything to the fixture's instants.
    await moveShare(A.code, T.shareA);
    await moveShare(B.code, T.shareB);
    await moveShare(C.code, T.before);
    await moveShare(E.code, T.r0);
    await moveShare(F.code, T.shareF);
    await moveVisits(m1.memberId, A.code, T.d1Evening, T.d1Evening);
    await moveVisits(m2.memberId, E.code, T.d1Late);
    await moveVisits(m2.memberId, B.code, T.d2Early);
    await moveVisits(m3.memberId, C.code, T.before);
    await moveVisits(m3.memberId, F.code, T.d2Noon);
    await moveVisits(m4.memberId, A.code, T.d1Close);
    await moveRegistration(m1.memberId, plus(T.d1Evening, 30 * MIN));
    await moveRegistration(m2.memberId, plus(T.d2Early, 5 * MIN));
    await moveRegistration(m5.memberId, T.before);
    await moveRegistration(m6.memberId, T.d2Noon);
    await moveSale(O1.id, T.d1Late);
    await moveSale(O2.id, T.d2Early2, T.d1Close); // created 1 Mar 23:50, paid 2 Mar 00:40: a 2 March sale
    await moveSale(O3.id, T.d2Afternoon);
    await moveSale(R1.id, T.d2Early);
    await moveSale(O5.id, T.d1Evening);
    await moveSale(R2.id, T.d1Late);
    await moveSale(O6.id, T.d2Noon);
    await moveSale(R3.id, T.d2Afternoon);
    await moveSale(O8.id, T.after);
    await sql('UPDATE orders SET createdAt = ? WHERE id = ?', [at(T.d1Evening), unpaid.body.id]);
    await sql(`UPDATE ledger_entries SET createdAt = ? WHERE kind = 'reversal' AND orderId IN (?, ?)`, [
      at(T.d2Afternoon),
      O2.id,
      R2.id,
    ]);
  }, 60_000);
  afterAll(async () => stack?.close());

  const zero = {
    shares: 0,
    visits: 0,
    visitors: 0,
    newMembers: 0,
    buyers: 0,
    orders: 0,
    onlineOrders: 0,
    storeOrders: 0,
    onlineGmvFen: 0,
    storeGmvFen: 0,
    gmvFen: 0,
    refundedFen: 0,
    gmvFenByRule: { share: 0, live_share: 0, service_guide: 0 },
    ordersByRule: { share: 0, live_share: 0, service_guide: 0 },
    commissionFen: 0,
  };
  type Figs = Omit<typeof zero, 'gmvFenByRule' | 'ordersByRule'> & {
    gmvFenByRule: typeof zero.gmvFenByRule;
    ordersByRule: typeof zero.ordersByRule;
  };
  const figs = (f: Partial<Figs>): Figs => ({
    ...zero,
    ...f,
    gmvFenByRule: { ...zero.gmvFenByRule, ...f.gmvFenByRule },
    ordersByRule: { ...zero.ordersByRule, ...f.ordersByRule },
  });
  const pick = (row: Record<string, unknown>): Figs =>
    Object.fromEntries(Object.keys(zero).map((k) => [k, row[k]])) as Figs;
  const ratio = (numerator: number, denominator: number, bps: number | null) => ({ numerator, denominator, bps });

  /*
   * Hand computation (fen; commission = floor(amount × rate / 10000); refund reversal = commission before − after):
   *
   * sale | buyer | channel      | rule          | guide | credited store | paid  | refunded | net   | day   | ledger (day)
   * O1   | m1    | online       | share         | g0    | S0             | 10000 |        0 | 10000 | 1 Mar | +800 (1 Mar)
   * O2   | m2    | online       | share         | g0    | S0             |  9999 |     3333 |  6666 | 2 Mar | +499 (2 Mar), −(499−333)=−166 (2 Mar)
   * O3   | m3    | online       | live_share    | g2    | S1             | 20000 |        0 | 20000 | 2 Mar | +1600 (2 Mar)
   * R1   | m4    | store @S1    | share         | g0    | S0             |  5000 |        0 |  5000 | 2 Mar | +150 (default 300 bps) (2 Mar)
   * O5   | m5    | online       | service_guide | g1    | S0             | 10000 |        0 | 10000 | 1 Mar | +100 (service 100 bps) (1 Mar)
   * R2   | m5    | store @S0    | service_guide | g1    | S0             |  4000 |     4000 |     0 | 1 Mar | +40 (1 Mar), −40 (2 Mar)
   * O6   | m6    | online       | none          | —     | —              |  3333 |        0 |  3333 | 2 Mar | —
   * R3   | m7    | store @S0    | store         | —     | S0             |  2000 |        0 |  2000 | 2 Mar | —
   * O8   | m1    | online       | share         | g0    | S0             | 10000 |        0 |     — | 3 Mar 00:00 (outside) | +800 (outside)
   * (m1's unpaid order: not a sale.)  R2, refunded in full, is in GMV/refunds but not in orders or buyers.
   *
   * shares in the period: g0 A (1 Mar), B (2 Mar) [C is 28 Feb 23:59:59.999]; g1 E (1 Mar 00:00:00.000); g2 F (2 Mar).
   * visits: g0 — m1 ×2, m4 (1 Mar), m2 (2 Mar); g1 — m2 (1 Mar) [m5's is in Feb]; g2 — m3 (2 Mar) [m3's C visit is 28 Feb].
   * registrations: m1 (1 Mar, opening g0), m2 (2 Mar, opening g1: first guide met), m6 (2 Mar, no guide); m5's is 28 Feb.
   */
  const expected = {
    g0: figs({
      shares: 2,
      visits: 4,
      visitors: 3,
      newMembers: 1,
      buyers: 3,
      orders: 3,
      onlineOrders: 2,
      storeOrders: 1,
      onlineGmvFen: 16666,
      storeGmvFen: 5000,
      gmvFen: 21666,
      refundedFen: 3333,
      gmvFenByRule: { share: 21666, live_share: 0, service_guide: 0 },
      ordersByRule: { share: 3, live_share: 0, service_guide: 0 },
      commissionFen: 1283,
    }),
    g1: figs({
      shares: 1,
      visits: 1,
      visitors: 1,
      newMembers: 1,
      buyers: 1,
      orders: 1,
      onlineOrders: 1,
      onlineGmvFen: 10000,
      gmvFen: 10000,
      refundedFen: 4000,
      gmvFenByRule: { share: 0, live_share: 0, service_guide: 10000 },
      ordersByRule: { share: 0, live_share: 0, service_guide: 1 },
      commissionFen: 100,
    }),
    g2: figs({
      shares: 1,
      visits: 1,
      visitors: 1,
      buyers: 1,
      orders: 1,
      onlineOrders: 1,
      onlineGmvFen: 20000,
      gmvFen: 20000,
      gmvFenByRule: { share: 0, live_share: 20000, service_guide: 0 },
      ordersByRule: { share: 0, live_share: 1, service_guide: 0 },
      commissionFen: 1600,
    }),
    S0: figs({
      shares: 3,
      visits: 5,
      visitors: 3,
      newMembers: 2,
      buyers: 4,
      orders: 4,
      onlineOrders: 3,
      storeOrders: 1,
      onlineGmvFen: 26666,
      storeGmvFen: 5000,
      gmvFen: 31666,
      refundedFen: 7333,
      gmvFenByRule: { share: 21666, live_share: 0, service_guide: 10000 },
      ordersByRule: { share: 3, live_share: 0, service_guide: 1 },
      commissionFen: 1383,
    }),
    brand: figs({
      shares: 4,
      visits: 6,
      visitors: 4,
      newMembers: 2,
      buyers: 5,
      orders: 5,
      onlineOrders: 4,
      storeOrders: 1,
      onlineGmvFen: 46666,
      storeGmvFen: 5000,
      gmvFen: 51666,
      refundedFen: 7333,
      gmvFenByRule: { share: 21666, live_share: 20000, service_guide: 10000 },
      ordersByRule: { share: 3, live_share: 1, service_guide: 1 },
      commissionFen: 2983,
    }),
    day1: figs({
      shares: 2,
      visits: 4,
      visitors: 3,
      newMembers: 1,
      buyers: 2,
      orders: 2,
      onlineOrders: 2,
      onlineGmvFen: 20000,
      gmvFen: 20000,
      refundedFen: 4000,
      gmvFenByRule: { share: 10000, live_share: 0, service_guide: 10000 },
      ordersByRule: { share: 1, live_share: 0, service_guide: 1 },
      commissionFen: 940,
    }),
    day2: figs({
      shares: 2,
      visits: 2,
      visitors: 2,
      newMembers: 1,
      buyers: 3,
      orders: 3,
      onlineOrders: 2,
      storeOrders: 1,
      onlineGmvFen: 26666,
      storeGmvFen: 5000,
      gmvFen: 31666,
      refundedFen: 3333,
      gmvFenByRule: { share: 11666, live_share: 20000, service_guide: 0 },
      ordersByRule: { share: 2, live_share: 1, service_guide: 0 },
      commissionFen: 2043,
    }),
  };

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
      expect(row(g0.id).sharerVsServer).toEqual({
        shareGmvFen: 21666,
        serviceGmvFen: 0,
        shareOrders: 3,
        serviceOrders: 0,
        shareOfCredit: ratio(21666, 21666, 10000),
      });
      expect(row(g1.id).sharerVsServer).toEqual({
        shareGmvFen: 0,
        serviceGmvFen: 10000,
        shareOrders: 0,
        serviceOrders: 1,
        shareOfCredit: ratio(0, 10000, 0),
      });
      expect(row(g2.id).sharerVsServer).toEqual({
        shareGmvFen: 20000,
        serviceGmvFen: 0,
        shareOrders: 1,
        serviceOrders: 0,
        shareOfCredit: ratio(20000, 20000, 10000),
      });
    });

    it('gives per-store figures and the private-domain share of revenue, brand-wide and by day', async () => {
      const res = await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}`, finance);
      expect(res.status).toBe(200);
      const store = (id: string) => res.body.stores.find((s: any) => s.storeId === id);
      expect(pick(store(S0))).toEqual(expected.S0);
      // S0's own sales: 31666 credited to its guides (26666 online + 5000 in store) and R3 (2000, no guide).
      // floor(31666 × 10000 / 33666) = 9405
      expect(store(S0).privateDomain).toEqual({
        onlineGmvFen: 26666,
        storeGmvFen: 5000,
        creditedGmvFen: 31666,
        totalGmvFen: 33666,
        share: ratio(31666, 33666, 9405),
      });
      // R1 was rung up at the Hangzhou counter but is credited to guide 0 of Shanghai: it counts for S0.
      expect(pick(store(S1))).toEqual(expected.g2);
      expect(store(S1).privateDomain).toEqual({
        onlineGmvFen: 20000,
        storeGmvFen: 0,
        creditedGmvFen: 20000,
        totalGmvFen: 20000,
        share: ratio(20000, 20000, 10000),
      });

      const { brand: b } = res.body;
      expect(pick(b)).toEqual(expected.brand);
      expect(b.registrations).toBe(3);
      // All sales 56999 = 51666 credited + O6 3333 (nobody) + R3 2000 (store only); floor(51666 × 10000 / 56999) = 9064.
      expect(b.privateDomain).toEqual({
        onlineGmvFen: 46666,
        storeGmvFen: 5000,
        creditedGmvFen: 51666,
        totalGmvFen: 56999,
        share: ratio(51666, 56999, 9064),
      });
      expect(b.unassignedGmvFen).toBe(3333);
      expect(b.days.map((d: any) => d.date)).toEqual([FROM, TO]);
      expect(pick(b.days[0])).toEqual(expected.day1);
      expect(pick(b.days[1])).toEqual(expected.day2);
      expect(b.days[0].privateDomain).toEqual({
        onlineGmvFen: 20000,
        storeGmvFen: 0,
        creditedGmvFen: 20000,
        totalGmvFen: 20000,
        share: ratio(20000, 20000, 10000),
      });
      // floor(31666 × 10000 / 36999) = 8558
      expect(b.days[1].privateDomain).toEqual({
        onlineGmvFen: 26666,
        storeGmvFen: 5000,
        creditedGmvFen: 31666,
        totalGmvFen: 36999,
        share: ratio(31666, 36999, 8558),
      });
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
      expect(pick(mar3.body.brand)).toEqual(
        figs({
          orders: 1,
          onlineOrders: 1,
          buyers: 1,
          onlineGmvFen: 10000,
          gmvFen: 10000,
          gmvFenByRule: { share: 10000, live_share: 0, service_guide: 0 },
          ordersByRule: { share: 1, live_share: 0, service_guide: 0 },
          commissionFen: 800,
        }),
      );
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
        (await fetch(`${stack.url}/api/reports/guides.csv`, { headers: { authorization: `Bearer ${g0.token}` } }))
          .status,
      ).toBe(403);
    });
  });

  describe('GET /api/guides/me/stats', () => {
    it("gives the guide's own figures, equal to the report, day by day across Shanghai midnight", async () => {
      const res = await stack.client.get(`/api/guides/me/stats?from=${FROM}&to=${TO}`, g0.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ guideId: g0.id, from: FROM, to: TO, timeZone: 'Asia/Shanghai' });
      expect(pick(res.body)).toEqual(expected.g0);
      expect(res.body.sharerVsServer.shareOfCredit).toEqual(ratio(21666, 21666, 10000));
      expect(res.body.days.map((d: any) => d.date)).toEqual([FROM, TO]);
      // 1 March: A; m1 ×2 and m4; m1 registered; O1 (23:30). 2 March: B; m2; O2 (created 23:50 the day before, paid 00:40), R1; +499 −166 +150.
      expect(pick(res.body.days[0])).toEqual(
        figs({
          shares: 1,
          visits: 3,
          visitors: 2,
          newMembers: 1,
          buyers: 1,
          orders: 1,
          onlineOrders: 1,
          onlineGmvFen: 10000,
          gmvFen: 10000,
          gmvFenByRule: { share: 10000, live_share: 0, service_guide: 0 },
          ordersByRule: { share: 1, live_share: 0, service_guide: 0 },
          commissionFen: 800,
        }),
      );
      expect(pick(res.body.days[1])).toEqual(
        figs({
          shares: 1,
          visits: 1,
          visitors: 1,
          buyers: 2,
          orders: 2,
          onlineOrders: 1,
          storeOrders: 1,
          onlineGmvFen: 6666,
          storeGmvFen: 5000,
          gmvFen: 11666,
          refundedFen: 3333,
          gmvFenByRule: { share: 11666, live_share: 0, service_guide: 0 },
          ordersByRule: { share: 2, live_share: 0, service_guide: 0 },
          commissionFen: 483,
        }),
      );
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
      expect(
        (await stack.client.get(`/api/reports/guides?from=${FROM}&to=${TO}&storeId=nope`, brand.admin)).status,
      ).toBe(400);
    });
  });
});
