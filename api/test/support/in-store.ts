import { consumer, share, visit, type Brand } from './fixtures.js';
import { count, memberCode, receiptNo, redeem, storeKey } from './counter.js';
import { startBrandStack, type BrandStack } from './suite.js';
import type { TestStack } from './stack.js';

/** The in-store tests' setup: a brand with a counter key per store, and the steps they share. */

export const DAY = 86_400_000;

/** A counter sale with the consumer's current member code on a new receipt number. */
export async function redeemFresh(
  stack: TestStack,
  key: string,
  consumerToken: string,
  body: Record<string, unknown> & { amountFen: number },
) {
  return redeem(stack, key, { memberCode: await memberCode(stack, consumerToken), receiptNo: receiptNo(), ...body });
}

export interface CounterStack extends BrandStack {
  /** Counter keys: [Shanghai store, Hangzhou store]. */
  keys: string[];
}

/** The in-store tests' stack: a brand at 800 bps (product) / 500 bps (category) and a key per store. */
export async function startCounterStack(): Promise<CounterStack> {
  const base = await startBrandStack({ productRateBps: 800, categoryRateBps: 500 });
  const { stack, brand } = base;
  const keys = [
    (await storeKey(stack, brand.admin, brand.stores[0].id)).key,
    (await storeKey(stack, brand.admin, brand.stores[1].id)).key,
  ];
  return { ...base, keys };
}

/** A consumer who opened `guide`'s product card. */
export async function sharedBy(stack: TestStack, brand: Brand, guide: Brand['guides'][number]) {
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  return { buyer, card };
}

/** Row counts that a refused counter request must leave as they were. */
export const counterTotals = async (stack: TestStack) => ({
  orders: await count(stack, 'orders'),
  lines: await count(stack, 'order_lines'),
  ledger: await count(stack, 'ledger_entries'),
});
