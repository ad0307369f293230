// The guide report's hand-computed fixture: sales, refunds, shares, visits and registrations around a
// Shanghai midnight, made through the API and then moved to fixed instants in SQL.
import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { memberCode, receiptNo, redeem, storeKey } from './counter.js';
import { consumer, order, payOrder, share, visit, type Brand } from './fixtures.js';
import { completeRefund, refund, sql } from './money.js';
import { startBrandStack, type BrandStack } from './suite.js';
import type { TestStack } from './stack.js';

type Guide = Brand['guides'][number];

export interface ReportStack extends BrandStack {
  g0: Guide;
  g1: Guide;
  g2: Guide;
  S0: string;
  S1: string;
}

/** The report period: 1–2 March 2026 (Asia/Shanghai). */
export const FROM = '2026-03-01';
export const TO = '2026-03-02';

/**
 * The fixture (Asia/Shanghai = UTC+8; the period is 1–2 March 2026; midnight between = 16:00Z).
 * Everything is made through the API at the real time (attribution is decided then and frozen),
 * then moved to these instants in SQL.
 */
export const T = {
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

const MIN = 60_000;
/** An ISO instant as a MariaDB DATETIME(6) literal (UTC), optionally shifted. */
const at = (iso: string, deltaMs = 0) =>
  new Date(new Date(iso).getTime() + deltaMs).toISOString().replace('T', ' ').replace('Z', '');
const plus = (iso: string, deltaMs: number) => new Date(new Date(iso).getTime() + deltaMs).toISOString();

/** A stack with its own database holding the fixture, and who is who in it. */
export async function startReportStack(): Promise<ReportStack> {
  const base = await startBrandStack({ productRateBps: 800, categoryRateBps: 500, finance: true });
  const [g0, g1, g2] = base.brand.guides;
  const [S0, S1] = base.brand.stores.map((s) => s.id);
  await buildFixture(base.stack, base.brand);
  return { ...base, g0, g1, g2, S0, S1 };
}

/** The fixture's steps, on one stack. */
function steps(stack: TestStack, brand: Brand) {
  const q = (query: string, params: unknown[]) => sql(stack, query, params);
  return {
    async moveShare(code: string, when: string) {
      await q('UPDATE shares SET createdAt = ? WHERE code = ?', [at(when), code]);
    },
    async moveVisits(memberId: string, code: string, ...whens: string[]) {
      const rows = await q('SELECT id FROM visits WHERE memberId = ? AND shareCode = ? ORDER BY id', [memberId, code]);
      expect(rows).toHaveLength(whens.length);
      for (const [i, row] of rows.entries())
        await q('UPDATE visits SET visitedAt = ? WHERE id = ?', [at(whens[i]!, i), row.id]);
    },
    /** A sale paid/sold at `when`: an online order was created 5 min before, a counter sale recorded 10 min after. */
    async moveSale(orderId: string, when: string, createdAt?: string) {
      const [o] = await q('SELECT channel FROM orders WHERE id = ?', [orderId]);
      const created = createdAt ?? (o.channel === 'online' ? plus(when, -5 * MIN) : plus(when, 10 * MIN));
      await q('UPDATE orders SET paidAt = ?, createdAt = ? WHERE id = ?', [at(when), at(created), orderId]);
      await q(`UPDATE ledger_entries SET createdAt = ? WHERE orderId = ? AND kind = 'accrual'`, [at(when), orderId]);
    },
    async moveRegistration(memberId: string, when: string) {
      await q('UPDATE members SET registeredAt = ? WHERE id = ?', [at(when), memberId]);
      await q('UPDATE member_registrations SET registeredAt = ? WHERE memberId = ?', [at(when), memberId]);
    },
    async register(token: string) {
      const res = await stack.client.post(
        '/api/members/register',
        { phoneCode: `phone:13800138000.${randomUUID()}` },
        token,
      );
      expect(res.status).toBe(201);
    },
    async paidOrder(token: string, body: Record<string, unknown>) {
      const created = await order(stack, token, body);
      expect(created.status).toBe(201);
      expect((await payOrder(stack, token, created.body.id)).notifyStatus).toBe(204);
      return created.body;
    },
    async counterSale(key: string, token: string, amountFen: number) {
      const receipt = receiptNo();
      const res = await redeem(stack, key, {
        memberCode: await memberCode(stack, token),
        receiptNo: receipt,
        amountFen,
      });
      expect(res.status).toBe(201);
      return { ...res.body, receiptNo: receipt };
    },
    /** A partial refund through WeChat Pay: accepted, then completed by the simulator's REFUND.SUCCESS notify. */
    async refundOnline(orderId: string, amountFen: number) {
      const res = await refund(stack, brand.admin, orderId, { amountFen, reason: '尺码不合适' });
      expect(res.status).toBe(201);
      await completeRefund(stack, res.body.outRefundNo);
    },
    async refundAtCounter(key: string, sale: { receiptNo: string }, amountFen: number) {
      const res = await stack.client.post(
        '/api/pos/refunds',
        { receiptNo: sale.receiptNo, refundNo: `F${randomUUID().slice(0, 12)}`, amountFen },
        undefined,
        { 'x-store-key': key },
      );
      expect(res.status).toBe(201);
    },
  };
}

async function buildFixture(stack: TestStack, brand: Brand) {
  const [g0, g1, g2] = brand.guides;
  const [S0, S1] = brand.stores.map((s) => s.id);
  const {
    moveShare,
    moveVisits,
    moveSale,
    moveRegistration,
    register,
    paidOrder,
    counterSale,
    refundOnline,
    refundAtCounter,
  } = steps(stack, brand);
  const run = (query: string, params: unknown[] = []) => sql(stack, query, params);
  const key0 = (await storeKey(stack, brand.admin, S0)).key;
  const key1 = (await storeKey(stack, brand.admin, S1)).key;

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
      await run(
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
  const refunded = await run('SELECT id, refundedFen FROM orders WHERE id IN (?, ?)', [O2.id, R2.id]);
  expect(Object.fromEntries(refunded.map((r) => [r.id, Number(r.refundedFen)]))).toEqual({
    [O2.id]: 3333,
    [R2.id]: 4000,
  });
  const reversals = await run(
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
  await run('UPDATE orders SET createdAt = ? WHERE id = ?', [at(T.d1Evening), unpaid.body.id]);
  await run(`UPDATE ledger_entries SET createdAt = ? WHERE kind = 'reversal' AND orderId IN (?, ?)`, [
    at(T.d2Afternoon),
    O2.id,
    R2.id,
  ]);
}
