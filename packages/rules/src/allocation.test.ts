import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocateProportionally } from './allocation.js';

describe('allocateProportionally', () => {
  it('gives the leftover fen to the largest remainders, not to the first parts', () => {
    // exact shares 1.8, 4.5, 2.7 → floors 1, 4, 2 and 2 fen left → to .8 and .7
    expect(allocateProportionally(9, [2, 5, 3])).toEqual([2, 4, 3]);
  });

  it('breaks equal remainders towards the earlier part', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(7, [1, 1, 1, 1])).toEqual([2, 2, 2, 1]);
    expect(allocateProportionally(2, [3, 1])).toEqual([2, 0]); // 1.5, 0.5: equal remainders
  });

  it('splits exactly when the shares are whole', () => {
    expect(allocateProportionally(1000, [100, 300, 600])).toEqual([100, 300, 600]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocateProportionally(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(allocateProportionally(1, [0, 1, 1])).toEqual([0, 1, 0]);
  });

  it('splits a negative total as its magnitude, negated', () => {
    expect(allocateProportionally(-9, [2, 5, 3])).toEqual([-2, -4, -3]);
  });

  it('splits zero as zeros, even over no weight', () => {
    expect(allocateProportionally(0, [3, 4])).toEqual([0, 0]);
    expect(allocateProportionally(0, [0, 0])).toEqual([0, 0]);
    expect(allocateProportionally(0, [])).toEqual([]);
  });

  it('stays exact with amounts near the safe-integer limit', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(allocateProportionally(max, [max, max])).toEqual([(max + 1) / 2, (max - 1) / 2]);
  });

  it('rejects a non-zero total with nothing to split over, negative or fractional input', () => {
    expect(() => allocateProportionally(5, [])).toThrow(RangeError);
    expect(() => allocateProportionally(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateProportionally(5, [1, -1])).toThrow(RangeError);
    expect(() => allocateProportionally(5, [1.5])).toThrow(RangeError);
    expect(() => allocateProportionally(5.5, [1])).toThrow(RangeError);
  });

  const splitArb = fc
    .tuple(
      fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
      fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
    )
    .filter(([total, weights]) => total === 0 || weights.some((w) => w > 0));

  it('property: sums exactly to the total, each part within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(splitArb, ([total, weights]) => {
        const parts = allocateProportionally(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const weightSum = weights.reduce((a, b) => a + BigInt(b), 0n);
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          if (weightSum === 0n) return expect(part).toBe(0);
          // |part − total·w/W| < 1, in integers: |part·W − total·w| < W
          const diff = BigInt(part) * weightSum - BigInt(total) * BigInt(weights[i]);
          expect(diff < weightSum && -diff < weightSum).toBe(true);
          if (weights[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });

  it('property: deterministic, and the same split for weights scaled by a common factor', () => {
    fc.assert(
      fc.property(splitArb, fc.integer({ min: 1, max: 1000 }), ([total, weights], k) => {
        const parts = allocateProportionally(total, weights);
        expect(allocateProportionally(total, [...weights])).toEqual(parts);
        expect(
          allocateProportionally(
            total,
            weights.map((w) => w * k),
          ),
        ).toEqual(parts);
      }),
    );
  });
});
