// Attribution corrections (with partial refunds before and after) and claims (补录) over HTTP on MariaDB.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { count, memberCode, receiptNo, redeem, sql, storeKey } from './support/counter.js';
import { consumer, createBrand, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let keys: string[];

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800 });
  keys = [];
  for (const s of brand.stores) keys.push((await storeKey(stack, brand.admin, s.id)).key);
});
afterAll(async () => stack?.close());

/** g0 and g1 serve 上海店 (store 0); g2 serves 杭州店 (store 1). */
const guide = (i: number) => brand.guides[i];

/** Each guide's net of the order's ledger entries, and the number of entries. */
async function netByGuide(orderId: string) {
  const rows = await sql<{ guideId: string; net: string; n: number }>(
    stack,
    'SELECT guideId, SUM(amountFen) AS net, COUNT(*) AS n FROM ledger_entries WHERE orderId = ? GROUP BY guideId',
    [orderId],
  );
  return Object.fromEntries(rows.map((r) => [r.guideId, Number(r.net)]));
}

async function counterSale(buyer: { token: string }, body: Record<string, unknown>, storeIndex = 0) {
  const receipt = receiptNo();
  const res = await redeem(stack, keys[storeIndex], {
    memberCode: await memberCode(stack, buyer.token),
    receiptNo: receipt,
    ...body,
  });
  expect(res.status).toBe(201);
  return { order: res.body, receiptNo: receipt };
}

const posRefund = (storeIndex: number, body: Record<string, unknown>) =>
  stack.client.post('/api/pos/refunds', body, undefined, { 'x-store-key': keys[storeIndex] });
const correct = (orderId: string, body: Record<string, unknown>, token = brand.admin) =>
  stack.client.post(`/api/admin/orders/${orderId}/attribution`, body, token);

describe('POST /api/admin/orders/:id/attribution', () => {
  it('moves the credit at the frozen rate; partial refunds before and after keep floor(rate × (paid − refunded))', async () => {
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, (await share(stack, guide(0).token, 'product', brand.product.id)).code);
    // 99.99 yuan of the 8 % product: g0 accrues floor(9999 × 8 %) = 799.
    const { order, receiptNo: receipt } = await counterSale(buyer, {
      amountFen: 9999,
      lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 9999 }],
    });
    expect(order.attribution).toMatchObject({ rule: 'share', guideId: guide(0).id });
    expect(await netByGuide(order.id)).toEqual({ [guide(0).id]: 799 });

    // Refund 33.33 before the correction: g0 keeps floor(6666 × 8 %) = 533.
    expect((await posRefund(0, { receiptNo: receipt, refundNo: `${receipt}-1`, amountFen: 3333 })).status).toBe(201);
    expect(await netByGuide(order.id)).toEqual({ [guide(0).id]: 533 });

    const res = await correct(order.id, { guideId: guide(2).id, reason: '顾客由杭州导购接待' });
    expect(res.status).toBe(200);
    expect(res.body.attribution).toMatchObject({
      rule: 'manual',
      guideId: guide(2).id,
      storeId: guide(2).storeId,
      creditedInsteadOf: { guideId: guide(0).id, rule: 'share' },
    });
    expect(await netByGuide(order.id)).toEqual({ [guide(0).id]: 0, [guide(2).id]: 533 });

    // The same correction again changes nothing.
    const entries = await count(stack, 'ledger_entries', 'orderId = ?', [order.id]);
    expect((await correct(order.id, { guideId: guide(2).id, reason: '顾客由杭州导购接待' })).status).toBe(200);
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [order.id])).toBe(entries);

    // Refund 11.11 after it: the new guide's accrual is reversed, to floor(5555 × 8 %) = 444.
    expect((await posRefund(0, { receiptNo: receipt, refundNo: `${receipt}-2`, amountFen: 1111 })).status).toBe(201);
    expect(await netByGuide(order.id)).toEqual({ [guide(0).id]: 0, [guide(2).id]: 444 });

    const history = await stack.client.get(`/api/admin/orders/${order.id}/attribution-history`, brand.admin);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        seq: 1,
        from: { guideId: guide(0).id, storeId: guide(0).storeId, rule: 'share' },
        to: { guideId: guide(2).id, storeId: guide(2).storeId },
        reason: '顾客由杭州导购接待',
        claimId: null,
      }),
    ]);

    // Back to g0: g2 gives back all, g0 accrues what remains.
    expect((await correct(order.id, { guideId: guide(0).id, reason: '复核后改回' })).status).toBe(200);
    expect(await netByGuide(order.id)).toEqual({ [guide(0).id]: 444, [guide(2).id]: 0 });
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const buyer = await consumer(stack);
    const { order } = await counterSale(buyer, { amountFen: 5000 });
    const before = await count(stack, 'attribution_corrections');
    expect((await correct(order.id, { guideId: guide(0).id })).status).toBe(400);
    expect((await correct(order.id, { guideId: guide(0).id, reason: 'x', extra: 1 })).status).toBe(400);
    expect((await correct(order.id, { guideId: guide(0).id, reason: 'x' }, guide(0).token)).status).toBe(403);
    const unknown = await correct(order.id, { guideId: '01234567-89ab-7def-8123-456789abcdef', reason: 'x' });
    expect(unknown.status).toBe(404);
    expect((await correct('01234567-89ab-7def-8123-456789abcdef', { guideId: guide(0).id, reason: 'x' })).status).toBe(
      404,
    );
    expect(await count(stack, 'attribution_corrections')).toBe(before);
  });
});

describe('claims (补录)', () => {
  const claim = (token: string, body: Record<string, unknown>) =>
    stack.client.post('/api/guides/me/claims', body, token);

  it('a guide claims an uncredited counter sale of their store; approval credits them and the ledger follows', async () => {
    const buyer = await consumer(stack); // never met a guide: the sale goes to the store
    const { order, receiptNo: receipt } = await counterSale(buyer, { amountFen: 10000 });
    expect(order.attribution).toMatchObject({ rule: 'store', guideId: null });
    const body = { storeId: brand.stores[0].id, receiptNo: receipt, reason: '顾客当面由我接待，忘记出示会员码' };

    const created = await claim(guide(1).token, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), status: 'REQUESTED' });
    const again = await claim(guide(1).token, body);
    expect([again.status, again.body.error.code]).toEqual([409, 'CLAIM_EXISTS']);

    const listed = await stack.client.get('/api/admin/claims?status=REQUESTED', brand.admin);
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(created.body.id);

    const approved = await stack.client.post(`/api/admin/claims/${created.body.id}/approve`, {}, brand.admin);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    const after = await stack.client.get(`/api/orders/${order.id}`, brand.admin);
    expect(after.body.attribution).toMatchObject({ rule: 'manual', guideId: guide(1).id });
    // An amount-only receipt credited by hand earns the policy default rate (3 %).
    expect(await netByGuide(order.id)).toEqual({ [guide(1).id]: 300 });
    const history = await stack.client.get(`/api/admin/orders/${order.id}/attribution-history`, brand.admin);
    expect(history.body).toEqual([expect.objectContaining({ claimId: created.body.id, to: expect.anything() })]);

    const twice = await stack.client.post(`/api/admin/claims/${created.body.id}/approve`, {}, brand.admin);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CLAIM_DECIDED']);
    expect(await netByGuide(order.id)).toEqual({ [guide(1).id]: 300 });
  });

  it('a rejected claim credits nobody and shows in the guide’s list', async () => {
    const buyer = await consumer(stack);
    const { order, receiptNo: receipt } = await counterSale(buyer, { amountFen: 8000 });
    const created = await claim(guide(0).token, {
      storeId: brand.stores[0].id,
      receiptNo: receipt,
      reason: '我接待的',
    });
    const rejected = await stack.client.post(
      `/api/admin/claims/${created.body.id}/reject`,
      { reason: '监控显示非本人接待' },
      brand.admin,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: '监控显示非本人接待' });
    expect(await netByGuide(order.id)).toEqual({});
    const mine = await stack.client.get('/api/guides/me/claims', guide(0).token);
    expect(mine.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, status: 'REJECTED' })]),
    );
  });

  it('refuses a receipt that does not exist, one already credited, and a store the guide cannot claim for', async () => {
    const before = await count(stack, 'attribution_claims');
    const missing = await claim(guide(0).token, { storeId: brand.stores[0].id, receiptNo: 'R-none', reason: '补录' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);

    const buyer = await consumer(stack);
    await visit(stack, buyer.token, (await share(stack, guide(0).token, 'product', brand.product.id)).code);
    const credited = await counterSale(buyer, { amountFen: 5000 });
    const taken = await claim(guide(1).token, {
      storeId: brand.stores[0].id,
      receiptNo: credited.receiptNo,
      reason: '补录',
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'ALREADY_CREDITED']);

    const other = await claim(guide(2).token, {
      storeId: brand.stores[0].id,
      receiptNo: credited.receiptNo,
      reason: '补录',
    });
    expect([other.status, other.body.error.code]).toEqual([403, 'CLAIM_STORE_FORBIDDEN']);
    expect((await claim(guide(0).token, { storeId: brand.stores[0].id, receiptNo: 'R1' })).status).toBe(400);
    expect(await count(stack, 'attribution_claims')).toBe(before);
  });
});
