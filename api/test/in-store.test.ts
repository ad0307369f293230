// In-store sales: member code → counter redemption → store attribution → accrual (the online-to-offline loop).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ageVisits,
  availableAfterSaleMs,
  codeAt,
  codeNoOf,
  count,
  ledgerOf,
  memberCode,
  receiptNo,
  redeem,
  sql,
  storeKey,
} from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
/** Counter keys: [Shanghai store, Hangzhou store]. */
let keys: string[];

const DAY = 86_400_000;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 500 });
  keys = [
    (await storeKey(stack, brand.admin, brand.stores[0].id)).key,
    (await storeKey(stack, brand.admin, brand.stores[1].id)).key,
  ];
});
afterAll(async () => stack?.close());

/** A consumer who opened `guide`'s product card. */
async function sharedBy(guide: Brand['guides'][number]) {
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  return { buyer, card };
}

const totals = async () => ({
  orders: await count(stack, 'orders'),
  lines: await count(stack, 'order_lines'),
  ledger: await count(stack, 'ledger_entries'),
});

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
    const { buyer, card } = await sharedBy(guide);
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
    const { buyer } = await sharedBy(guide);
    const res = await redeem(stack, keys[0], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
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
    const { buyer } = await sharedBy(guide);
    await ageVisits(stack, buyer.memberId, 15);
    const res = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
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
    const { buyer } = await sharedBy(guide);
    await ageVisits(stack, buyer.memberId, 13);
    const res = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
      amountFen: 10000,
    });
    expect(res.body.attribution).toMatchObject({ guideId: guide.id, rule: 'share' });
  });

  it('with neither a touch nor a service guide, credits the redeeming store only, and nobody earns', async () => {
    const buyer = await consumer(stack);
    const res = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
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
    const { buyer, card } = await sharedBy(first);
    await ageVisits(stack, buyer.memberId, 2);
    const later = await share(stack, other.token, 'product', brand.product.id);
    await visit(stack, buyer.token, later.code); // now, i.e. after the sale below
    const soldAt = new Date(Date.now() - 3_600_000).toISOString();
    const res = await redeem(stack, keys[0], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
      amountFen: 5000,
      soldAt,
    });
    expect(res.status).toBe(201);
    expect(res.body.attribution).toMatchObject({ guideId: first.id, rule: 'share', shareCode: card.code });
    expect(res.body.paidAt).toBe(soldAt);
    expect(await availableAfterSaleMs(stack, res.body.id)).toEqual([7 * DAY]);

    // A sale now: the later touch is the last one.
    const now = await redeem(stack, keys[0], {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
      amountFen: 5000,
    });
    expect(now.body.attribution).toMatchObject({ guideId: other.id, rule: 'share', shareCode: later.code });
  });
});

describe('idempotency per (store, receiptNo)', () => {
  it('same receipt and body → 200 with the same order; another body → 409; another store → its own order', async () => {
    const { buyer } = await sharedBy(brand.guides[0]);
    const code = await memberCode(stack, buyer.token);
    const receipt = receiptNo();
    const body = {
      memberCode: code,
      receiptNo: receipt,
      amountFen: 20000,
      lines: [{ skuId: brand.product.skuId, quantity: 2, amountFen: 20000 }],
    };
    const first = await redeem(stack, keys[1], body);
    expect(first.status).toBe(201);
    const again = await redeem(stack, keys[1], body);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    for (const changed of [
      { ...body, amountFen: 19999, lines: [{ skuId: brand.product.skuId, quantity: 2, amountFen: 19999 }] },
      { ...body, lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 20000 }] },
      { ...body, soldAt: new Date().toISOString() },
    ]) {
      const conflict = await redeem(stack, keys[1], changed);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe('RECEIPT_CONFLICT');
    }
    // Another member's code on the same receipt is another body.
    const stranger = await consumer(stack);
    const other = await redeem(stack, keys[1], { ...body, memberCode: await memberCode(stack, stranger.token) });
    expect(other.status).toBe(409);

    expect(await count(stack, 'orders', 'receiptNo = ?', [receipt])).toBe(1);
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [first.body.id])).toBe(1);

    // Receipt numbers are per store (a new receipt takes a fresh code: one code, one receipt).
    const elsewhere = await redeem(stack, keys[0], { ...body, memberCode: await memberCode(stack, buyer.token) });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
    expect(await count(stack, 'orders', 'receiptNo = ?', [receipt])).toBe(2);
  });

  it('a retry carrying a newer or even an expired code of the same member is the same receipt (200)', async () => {
    const { buyer } = await sharedBy(brand.guides[0]);
    const codeNo = await codeNoOf(stack, buyer.memberId);
    const body = {
      memberCode: codeAt(stack, codeNo, Date.now() - 3 * 60_000),
      receiptNo: receiptNo(),
      amountFen: 4200,
    };
    const first = await redeem(stack, keys[0], body);
    expect(first.status).toBe(201);
    const fresher = await redeem(stack, keys[0], { ...body, memberCode: await memberCode(stack, buyer.token) });
    expect(fresher.status).toBe(200);
    expect(fresher.body.id).toBe(first.body.id);
    const expired = codeAt(stack, codeNo, Date.now() - 3 * 3_600_000);
    const retried = await redeem(stack, keys[0], { ...body, memberCode: expired });
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(first.body.id);
    // …while the same expired code cannot open a new receipt.
    const fresh = await redeem(stack, keys[0], { ...body, memberCode: expired, receiptNo: receiptNo() });
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.code).toBe('MEMBER_CODE_EXPIRED');
  });

  it('20 concurrent duplicates give exactly one order and one accrual', async () => {
    const guide = brand.guides[1];
    const { buyer } = await sharedBy(guide);
    const body = { memberCode: await memberCode(stack, buyer.token), receiptNo: receiptNo(), amountFen: 30000 };
    const replies = await Promise.all(Array.from({ length: 20 }, () => redeem(stack, keys[1], body)));
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await count(stack, 'orders', 'receiptNo = ?', [body.receiptNo])).toBe(1);
    const ledger = await ledgerOf(stack, replies[0].body.id);
    // 30000 × 300 bps = 900, once.
    expect(ledger).toEqual([expect.objectContaining({ guideId: guide.id, amountFen: 900 })]);
  });
});

describe('counter authentication', () => {
  it('401 without a key, with a wrong key or a revoked key; 403 with a bearer token of another role than clerk; nothing written', async () => {
    const { buyer } = await sharedBy(brand.guides[0]);
    const body = () => ({ receiptNo: receiptNo(), amountFen: 1000 });
    const code = await memberCode(stack, buyer.token);
    const fresh = await storeKey(stack, brand.admin, brand.stores[0].id);
    expect((await redeem(stack, fresh.key, { memberCode: code, ...body() })).status).toBe(201);
    const revoke = await stack.client.post(
      `/api/admin/stores/${brand.stores[0].id}/keys/${fresh.id}/revoke`,
      {},
      brand.admin,
    );
    expect(revoke.status).toBe(204);

    const before = await totals();
    for (const key of [undefined, '', 'sk_wrong', `${keys[0]}x`, fresh.key]) {
      const res = await redeem(stack, key, { memberCode: code, ...body() });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('STORE_KEY_INVALID');
    }
    // A bearer token is a clerk's way in (clerk.test.ts); any other role is refused.
    const bearer = await stack.client.post('/api/pos/redemptions', { memberCode: code, ...body() }, buyer.token);
    expect([bearer.status, bearer.body.error.code]).toEqual([403, 'COUNTER_ONLY']);
    const admin = await stack.client.post('/api/pos/redemptions', { memberCode: code, ...body() }, brand.admin);
    expect([admin.status, admin.body.error.code]).toEqual([403, 'COUNTER_ONLY']);
    expect(await totals()).toEqual(before);
    // The other keys still work (with a fresh code: the first one was used).
    expect((await redeem(stack, keys[0], { memberCode: await memberCode(stack, buyer.token), ...body() })).status).toBe(
      201,
    );
  });
});

describe('bad member codes and bad receipts write nothing', () => {
  it('an expired code is MEMBER_CODE_EXPIRED; a forged one MEMBER_CODE_INVALID', async () => {
    const { buyer } = await sharedBy(brand.guides[0]);
    const codeNo = await codeNoOf(stack, buyer.memberId);
    const good = await memberCode(stack, buyer.token);
    const before = await totals();

    for (const minutesAgo of [7, 30, 600]) {
      const res = await redeem(stack, keys[0], {
        memberCode: codeAt(stack, codeNo, Date.now() - minutesAgo * 60_000),
        receiptNo: receiptNo(),
        amountFen: 1000,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MEMBER_CODE_EXPIRED');
    }
    // Still fine just inside the window (4 minutes old).
    const inside = codeAt(stack, codeNo, Date.now() - 4 * 60_000);

    let unknownNo = '0000000000';
    while (await count(stack, 'members', 'codeNo = ?', [unknownNo]))
      unknownNo = String(Number(unknownNo) + 1).padStart(10, '0');
    const forged = [
      good.slice(0, -1) + ((Number(good.at(-1)) + 1) % 10),
      good.slice(0, 5) + ((Number(good[5]) + 5) % 10) + good.slice(6),
      '9' + '0'.repeat(17),
      `1${good.slice(1)}`,
      good.slice(0, 17),
      'not-a-member-code',
      codeAt(
        { ...stack, config: { ...stack.config, memberCodeSecret: 'someone-elses-secret' } } as TestStack,
        codeNo,
        Date.now(),
      ),
      codeAt(stack, unknownNo, Date.now()), // authentic shape and tag, but no such member
    ];
    for (const memberCode of forged) {
      const res = await redeem(stack, keys[0], { memberCode, receiptNo: receiptNo(), amountFen: 1000 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MEMBER_CODE_INVALID');
    }
    expect(await totals()).toEqual(before);
    expect((await redeem(stack, keys[0], { memberCode: inside, receiptNo: receiptNo(), amountFen: 1000 })).status).toBe(
      201,
    );
  });

  it('rejects mismatched lines, unknown SKUs, bad fields and bad sale times', async () => {
    const { buyer } = await sharedBy(brand.guides[0]);
    const code = await memberCode(stack, buyer.token);
    const before = await totals();
    const attempt = (extra: Record<string, unknown>) =>
      redeem(stack, keys[0], { memberCode: code, receiptNo: receiptNo(), amountFen: 10000, ...extra });

    const mismatch = await attempt({ lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 9999 }] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('LINES_TOTAL_MISMATCH');

    const unknownSku = await attempt({
      lines: [{ skuId: '01900000-0000-7000-8000-000000000000', quantity: 1, amountFen: 10000 }],
    });
    expect(unknownSku.status).toBe(400);
    expect(unknownSku.body.error.code).toBe('SKU_NOT_FOUND');

    for (const [extra, field] of [
      [{ amountFen: 100.5 }, 'amountFen'],
      [{ amountFen: -1 }, 'amountFen'],
      [{ amountFen: '10000' }, 'amountFen'],
      [{ discountFen: 100 }, 'discountFen'],
      [{ lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 10000, priceFen: 1 }] }, 'lines.0.priceFen'],
      [{ lines: [] }, 'lines'],
      [{ receiptNo: '' }, 'receiptNo'],
      [{ receiptNo: 'has space' }, 'receiptNo'],
      [{ soldAt: '2025-01-01T10:00:00' }, 'soldAt'],
      [{ soldAt: 'yesterday' }, 'soldAt'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await attempt(extra);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    for (const soldAt of [
      new Date(Date.now() + 3_600_000).toISOString(),
      new Date(Date.now() - 2 * DAY).toISOString(),
    ]) {
      const res = await attempt({ soldAt });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SOLD_AT_OUT_OF_RANGE');
    }
    expect(await totals()).toEqual(before);
  });
});

describe('self-referral', () => {
  it('a guide buying through their own card earns nothing, online or in store; others’ purchases still earn', async () => {
    const guide = brand.guides[1];
    const self = await consumer(stack);
    const link = await stack.client.post(
      `/api/admin/guides/${guide.id}/member`,
      { memberId: self.memberId },
      brand.admin,
    );
    expect(link.status).toBe(201);
    const card = await share(stack, guide.token, 'product', brand.product.id);
    await visit(stack, self.token, card.code);

    const online = await order(stack, self.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    expect(online.body.attribution).toMatchObject({
      guideId: guide.id,
      rule: 'share',
      selfReferral: true,
      commissionable: false,
    });
    expect((await payOrder(stack, self.token, online.body.id)).notifyStatus).toBe(204);
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [online.body.id])).toBe(0);

    const inStore = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, self.token),
      receiptNo: receiptNo(),
      amountFen: 10000,
      lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 10000 }],
    });
    expect(inStore.status).toBe(201);
    expect(inStore.body.attribution).toMatchObject({
      guideId: guide.id,
      rule: 'share',
      selfReferral: true,
      commissionable: false,
    });
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [inStore.body.id])).toBe(0);

    // The same card, opened by a customer, earns.
    const customer = await consumer(stack);
    await visit(stack, customer.token, card.code);
    const sale = await redeem(stack, keys[1], {
      memberCode: await memberCode(stack, customer.token),
      receiptNo: receiptNo(),
      amountFen: 10000,
    });
    expect(sale.body.attribution).toMatchObject({ guideId: guide.id, selfReferral: false, commissionable: true });
    expect(await ledgerOf(stack, sale.body.id)).toEqual([
      expect.objectContaining({ guideId: guide.id, amountFen: 300 }),
    ]);

    // With selfReferral "allow", the guide's own counter purchase earns (and the policy version is recorded).
    const current = (await stack.client.get('/api/admin/policy', brand.admin)).body;
    const { version: _, ...input } = current;
    const allowed = await stack.client.put('/api/admin/policy', { ...input, selfReferral: 'allow' }, brand.admin);
    expect(allowed.status).toBe(200);
    try {
      const own = await redeem(stack, keys[1], {
        memberCode: await memberCode(stack, self.token),
        receiptNo: receiptNo(),
        amountFen: 10000,
      });
      expect(own.body.attribution).toMatchObject({
        guideId: guide.id,
        selfReferral: true,
        commissionable: true,
        policyVersion: allowed.body.version,
      });
      expect(await ledgerOf(stack, own.body.id)).toEqual([
        expect.objectContaining({ guideId: guide.id, amountFen: 300 }),
      ]);
    } finally {
      expect(
        (await stack.client.put('/api/admin/policy', { ...input, selfReferral: 'deny' }, brand.admin)).status,
      ).toBe(200);
    }
  });
});
