import type { AttributionRule } from './types.js';
import { requireRateBps } from './validate.js';

export interface RateInput {
  rule: AttributionRule;
  /** The product's own rate; null when it has none. An explicit 0 is a rate, not "none". */
  productRateBps: number | null;
  categoryRateBps: number | null;
  defaultRateBps: number;
  /** Policy rate for sales credited to the member's service guide (no share behind them). */
  serviceRateBps: number;
}

/**
 * The commission rate for one line, in basis points. A share (or live share) earns the product's
 * rate, else its category's, else the policy default, and so does a sale credited by hand (`manual`:
 * an admin's correction or an approved claim); a service-guide sale earns the policy service rate; a
 * sale credited to a store or to nobody earns nothing.
 */
export function resolveRateBps(input: RateInput): number {
  const { rule, productRateBps, categoryRateBps, defaultRateBps, serviceRateBps } = input;
  if (productRateBps !== null) requireRateBps('productRateBps', productRateBps);
  if (categoryRateBps !== null) requireRateBps('categoryRateBps', categoryRateBps);
  requireRateBps('defaultRateBps', defaultRateBps);
  requireRateBps('serviceRateBps', serviceRateBps);
  switch (rule) {
    case 'share':
    case 'live_share':
    case 'manual':
      return productRateBps ?? categoryRateBps ?? defaultRateBps;
    case 'service_guide':
      return serviceRateBps;
    case 'store':
    case 'none':
      return 0;
  }
}
