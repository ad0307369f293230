// Attribution policy options over HTTP on MariaDB (docs/DOMAIN.md "Attribution policy options"): one small
// scenario per option, with the credited guide and the ledger amounts asserted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembersModule } from '../src/members/members.module.js';
import { ledgerOf, memberCode, receiptNo, redeem, sql, storeKey } from './support/counter.js';
import { consumer, createBrand, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let keys: string[];
let base: Record<string, unknown>;

beforeAll(async () => {
  stack = await startStack();
  // Amount-only receipts: a share earns the policy default 3 %, the service guide the service rate 1 %.
  brand = await createBrand(stack, { productRateBps: 800 });
  keys = [];
  for (const s of brand.stores) keys.push((await storeKey(stack, brand.admin, s.id)).key);
  const { version: _, ...current } = (await stack.client.get('/api/admin/policy', brand.admin)).body;
  base = current;
});
afterAll(async () => stack?.close());

const putPolicy = (options: Record<string, unknown>) =>
  stack.client.put('/api/admin/policy', { ...base, ...options }, brand.admin);
async function usePolicy(options: Record<string, unknown>) {
  const res = await putPolicy(options);
  expect(res.status).toBe(200);
  return res.body;
}

/** g0 and g1 serve 上海店 (store 0); g2 serves 杭州店 (store 1). */
const guide = (i: number) => brand.guides[i];

async function opens(buyer: { token: string }, guideIndex: number) {
  const card = await share(stack, guide(guideIndex).token, 'product', brand.product.id);
  await visit(stack, buyer.token, card.code);
}

/** A 100.00 yuan amount-only receipt at `storeIndex`'s counter; the ledger rows of the order. */
async function counterSale(buyer: { token: string }, storeIndex = 0) {
  const res = await redeem(stack, keys[storeIndex], {
    memberCode: await memberCode(stack, buyer.token),
    receiptNo: receiptNo(),
    amountFen: 10000,
  });
  expect(res.status).toBe(201);
  return { order: res.body, ledger: await ledgerOf(stack, res.body.id) };
}

const bindingOf = async (memberId: string) =>
  (await sql(stack, 'SELECT openingGuideId, serviceGuideId, serviceStoreId FROM members WHERE id = ?', [memberId]))[0];
const auditsOf = (memberId: string) =>
  sql(stack, 'SELECT kind, fromGuideId, toGuideId FROM member_binding_audits WHERE memberId = ? ORDER BY createdAt', [
    memberId,
  ]);
/** The member opened by g0 is now served by g2 (of 杭州店), with one audit of `kind` for the move. */
async function expectMovedToG2(memberId: string, kind: string) {
  const [from, to] = [guide(0), guide(2)];
  const binding = { openingGuideId: from.id, serviceGuideId: to.id, serviceStoreId: to.storeId };
  expect(await bindingOf(memberId)).toEqual(binding);
  expect(await auditsOf(memberId)).toEqual([{ kind, fromGuideId: from.id, toGuideId: to.id }]);
}
/** Moves the member's visits and binding back in time, as if they had happened `days` earlier. */
const age = async (memberId: string, days: number) => {
  await sql(stack, 'UPDATE visits SET visitedAt = DATE_SUB(visitedAt, INTERVAL ? DAY) WHERE memberId = ?', [
    days,
    memberId,
  ]);
  await sql(
    stack,
    'UPDATE members SET boundAt = DATE_SUB(boundAt, INTERVAL ? DAY), serviceTouchedAt = DATE_SUB(serviceTouchedAt, INTERVAL ? DAY) WHERE id = ?',
    [days, days, memberId],
  );
};

describe('GET/PUT /api/admin/policy options', () => {
  it('defaults are today’s behaviour, and each PUT versions them', async () => {
    expect(base).toMatchObject({
      bindingMode: 'first_touch',
      bindingValidityDays: null,
      protectionDays: 0,
      servicePriority: 'sharer_first',
      crossStoreShareCredit: true,
    });
    const put = await usePolicy({ bindingMode: 'override', bindingValidityDays: 30, protectionDays: 3 });
    expect(put).toMatchObject({ bindingMode: 'override', bindingValidityDays: 30, protectionDays: 3 });
    expect((await stack.client.get('/api/admin/policy', brand.admin)).body).toEqual(put);
    // A PUT is the whole policy: options left out go back to their defaults.
    expect(await usePolicy({})).toMatchObject({ bindingMode: 'first_touch', bindingValidityDays: null });
  });

  it.each([
    { bindingMode: 'last_touch' },
    { bindingMode: null },
    { bindingValidityDays: 0 },
    { bindingValidityDays: 1.5 },
    { bindingValidityDays: '30' },
    { protectionDays: -1 },
    { protectionDays: null },
    { servicePriority: 'service_first' },
    { crossStoreShareCredit: 'yes' },
    { crossStoreShareCredit: null },
  ])('refuses %o with 400 and writes nothing', async (bad) => {
    const before = (await stack.client.get('/api/admin/policy', brand.admin)).body.version;
    const res = await putPolicy(bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(res.body.error.details.map((d: { field: string }) => d.field))]).toEqual([Object.keys(bad)[0]]);
    expect((await stack.client.get('/api/admin/policy', brand.admin)).body.version).toBe(before);
  });
});

describe('bindingMode', () => {
  it('on_registration: opening a card binds nobody; registering through it binds that guide', async () => {
    await usePolicy({ bindingMode: 'on_registration' });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    expect(await bindingOf(buyer.memberId)).toMatchObject({ serviceGuideId: null, openingGuideId: null });
    const reg = await stack.client.post(
      '/api/members/register',
      { phoneCode: `phone:13800138000.${randomUUID()}` },
      buyer.token,
    );
    expect(reg.status).toBe(201);
    expect(await bindingOf(buyer.memberId)).toEqual({
      openingGuideId: guide(0).id,
      serviceGuideId: guide(0).id,
      serviceStoreId: guide(0).storeId,
    });
    // Without a recent touch the service guide earns the 1 % service rate.
    await age(buyer.memberId, 20);
    const sale = await counterSale(buyer);
    expect(sale.order.attribution).toMatchObject({ rule: 'service_guide', guideId: guide(0).id });
    expect(sale.ledger).toEqual([expect.objectContaining({ guideId: guide(0).id, kind: 'accrual', amountFen: 100 })]);
  });

  it('override: the latest sharer takes the member (audited); the opening guide stays', async () => {
    await usePolicy({ bindingMode: 'override' });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await opens(buyer, 2);
    await expectMovedToG2(buyer.memberId, 'override');
    await age(buyer.memberId, 20);
    const sale = await counterSale(buyer, 0);
    expect(sale.order.attribution).toMatchObject({ rule: 'service_guide', guideId: guide(2).id });
    expect(sale.ledger).toEqual([expect.objectContaining({ guideId: guide(2).id, amountFen: 100 })]);
  });
});

describe('protectionDays', () => {
  it('a binding younger than the protection period cannot be taken; an older one can', async () => {
    await usePolicy({ bindingMode: 'override', protectionDays: 3 });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await opens(buyer, 2);
    expect((await bindingOf(buyer.memberId)).serviceGuideId).toBe(guide(0).id);
    await age(buyer.memberId, 4);
    await opens(buyer, 2);
    expect((await bindingOf(buyer.memberId)).serviceGuideId).toBe(guide(2).id);
    // The sale itself still follows the last touch: g2 shared, so g2 earns the 3 % share rate.
    const sale = await counterSale(buyer, 1);
    expect(sale.order.attribution).toMatchObject({ rule: 'share', guideId: guide(2).id });
    expect(sale.ledger).toEqual([expect.objectContaining({ guideId: guide(2).id, amountFen: 300 })]);
  });
});

describe('bindingValidityDays', () => {
  it('a binding with no touch from the service guide for N days lapses: no service credit, and the next sharer binds', async () => {
    await usePolicy({ bindingValidityDays: 30 });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await age(buyer.memberId, 31);
    const lapsed = await counterSale(buyer, 1);
    expect(lapsed.order.attribution).toMatchObject({ rule: 'store', guideId: null, storeId: brand.stores[1].id });
    expect(lapsed.ledger).toEqual([]);

    await opens(buyer, 2);
    await expectMovedToG2(buyer.memberId, 'expiry');
  });

  it('the sweep drops lapsed bindings (audited), so every view of the binding follows before the next touch', async () => {
    await usePolicy({ bindingValidityDays: 30 });
    const [lapsed, alive] = [await consumer(stack), await consumer(stack)];
    await opens(lapsed, 0);
    await opens(alive, 0);
    await age(lapsed.memberId, 31);
    await age(alive.memberId, 29);
    expect(await stack.app.get(MembersModule).sweepLapsedBindings()).toBeGreaterThanOrEqual(1);
    expect(await bindingOf(lapsed.memberId)).toEqual({
      openingGuideId: guide(0).id,
      serviceGuideId: null,
      serviceStoreId: null,
    });
    expect(await auditsOf(lapsed.memberId)).toEqual([{ kind: 'expiry', fromGuideId: guide(0).id, toGuideId: null }]);
    expect((await bindingOf(alive.memberId)).serviceGuideId).toBe(guide(0).id);
  });

  it('a touch from the service guide keeps the binding alive', async () => {
    await usePolicy({ bindingValidityDays: 30 });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await age(buyer.memberId, 20);
    await opens(buyer, 0); // renews
    await age(buyer.memberId, 20); // bound 40 days ago, last service touch 20 days ago
    const sale = await counterSale(buyer);
    expect(sale.order.attribution).toMatchObject({ rule: 'service_guide', guideId: guide(0).id });
    expect(sale.ledger).toEqual([expect.objectContaining({ guideId: guide(0).id, amountFen: 100 })]);
  });
});

describe('servicePriority', () => {
  it('service_first_same_store: a colleague of the service store does not take the sale; another store’s guide does', async () => {
    await usePolicy({ servicePriority: 'service_first_same_store' });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await age(buyer.memberId, 20);
    await opens(buyer, 1);
    const kept = await counterSale(buyer);
    expect(kept.order.attribution).toMatchObject({
      rule: 'service_guide',
      guideId: guide(0).id,
      creditedInsteadOf: { guideId: guide(1).id, rule: 'share' },
    });
    expect(kept.ledger).toEqual([expect.objectContaining({ guideId: guide(0).id, amountFen: 100 })]);
    const stored = await sql(stack, 'SELECT attrInsteadGuideId, attrInsteadRule FROM orders WHERE id = ?', [
      kept.order.id,
    ]);
    expect(stored).toEqual([{ attrInsteadGuideId: guide(1).id, attrInsteadRule: 'share' }]);

    await opens(buyer, 2);
    const taken = await counterSale(buyer, 1);
    expect(taken.order.attribution).toMatchObject({ rule: 'share', guideId: guide(2).id });
    expect(taken.order.attribution.creditedInsteadOf).toBeUndefined();
    expect(taken.ledger).toEqual([expect.objectContaining({ guideId: guide(2).id, amountFen: 300 })]);
  });
});

describe('crossStoreShareCredit', () => {
  it('false: another store’s guide earns no share credit; the service guide keeps the sale', async () => {
    await usePolicy({ crossStoreShareCredit: false });
    const buyer = await consumer(stack);
    await opens(buyer, 0);
    await age(buyer.memberId, 20);
    await opens(buyer, 2);
    const sale = await counterSale(buyer, 1);
    expect(sale.order.attribution).toMatchObject({
      rule: 'service_guide',
      guideId: guide(0).id,
      creditedInsteadOf: { guideId: guide(2).id, rule: 'share' },
    });
    expect(sale.ledger).toEqual([expect.objectContaining({ guideId: guide(0).id, amountFen: 100 })]);

    // With the default (true) the same touches credit the sharer.
    await usePolicy({});
    const again = await counterSale(buyer, 1);
    expect(again.order.attribution).toMatchObject({ rule: 'share', guideId: guide(2).id });
    expect(again.ledger).toEqual([expect.objectContaining({ guideId: guide(2).id, amountFen: 300 })]);
  });
});
