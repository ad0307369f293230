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

/** Refund rates: both products at 800 bps (`product` 100.00 yuan, `cheap` 33.33 yuan shows rounding). */
export const REFUND_RATES = { productRateBps: 800, categoryRateBps: 800, finance: true } as const;
