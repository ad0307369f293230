// Member binding (opening / service guide and store), admin reassignment, and guide departure (继承).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ageVisits, count, ledgerOf, memberCode, receiptNo, redeem, sql, storeKey } from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let keys: string[];
let shanghai: string;
let hangzhou: string;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800 });
  [shanghai, hangzhou] = brand.stores.map((s) => s.id);
  keys = [(await storeKey(stack, brand.admin, shanghai)).key, (await storeKey(stack, brand.admin, hangzhou)).key];
});
afterAll(async () => stack?.close());

type Guide = { id: string; storeId: string; token: string };

async function newGuide(storeId: string): Promise<Guide> {
  const wecomUserId = `g-${randomUUID().slice(0, 12)}`;
  const res = await stack.client.post('/api/admin/guides', { storeId, name: '导购', wecomUserId }, brand.admin);
  expect(res.status).toBe(201);
  const login = await stack.client.post('/api/auth/guide', { code: `${wecomUserId}.${randomUUID()}` });
  expect(login.status).toBe(200);
  return { id: res.body.id, storeId, token: login.body.token };
}

/** A new consumer who opened `guide`'s card (and so is bound to them, if they were unbound and the guide active). */
async function customerOf(guide: Guide) {
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  return { ...buyer, card: card.code };
}

const binding = async (memberId: string) =>
  (await sql(stack, 'SELECT openingGuideId, serviceGuideId, serviceStoreId FROM members WHERE id = ?', [memberId]))[0];

const counterSale = async (buyer: { token: string }, storeIndex: number, amountFen = 10000) => {
  const res = await redeem(stack, keys[storeIndex], {
    memberCode: await memberCode(stack, buyer.token),
    receiptNo: receiptNo(),
    amountFen,
  });
  expect(res.status).toBe(201);
  return res.body;
};

describe('binding', () => {
  it('binds the first guide met; later touches from other guides or other cities never rebind', async () => {
    const [first, sameStore, otherCity] = brand.guides;
    const buyer = await customerOf(first);
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: first.id,
      serviceGuideId: first.id,
      serviceStoreId: shanghai,
    });

    for (const guide of [sameStore, otherCity])
      await visit(stack, buyer.token, (await share(stack, guide.token, 'product', brand.product.id)).code);
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: first.id,
      serviceGuideId: first.id,
      serviceStoreId: shanghai,
    });

    // The last touch still wins the sale itself…
    const sale = await counterSale(buyer, 1);
    expect(sale.attribution).toMatchObject({ guideId: otherCity.id, rule: 'share' });
    // …and buying in Hangzhou rebinds nothing: without a recent touch the Shanghai service guide is credited.
    await ageVisits(stack, buyer.memberId, 20);
    const later = await counterSale(buyer, 1);
    expect(later).toMatchObject({
      storeId: hangzhou,
      attribution: { guideId: first.id, storeId: shanghai, rule: 'service_guide' },
    });
    const me = await stack.client.get('/api/members/me', buyer.token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: buyer.memberId,
      openingGuideId: first.id,
      serviceGuideId: first.id,
      serviceStoreId: shanghai,
      serviceGuide: { id: first.id, storeId: shanghai, status: 'active' },
      serviceStore: { id: shanghai, city: '上海' },
    });
  });

  it('20 concurrent first touches from different guides bind exactly one of them', async () => {
    const buyer = await consumer(stack);
    const cards = await Promise.all(
      Array.from({ length: 20 }, (_, i) => share(stack, brand.guides[i % 3].token, 'product', brand.product.id)),
    );
    await Promise.all(cards.map((c) => visit(stack, buyer.token, c.code)));
    const b = await binding(buyer.memberId);
    const guide = brand.guides.find((g) => g.id === b.serviceGuideId)!;
    expect(guide).toBeDefined();
    expect(b).toEqual({ openingGuideId: guide.id, serviceGuideId: guide.id, serviceStoreId: guide.storeId });
  });
});

describe('admin reassignment', () => {
  it('moves the service guide and store explicitly, keeps the opening guide, and audits who, from, to and why', async () => {
    const [first, , hangzhouGuide] = brand.guides;
    const buyer = await customerOf(first);
    const res = await stack.client.post(
      `/api/admin/members/${buyer.memberId}/service-guide`,
      { guideId: hangzhouGuide.id, reason: '顾客搬到杭州' },
      brand.admin,
    );
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({
      openingGuideId: first.id,
      serviceGuideId: hangzhouGuide.id,
      serviceStoreId: hangzhou,
    });
    expect(res.body.change).toMatchObject({
      kind: 'reassign',
      fromGuideId: first.id,
      fromStoreId: shanghai,
      toGuideId: hangzhouGuide.id,
      toStoreId: hangzhou,
      actorId: expect.any(String),
      reason: '顾客搬到杭州',
    });
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: first.id,
      serviceGuideId: hangzhouGuide.id,
      serviceStoreId: hangzhou,
    });

    // The same request again changes nothing and adds no audit row.
    const again = await stack.client.post(
      `/api/admin/members/${buyer.memberId}/service-guide`,
      { guideId: hangzhouGuide.id, reason: '顾客搬到杭州' },
      brand.admin,
    );
    expect(again.status).toBe(200);
    expect(again.body.change).toBeNull();
    const detail = await stack.client.get(`/api/admin/members/${buyer.memberId}`, brand.admin);
    expect(detail.status).toBe(200);
    expect(detail.body.bindingHistory).toEqual([res.body.change]);

    // A later touch from the first guide does not undo it; a sale without a recent touch credits the new guide.
    await visit(stack, buyer.token, buyer.card);
    expect((await binding(buyer.memberId)).serviceGuideId).toBe(hangzhouGuide.id);
    await ageVisits(stack, buyer.memberId, 20);
    const sale = await counterSale(buyer, 0);
    expect(sale.attribution).toMatchObject({ guideId: hangzhouGuide.id, storeId: hangzhou, rule: 'service_guide' });
  });

  it('refuses a blank reason, unknown or departed guides, unknown members and non-admins, writing nothing', async () => {
    const buyer = await customerOf(brand.guides[0]);
    const departed = await newGuide(shanghai);
    expect((await stack.client.post(`/api/admin/guides/${departed.id}/depart`, {}, brand.admin)).status).toBe(201);
    const before = { binding: await binding(buyer.memberId), audits: await count(stack, 'member_binding_audits') };
    const path = `/api/admin/members/${buyer.memberId}/service-guide`;
    const target = brand.guides[2].id;

    const cases: Array<[unknown, string | undefined, number, string]> = [
      [{ guideId: target }, brand.admin, 400, 'VALIDATION_FAILED'],
      [{ guideId: target, reason: '   ' }, brand.admin, 400, 'VALIDATION_FAILED'],
      [{ guideId: target, reason: 'x', extra: 1 }, brand.admin, 400, 'VALIDATION_FAILED'],
      [{ guideId: randomUUID(), reason: 'x' }, brand.admin, 400, 'GUIDE_NOT_FOUND'],
      [{ guideId: departed.id, reason: 'x' }, brand.admin, 400, 'GUIDE_DEPARTED'],
      [{ guideId: target, reason: 'x' }, buyer.token, 403, 'FORBIDDEN'],
      [{ guideId: target, reason: 'x' }, brand.guides[0].token, 403, 'FORBIDDEN'],
      [{ guideId: target, reason: 'x' }, undefined, 401, 'UNAUTHORIZED'],
    ];
    for (const [body, token, status, code] of cases) {
      const res = await stack.client.post(path, body, token);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    const unknown = await stack.client.post(
      `/api/admin/members/${randomUUID()}/service-guide`,
      { guideId: target, reason: 'x' },
      brand.admin,
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect({ binding: await binding(buyer.memberId), audits: await count(stack, 'member_binding_audits') }).toEqual(
      before,
    );
  });
});

describe('departure (离职) and succession (继承)', () => {
  it('hands members and new credit to the successor; the departed guide is never credited again', async () => {
    const leaving = await newGuide(shanghai);
    const successor = await newGuide(shanghai);
    const m1 = await customerOf(leaving);
    const m2 = await customerOf(leaving);
    const m3 = await customerOf(successor);
    const other = await customerOf(brand.guides[1]);
    // A sale before departure credits the leaving guide.
    const before = await counterSale(m1, 0);
    expect(before.attribution.guideId).toBe(leaving.id);

    const res = await stack.client.post(
      `/api/admin/guides/${leaving.id}/depart`,
      { successorGuideId: successor.id },
      brand.admin,
    );
    expect(res.status).toBe(201);
    expect(res.body.membersMoved).toBe(2);
    for (const m of [m1, m2])
      expect(await binding(m.memberId)).toEqual({
        openingGuideId: leaving.id,
        serviceGuideId: successor.id,
        serviceStoreId: shanghai,
      });
    expect((await binding(m3.memberId)).serviceGuideId).toBe(successor.id);
    expect((await binding(other.memberId)).serviceGuideId).toBe(brand.guides[1].id);
    const audits = await sql(
      stack,
      'SELECT memberId, kind, fromGuideId, toGuideId, toStoreId FROM member_binding_audits WHERE fromGuideId = ? ORDER BY memberId',
      [leaving.id],
    );
    expect(audits).toEqual(
      [m1, m2]
        .map((m) => ({
          memberId: m.memberId,
          kind: 'handover',
          fromGuideId: leaving.id,
          toGuideId: successor.id,
          toStoreId: shanghai,
        }))
        .sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
    );

    // m1's touch of the leaving guide's card is still in the window: the credit goes to the successor.
    const inStore = await counterSale(m1, 1);
    expect(inStore.attribution).toMatchObject({
      guideId: successor.id,
      storeId: shanghai,
      rule: 'share',
      shareCode: m1.card,
    });
    expect(await ledgerOf(stack, inStore.id)).toEqual([
      expect.objectContaining({ guideId: successor.id, amountFen: 300 }),
    ]);

    // Online too, through the old card opened again after the departure.
    await visit(stack, m2.token, m2.card);
    const online = await order(stack, m2.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    expect(online.body.attribution).toMatchObject({ guideId: successor.id, rule: 'share', shareCode: m2.card });
    await payOrder(stack, m2.token, online.body.id);
    expect(await ledgerOf(stack, online.body.id)).toEqual([
      expect.objectContaining({ guideId: successor.id, amountFen: 800 }),
    ]);

    // A newcomer opening the departed guide's old card is bound to nobody, but the sale still credits the successor.
    const newcomer = await consumer(stack);
    await visit(stack, newcomer.token, m1.card);
    expect(await binding(newcomer.memberId)).toEqual({
      openingGuideId: null,
      serviceGuideId: null,
      serviceStoreId: null,
    });
    expect((await counterSale(newcomer, 0)).attribution).toMatchObject({ guideId: successor.id, rule: 'share' });

    // The departed guide earned nothing after leaving.
    const earned = await sql(stack, 'SELECT orderId FROM ledger_entries WHERE guideId = ?', [leaving.id]);
    expect(earned.map((e: any) => e.orderId)).toEqual([before.id]);
    // …and can no longer share: their token stopped working when they left.
    expect(
      (await stack.client.post('/api/shares', { kind: 'product', targetId: brand.product.id }, leaving.token)).status,
    ).toBe(401);
  });

  it('credit follows a chain of successors who departed in turn', async () => {
    const a = await newGuide(shanghai);
    const b = await newGuide(shanghai);
    const c = await newGuide(hangzhou);
    const buyer = await customerOf(a);
    expect(
      (await stack.client.post(`/api/admin/guides/${a.id}/depart`, { successorGuideId: b.id }, brand.admin)).status,
    ).toBe(201);
    expect(
      (await stack.client.post(`/api/admin/guides/${b.id}/depart`, { successorGuideId: c.id }, brand.admin)).status,
    ).toBe(201);
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: a.id,
      serviceGuideId: c.id,
      serviceStoreId: hangzhou,
    });
    const sale = await counterSale(buyer, 0);
    expect(sale.attribution).toMatchObject({ guideId: c.id, storeId: hangzhou, rule: 'share', shareCode: buyer.card });
  });

  it('without a successor, members stay with the store; only a guide of that store can take them on', async () => {
    const leaving = await newGuide(hangzhou);
    const buyer = await customerOf(leaving);
    const res = await stack.client.post(`/api/admin/guides/${leaving.id}/depart`, {}, brand.admin);
    expect(res.status).toBe(201);
    expect(res.body.membersMoved).toBe(1);
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: leaving.id,
      serviceGuideId: null,
      serviceStoreId: hangzhou,
    });
    const [audit] = await sql(
      stack,
      'SELECT kind, toGuideId, toStoreId FROM member_binding_audits WHERE memberId = ?',
      [buyer.memberId],
    );
    expect(audit).toEqual({ kind: 'handover', toGuideId: null, toStoreId: hangzhou });

    // The departed guide's touch in the window: the credit falls to their store, and nobody earns.
    const sale = await counterSale(buyer, 0);
    expect(sale).toMatchObject({
      storeId: shanghai,
      attribution: { guideId: null, storeId: hangzhou, rule: 'store', shareCode: buyer.card, commissionable: false },
    });
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [sale.id])).toBe(0);

    // A Shanghai guide's card does not take the member; a Hangzhou guide's card does (opening guide kept).
    await visit(stack, buyer.token, (await share(stack, brand.guides[0].token, 'product', brand.product.id)).code);
    expect((await binding(buyer.memberId)).serviceGuideId).toBeNull();
    await visit(stack, buyer.token, (await share(stack, brand.guides[2].token, 'product', brand.product.id)).code);
    expect(await binding(buyer.memberId)).toEqual({
      openingGuideId: leaving.id,
      serviceGuideId: brand.guides[2].id,
      serviceStoreId: hangzhou,
    });
  });
});
