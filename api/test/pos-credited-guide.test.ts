import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { memberCode, receiptNo, redeem, storeKey } from './support/counter.js';
import { consumer, createBrand, share, visit, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  key = (await storeKey(stack, brand.admin, brand.stores[0].id)).key;
});
afterAll(async () => stack?.close());

describe('counter redemption names the credited guide (the console shows it to the clerk)', () => {
  it('a member brought in by a guide: creditedGuide is that guide, by name, on the first answer and the replay', async () => {
    const guide = brand.guides[1];
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, (await share(stack, guide.token, 'product', brand.product.id)).code);
    const body = { memberCode: await memberCode(stack, buyer.token), receiptNo: receiptNo(), amountFen: 8800 };
    const first = await redeem(stack, key, body);
    expect(first.status).toBe(201);
    expect(first.body.attribution.guideId).toBe(guide.id);
    expect(first.body.creditedGuide).toEqual({ id: guide.id, name: '导购1' });
    const again = await redeem(stack, key, body);
    expect(again.status).toBe(200);
    expect(again.body.creditedGuide).toEqual({ id: guide.id, name: '导购1' });
  });

  it('a member nobody brought in: creditedGuide is null', async () => {
    const buyer = await consumer(stack);
    const res = await redeem(stack, key, {
      memberCode: await memberCode(stack, buyer.token),
      receiptNo: receiptNo(),
      amountFen: 500,
    });
    expect(res.status).toBe(201);
    expect(res.body.attribution.guideId).toBeNull();
    expect(res.body.creditedGuide).toBeNull();
  });
});
