// In-store sales: one order per (store, receiptNo) however often the counter retries, and counter keys.
import { describe, expect, it } from '@jest/globals';
import { codeAt, codeNoOf, count, ledgerOf, memberCode, receiptNo, redeem, storeKey } from './support/counter.js';
import { counterTotals, sharedBy, startCounterStack } from './support/in-store.js';
import { consumer, type Brand } from './support/fixtures.js';
import { useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

/** Counter keys: [Shanghai store, Hangzhou store]. */
let stack: TestStack, brand: Brand, keys: string[];
useStack(startCounterStack, (s) => ({ stack, brand, keys } = s));

describe('idempotency per (store, receiptNo)', () => {
  it('same receipt and body → 200 with the same order; another body → 409; another store → its own order', async () => {
    const { buyer } = await sharedBy(stack, brand, brand.guides[0]);
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
    const { buyer } = await sharedBy(stack, brand, brand.guides[0]);
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
    const { buyer } = await sharedBy(stack, brand, guide);
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
    const { buyer } = await sharedBy(stack, brand, brand.guides[0]);
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

    const before = await counterTotals(stack);
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
    expect(await counterTotals(stack)).toEqual(before);
    // The other keys still work (with a fresh code: the first one was used).
    expect((await redeem(stack, keys[0], { memberCode: await memberCode(stack, buyer.token), ...body() })).status).toBe(
      201,
    );
  });
});
