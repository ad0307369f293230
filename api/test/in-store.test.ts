// In-store sales: member code → counter redemption → store attribution → accrual (the online-to-offline loop).
import { describe, expect, it } from '@jest/globals';
import {
  ageVisits,
  availableAfterSaleMs,
  codeNoOf,
  count,
  ledgerOf,
  memberCode,
  receiptNo,
  redeem,
  sql,
} from './support/counter.js';
import { DAY, redeemFresh, sharedBy, startCounterStack } from './support/in-store.js';
import { consumer, share, visit, type Brand } from './support/fixtures.js';
import { useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

/** Counter keys: [Shanghai store, Hangzhou store]. */
let stack: TestStack, brand: Brand, keys: string[];
useStack(startCounterStack, (s) => ({ stack, brand, keys } = s));

describe('member code', () => {
  it('is 18 digits, valid for about five minutes, for consumers only', async () => {
    const buyer = await consumer(stack);
    const before = Date.now();
    const res = await stack.client.get('/api/members/me/code', buyer.token);
    expect(res.status).toBe(200);
    expect(res.body.code).toMatch(/^9\d{17}$/);
    const ttl = new Date(res.body.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(3.9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000 + 1_000);
    // Two members never share a code.
    const other = await consumer(stack);
    expect(await memberCode(stack, other.token)).not.toBe(res.body.code);

    expect((await stack.client.get('/api/members/me/code', brand.guides[0].token)).status).toBe(403);
    expect((await stack.client.get('/api/members/me/code')).status).toBe(401);
  });

  it('is derived, not stored: issuing codes writes nothing', async () => {
    const buyer = await consumer(stack);
    const snapshot = () => sql(stack, 'SELECT * FROM members WHERE id = ?', [buyer.memberId]);
    const before = await snapshot();
    const tables = async () => ({
      members: await count(stack, 'members'),
      audits: await count(stack, 'member_binding_audits'),
    });
    const tablesBefore = await tables();
    for (let i = 0; i < 3; i++) await memberCode(stack, buyer.token);
    expect(await snapshot()).toEqual(before);
    expect(await tables()).toEqual(tablesBefore);
  });

  it('gives a member from before code numbers existed one on their first code, once', async () => {
    const buyer = await consumer(stack);
    await sql(stack, 'UPDATE members SET codeNo = NULL WHERE id = ?', [buyer.memberId]);
    const code = await memberCode(stack, buyer.token);
    const assigned = await codeNoOf(stack, buyer.memberId);
    expect(assigned).toMatch(/^\d{10}$/);
    await memberCode(stack, buyer.token);
    expect(await codeNoOf(stack, buyer.memberId)).toBe(assigned);
    const res = await redeem(stack, keys[0], { memberCode: code, receiptNo: receiptNo(), amountFen: 100 });
    expect([res.status, res.body.memberId]).toEqual([201, buyer.memberId]);
  });
});

describe('counter redemption and store attribution', () => {
  it('cross-store: a Shanghai guide’s card, bought at the Hangzhou counter, credits that guide at line rates and records Hangzhou', async () => {
    const [guide] = brand.guides;
    const [shanghai, hangzhou] = brand.stores;
    const { buyer, card } = await sharedBy(stack, brand, guide);
    const receipt = receiptNo();
    const res = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receipt,
      amountFen: 21000,
      lines: [
        { skuId: brand.product.skuId, quantity: 2, amountFen: 18000 },
        { skuId: brand.cheap.skuId, quantity: 1, amountFen: 3000 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'store',
      status: 'PAID',
      storeId: hangzhou.id,
      memberId: buyer.memberId,
      receiptNo: receipt,
      totalFen: 21000,
      paidFen: 21000,
      attribution: {
        guideId: guide.id,
        storeId: shanghai.id,
        rule: 'share',
        shareCode: card.code,
        commissionable: true,
        selfReferral: false,
      },
    });
    expect(res.body.lines.map((l: any) => [l.skuId, l.quantity, l.amountFen])).toEqual([
      [brand.product.skuId, 2, 18000],
      [brand.cheap.skuId, 1, 3000],
    ]);
    expect(res.body.paidAt).toBeTruthy();

    // 18000 at the product's 800 bps + 3000 at the category's 500 bps, to the Shanghai guide.
    expect(await ledgerOf(stack, res.body.id)).toEqual([
      { guideId: guide.id, storeId: shanghai.id, kind: 'accrual', amountFen: 1440, rateBps: 800 },
      { guideId: guide.id, storeId: shanghai.id, kind: 'accrual', amountFen: 150, rateBps: 500 },
    ]);
    // Available after the 7 cooling-off days, counted from the sale.
    expect(await availableAfterSaleMs(stack, res.body.id)).toEqual([7 * DAY, 7 * DAY]);

    // The buyer sees the store order; the member stays bound to Shanghai.
    const seen = await stack.client.get(`/api/orders/${res.body.id}`, buyer.token);
    expect(seen.status).toBe(200);
    const { creditedGuide, ...order } = res.body;
    expect(creditedGuide).toEqual({ id: guide.id, name: expect.any(String) });
    expect(seen.body).toEqual(order);
    const me = await stack.client.get('/api/members/me', buyer.token);
    expect(me.body).toMatchObject({ serviceGuideId: guide.id, serviceStoreId: shanghai.id, openingGuideId: guide.id });
  });

  it('an amount-only receipt earns the policy default rate, rounded down', async () => {
    const guide = brand.guides[2];
    const { buyer } = await sharedBy(stack, brand, guide);
    const res = await redeemFresh(stack, keys[0], buyer.token, {
      amountFen: 12345,
    });
    expect(res.status).toBe(201);
    expect(res.body.storeId).toBe(brand.stores[0].id);
    expect(res.body.attribution).toMatchObject({ guideId: guide.id, storeId: brand.stores[1].id, rule: 'share' });
    expect(res.body.lines).toEqual([expect.objectContaining({ skuId: null, quantity: 1, amountFen: 12345 })]);
    // 12345 × 300 bps = 370.35 → 370.
    expect(await ledgerOf(stack, res.body.id)).toEqual([
      expect.objectContaining({ guideId: guide.id, amountFen: 370, rateBps: 300 }),
    ]);
  });

  it('without a touch in the 14-day store window, credits the service guide at the service rate', async () => {
    const [guide] = brand.guides;
    const { buyer } = await sharedBy(stack, brand, guide);
    await ageVisits(stack, buyer.memberId, 15);
    const res = await redeemFresh(stack, keys[1], buyer.token, {
      amountFen: 10000,
      lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 10000 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.storeId).toBe(brand.stores[1].id);
    expect(res.body.attribution).toMatchObject({
      guideId: guide.id,
      storeId: brand.stores[0].id,
      rule: 'service_guide',
      shareCode: null,
    });
    // The service rate (100 bps), not the product's share rate.
    expect(await ledgerOf(stack, res.body.id)).toEqual([
      expect.objectContaining({ guideId: guide.id, amountFen: 100, rateBps: 100 }),
    ]);
  });

  it('within the window the share still wins (13 days old)', async () => {
    const guide = brand.guides[1];
    const { buyer } = await sharedBy(stack, brand, guide);
    await ageVisits(stack, buyer.memberId, 13);
    const res = await redeemFresh(stack, keys[1], buyer.token, {
      amountFen: 10000,
    });
    expect(res.body.attribution).toMatchObject({ guideId: guide.id, rule: 'share' });
  });

  it('with neither a touch nor a service guide, credits the redeeming store only, and nobody earns', async () => {
    const buyer = await consumer(stack);
    const res = await redeemFresh(stack, keys[1], buyer.token, {
      amountFen: 8800,
    });
    expect(res.status).toBe(201);
    expect(res.body.storeId).toBe(brand.stores[1].id);
    expect(res.body.attribution).toMatchObject({
      guideId: null,
      storeId: brand.stores[1].id,
      rule: 'store',
      commissionable: false,
    });
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [res.body.id])).toBe(0);
    // A counter sale does not bind the member to anyone.
    expect((await stack.client.get('/api/members/me', buyer.token)).body).toMatchObject({
      serviceGuideId: null,
      serviceStoreId: null,
    });
  });

  it('decides as of soldAt: a touch after the sale does not count; paidAt is the sale time', async () => {
    const [first, , other] = brand.guides;
    const { buyer, card } = await sharedBy(stack, brand, first);
    await ageVisits(stack, buyer.memberId, 2);
    const later = await share(stack, other.token, 'product', brand.product.id);
    await visit(stack, buyer.token, later.code); // now, i.e. after the sale below
    const soldAt = new Date(Date.now() - 3_600_000).toISOString();
    const res = await redeemFresh(stack, keys[0], buyer.token, {
      amountFen: 5000,
      soldAt,
    });
    expect(res.status).toBe(201);
    expect(res.body.attribution).toMatchObject({ guideId: first.id, rule: 'share', shareCode: card.code });
    expect(res.body.paidAt).toBe(soldAt);
    expect(await availableAfterSaleMs(stack, res.body.id)).toEqual([7 * DAY]);

    // A sale now: the later touch is the last one.
    const now = await redeemFresh(stack, keys[0], buyer.token, {
      amountFen: 5000,
    });
    expect(now.body.attribution).toMatchObject({ guideId: other.id, rule: 'share', shareCode: later.code });
  });
});
