import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { commissionFen, reversalFen } from './commission.js';

/** Reference: exact floor(a × r / 10000) in BigInt. */
const exact = (amount: number, rate: number): number => Number((BigInt(amount) * BigInt(rate)) / 10_000n);

const amountArb = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const rateArb = fc.integer({ min: 0, max: 10_000 });

describe('commissionFen', () => {
  it.each([
    [10_000, 500, 500], // 5 % of ¥100
    [999, 1000, 99], // 99.9 → 99: rounds down
    [19, 500, 0], // 0.95 → 0
    [20, 500, 1], // exactly 1
    [9_999, 333, 332], // 332.9667 → 332
    [0, 10_000, 0],
    [12_345, 0, 0],
    [12_345, 10_000, 12_345],
  ])('commissionFen(%p, %p) = %p', (amount, rate, expected) => {
    expect(commissionFen(amount, rate)).toBe(expected);
  });

  it('stays exact at the top of the safe-integer range, where float maths would not', () => {
    const amount = Number.MAX_SAFE_INTEGER; // 9007199254740991
    expect(commissionFen(amount, 9_999)).toBe(9_006_298_534_815_516);
    expect(commissionFen(amount, 10_000)).toBe(amount);
  });

  it.each([
    [-1, 100],
    [1.5, 100],
    [Number.NaN, 100],
    [Number.MAX_SAFE_INTEGER + 1, 100],
    [100, -1],
    [100, 2.5],
    [100, 10_001],
  ])('rejects commissionFen(%p, %p)', (amount, rate) => {
    expect(() => commissionFen(amount, rate)).toThrow(RangeError);
  });

  it('property: equals the exact floor and never exceeds the exact share', () => {
    fc.assert(
      fc.property(amountArb, rateArb, (amount, rate) => {
        const c = commissionFen(amount, rate);
        expect(c).toBe(exact(amount, rate));
        // c ≤ a·r/10000 < c + 1, checked in integers
        expect(BigInt(c) * 10_000n <= BigInt(amount) * BigInt(rate)).toBe(true);
        expect((BigInt(c) + 1n) * 10_000n > BigInt(amount) * BigInt(rate)).toBe(true);
      }),
    );
  });

  it('property: monotonic in the amount (what makes reversals non-negative)', () => {
    fc.assert(
      fc.property(amountArb, amountArb, rateArb, (a, b, rate) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(commissionFen(lo, rate)).toBeLessThanOrEqual(commissionFen(hi, rate));
      }),
    );
  });
});

describe('reversalFen', () => {
  it('takes back the drop in commission on what is still paid', () => {
    // ¥9.99 at 10 %: accrual 99. Refund ¥5.00 → remaining 499 earns 49 → reverse 50.
    expect(reversalFen({ lineAmountFen: 999, refundedBeforeFen: 0, refundNowFen: 500, rateBps: 1000 })).toBe(50);
    // Then the rest: 49 − 0.
    expect(reversalFen({ lineAmountFen: 999, refundedBeforeFen: 500, refundNowFen: 499, rateBps: 1000 })).toBe(49);
  });

  it('returns the whole accrual over small refunds, where rounding each refund on its own would return nothing', () => {
    // 40 fen at 5 % accrues 2 fen; commissionFen(10, 500) is 0, so a per-refund rule would never
    // take those 2 fen back. Reversing the drop in commission on what remains does: 40→30→20→10→0
    // earns 2,1,1,0,0.
    const steps = [10, 10, 10, 10].map((now, i) =>
      reversalFen({ lineAmountFen: 40, refundedBeforeFen: 10 * i, refundNowFen: now, rateBps: 500 }),
    );
    expect(steps).toEqual([1, 0, 1, 0]);
    expect(steps.reduce((a, b) => a + b)).toBe(commissionFen(40, 500));
  });

  it('is 0 for a zero refund and the whole accrual for a full refund', () => {
    expect(reversalFen({ lineAmountFen: 12_345, refundedBeforeFen: 0, refundNowFen: 0, rateBps: 700 })).toBe(0);
    expect(reversalFen({ lineAmountFen: 12_345, refundedBeforeFen: 0, refundNowFen: 12_345, rateBps: 700 })).toBe(864);
  });

  it('rejects refunds beyond the line', () => {
    expect(() => reversalFen({ lineAmountFen: 100, refundedBeforeFen: 60, refundNowFen: 41, rateBps: 100 })).toThrow(
      RangeError,
    );
    expect(() => reversalFen({ lineAmountFen: 100, refundedBeforeFen: 101, refundNowFen: 0, rateBps: 100 })).toThrow(
      RangeError,
    );
    expect(reversalFen({ lineAmountFen: 100, refundedBeforeFen: 60, refundNowFen: 40, rateBps: 5000 })).toBe(20);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => reversalFen({ lineAmountFen: 100, refundedBeforeFen: 0, refundNowFen: -1, rateBps: 100 })).toThrow(
      RangeError,
    );
    expect(() => reversalFen({ lineAmountFen: 100, refundedBeforeFen: -1, refundNowFen: 1, rateBps: 100 })).toThrow(
      RangeError,
    );
    expect(() => reversalFen({ lineAmountFen: 100.5, refundedBeforeFen: 0, refundNowFen: 1, rateBps: 100 })).toThrow(
      RangeError,
    );
    expect(() => reversalFen({ lineAmountFen: 100, refundedBeforeFen: 0, refundNowFen: 1, rateBps: 10_001 })).toThrow(
      RangeError,
    );
  });

  /** A line amount, a rate, and a sequence of refunds that never exceeds the line. */
  const refundSequence = fc
    .record({
      line: fc.integer({ min: 0, max: 10_000_000_000 }),
      rate: rateArb,
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
    })
    .map(({ line, rate, cuts }) => {
      // Turn fractions into integer refunds that sum to at most the line (the fractions only pick sizes).
      let left = line;
      const refunds = cuts.map((f) => {
        const now = Math.floor(left * f);
        left -= now;
        return now;
      });
      return { line, rate, refunds };
    });

  it('property: over any refund sequence, accrual − reversals = commissionFen(paid − refunded), and no step is negative', () => {
    fc.assert(
      fc.property(refundSequence, fc.boolean(), ({ line, rate, refunds }, refundTheRest) => {
        const all = refundTheRest ? [...refunds, line - refunds.reduce((a, b) => a + b, 0)] : refunds;
        let refunded = 0;
        let balance = commissionFen(line, rate);
        for (const now of all) {
          const r = reversalFen({ lineAmountFen: line, refundedBeforeFen: refunded, refundNowFen: now, rateBps: rate });
          expect(r).toBeGreaterThanOrEqual(0);
          refunded += now;
          balance -= r;
          expect(balance).toBe(commissionFen(line - refunded, rate));
          expect(balance).toBeGreaterThanOrEqual(0);
        }
        if (refundTheRest) expect(balance).toBe(0);
      }),
    );
  });
});
