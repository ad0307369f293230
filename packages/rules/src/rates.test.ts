import { describe, expect, it } from '@jest/globals';
import { resolveRateBps } from './rates.js';
import type { AttributionRule } from './types.js';

const base = { productRateBps: 800, categoryRateBps: 500, defaultRateBps: 300, serviceRateBps: 150 };

describe('resolveRateBps', () => {
  it.each(['share', 'live_share'] as const)('%s: the product rate first', (rule) => {
    expect(resolveRateBps({ ...base, rule })).toBe(800);
  });

  it.each(['share', 'live_share'] as const)('%s: the category rate when the product has none', (rule) => {
    expect(resolveRateBps({ ...base, rule, productRateBps: null })).toBe(500);
  });

  it.each(['share', 'live_share'] as const)('%s: the default when neither has one', (rule) => {
    expect(resolveRateBps({ ...base, rule, productRateBps: null, categoryRateBps: null })).toBe(300);
  });

  it('an explicit product rate of 0 is a rate (no commission on that product), not "none"', () => {
    expect(resolveRateBps({ ...base, rule: 'share', productRateBps: 0 })).toBe(0);
    expect(resolveRateBps({ ...base, rule: 'share', productRateBps: null, categoryRateBps: 0 })).toBe(0);
  });

  it('service_guide: the policy service rate, whatever the product says', () => {
    expect(resolveRateBps({ ...base, rule: 'service_guide' })).toBe(150);
  });

  it.each(['store', 'none'] as const)('%s: nothing', (rule) => {
    expect(resolveRateBps({ ...base, rule })).toBe(0);
  });

  it.each([
    ['productRateBps', -1],
    ['categoryRateBps', 12.5],
    ['defaultRateBps', 10_001],
    ['serviceRateBps', Number.NaN],
  ])('rejects %s = %p', (field, value) => {
    expect(() => resolveRateBps({ ...base, rule: 'store' as AttributionRule, [field]: value })).toThrow(RangeError);
  });

  it('accepts the bounds 0 and 10000', () => {
    expect(resolveRateBps({ ...base, rule: 'share', productRateBps: 10_000 })).toBe(10_000);
    expect(resolveRateBps({ ...base, rule: 'service_guide', serviceRateBps: 0 })).toBe(0);
  });
});
