import { afterAll, beforeAll } from '@jest/globals';
import { createBrand, type Brand } from './fixtures.js';
import { financeToken } from './money.js';
import { startStack, type TestStack } from './stack.js';

export interface BrandStack {
  stack: TestStack;
  brand: Brand;
  /** A finance staff token, when asked for. */
  finance: string;
}

/**
 * A stack on its own fresh database with one brand built through the admin API: what most HTTP test
 * files start from in `beforeAll` (and close in `afterAll`).
 */
export async function startBrandStack(
  opts: Parameters<typeof createBrand>[1] & { finance?: boolean; env?: Record<string, string> } = {},
): Promise<BrandStack> {
  const { finance, env, ...brandOpts } = opts;
  const stack = await startStack(env);
  const brand = await createBrand(stack, brandOpts);
  return { stack, brand, finance: finance ? await financeToken(stack, brand.admin) : '' };
}

/**
 * The refund tests' stack: both products at 800 bps (`product` 100.00 yuan, `cheap` 33.33 yuan shows
 * rounding), and a finance token.
 */
export const startRefundStack = () => startBrandStack({ productRateBps: 800, categoryRateBps: 800, finance: true });

/**
 * Registers the file's `beforeAll`/`afterAll`: starts what `start` builds (on a fresh database of its
 * own) and hands it to `receive`, which usually assigns the file's `let` variables; closes it after.
 */
export function useStack<S extends { stack: TestStack }>(start: () => Promise<S>, receive: (started: S) => void) {
  let started: S | undefined;
  beforeAll(async () => {
    started = await start();
    receive(started);
  });
  afterAll(async () => started?.stack.close());
}

/** `useStack` for the common case: a stack with a brand built with `opts`. */
export function useBrandStack(opts: Parameters<typeof startBrandStack>[0], receive: (started: BrandStack) => void) {
  useStack(() => startBrandStack(opts), receive);
}
