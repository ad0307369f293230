// A departed guide's tokens stop at once; one member code → one receipt.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeNoOf, count, memberCode, receiptNo, redeem, storeKey } from './support/counter.js';
import { consumer, createBrand, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
/** Counter keys: [Shanghai store, Hangzhou store]. */
let keys: string[];

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  keys = [
    (await storeKey(stack, brand.admin, brand.stores[0].id)).key,
    (await storeKey(stack, brand.admin, brand.stores[1].id)).key,
  ];
});
afterAll(async () => stack?.close());

describe('a departed guide', () => {
  it("loses access at once: the guide's existing token answers 401 right after departure", async () => {
    const guide = brand.guides[2]!;
    for (const path of ['/api/guides/me/commissions', '/api/orders']) {
      expect((await stack.client.get(path, guide.token)).status).toBe(200);
    }
    const departed = await stack.client.post(`/api/admin/guides/${guide.id}/depart`, {}, brand.admin);
    expect(departed.status).toBe(201);
    for (const path of ['/api/guides/me/commissions', '/api/orders']) {
      const res = await stack.client.get(path, guide.token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('GUIDE_DEPARTED');
    }
    expect(
      (await stack.client.post('/api/shares', { kind: 'product', targetId: brand.product.id }, guide.token)).status,
    ).toBe(401);
    // Other guides are unaffected.
    expect((await stack.client.get('/api/guides/me/commissions', brand.guides[0]!.token)).status).toBe(200);
  });
});

describe('one member code, one receipt', () => {
  it('refuses a second receipt for the same code at any store (409 MEMBER_CODE_USED) and writes nothing', async () => {
    const buyer = await consumer(stack);
    const code = await memberCode(stack, buyer.token);
    const first = await redeem(stack, keys[0], { memberCode: code, receiptNo: receiptNo(), amountFen: 5000 });
    expect(first.status).toBe(201);
    const orders = await count(stack, 'orders', 'memberId = ?', [buyer.memberId]);
    for (const key of [keys[0], keys[1]]) {
      const again = await redeem(stack, key, { memberCode: code, receiptNo: receiptNo(), amountFen: 3000 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('MEMBER_CODE_USED');
    }
    expect(await count(stack, 'orders', 'memberId = ?', [buyer.memberId])).toBe(orders);
  });

  it('lets only one of concurrent redemptions of one code at two stores through', async () => {
    const buyer = await consumer(stack);
    const code = await memberCode(stack, buyer.token);
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        redeem(stack, keys[i % 2], { memberCode: code, receiptNo: receiptNo(), amountFen: 1000 + i }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(replies.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(5).fill('MEMBER_CODE_USED'),
    );
    expect(await count(stack, 'orders', 'memberId = ?', [buyer.memberId])).toBe(1);
  });

  it('gives the member a fresh code at once after use, good for the next receipt', async () => {
    const buyer = await consumer(stack);
    const code = await memberCode(stack, buyer.token);
    expect(await memberCode(stack, buyer.token)).toBe(code); // same minute, unused: the same code
    const receipt = receiptNo();
    expect((await redeem(stack, keys[1], { memberCode: code, receiptNo: receipt, amountFen: 800 })).status).toBe(201);
    const next = await memberCode(stack, buyer.token);
    expect(next).not.toBe(code);
    const second = await redeem(stack, keys[0], { memberCode: next, receiptNo: receiptNo(), amountFen: 900 });
    expect(second.status).toBe(201);
    expect(second.body.memberId).toBe(buyer.memberId);
    // A retry of the first receipt with its code is still the same receipt (200).
    const retry = await redeem(stack, keys[1], { memberCode: code, receiptNo: receipt, amountFen: 800 });
    expect(retry.status).toBe(200);
    expect(await codeNoOf(stack, buyer.memberId)).toMatch(/^\d{10}$/);
  });
});
