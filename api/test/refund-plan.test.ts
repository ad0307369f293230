import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AppError } from '../src/common/app-error.js';
import { planRefund, type RefundableLine } from '../src/refunds/refund-plan.js';

// Pure: how a refund request splits over an order's lines (no database).

const line = (
  id: string,
  unitPriceFen: number,
  quantity: number,
  claimed: { quantity?: number; fen?: number } = {},
  amountFen = unitPriceFen * quantity,
): RefundableLine => ({
  id,
  quantity,
  unitPriceFen,
  amountFen,
  claimedQuantity: claimed.quantity ?? 0,
  claimedFen: claimed.fen ?? 0,
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'no error';
};

describe('planRefund', () => {
  it('refunds units at the unit price, the units that empty a line taking what is left of it', () => {
    // A counter line of 3 units for 100.00 yuan: unit price 33.33, the last unit 33.34.
    const l = line('a', 3333, 3, {}, 10000);
    expect(planRefund([l], { lines: [{ lineId: 'a', quantity: 1 }] })).toEqual({
      amountFen: 3333,
      lines: [{ lineId: 'a', quantity: 1, amountFen: 3333 }],
    });
    expect(
      planRefund([line('a', 3333, 3, { quantity: 2, fen: 6666 }, 10000)], { lines: [{ lineId: 'a', quantity: 1 }] })
        .amountFen,
    ).toBe(3334);
    expect(planRefund([l], { lines: [{ lineId: 'a', quantity: 3 }] }).amountFen).toBe(10000);
    // After an amount refund took part of the line, units never refund more than is left.
    expect(
      planRefund([line('a', 3333, 3, { quantity: 0, fen: 9000 }, 10000)], { lines: [{ lineId: 'a', quantity: 1 }] })
        .amountFen,
    ).toBe(1000);
  });

  it('splits an amount by largest remainder over what is left of each line, never above it', () => {
    const lines = [line('a', 10000, 1), line('b', 3333, 3)];
    expect(planRefund(lines, { amountFen: 5000 }).lines).toEqual([
      { lineId: 'a', quantity: 0, amountFen: 2500 },
      { lineId: 'b', quantity: 0, amountFen: 2500 },
    ]);
    expect(planRefund(lines, { full: true }).lines).toEqual([
      { lineId: 'a', quantity: 1, amountFen: 10000 },
      { lineId: 'b', quantity: 3, amountFen: 9999 },
    ]);
    const partly = [line('a', 10000, 1, { quantity: 1, fen: 10000 }), line('b', 3333, 3, { fen: 1 })];
    expect(planRefund(partly, { amountFen: 9998 }).lines).toEqual([{ lineId: 'b', quantity: 3, amountFen: 9998 }]);
  });

  it('refuses more than is left, unknown or repeated lines, both modes at once, and nothing to refund', () => {
    const lines = [line('a', 10000, 1), line('b', 3333, 3, { quantity: 1, fen: 3333 })];
    expect(codeOf(() => planRefund(lines, { amountFen: 16667 }))).toBe('422 REFUND_EXCEEDS_PAID');
    expect(codeOf(() => planRefund(lines, { amountFen: 16666 }))).toBe('no error');
    expect(codeOf(() => planRefund(lines, { lines: [{ lineId: 'b', quantity: 3 }] }))).toBe('422 REFUND_EXCEEDS_PAID');
    expect(codeOf(() => planRefund(lines, { lines: [{ lineId: 'x', quantity: 1 }] }))).toBe('422 REFUND_LINE_UNKNOWN');
    expect(
      codeOf(() =>
        planRefund(lines, {
          lines: [
            { lineId: 'a', quantity: 1 },
            { lineId: 'a', quantity: 1 },
          ],
        }),
      ),
    ).toBe('400 REFUND_LINE_REPEATED');
    expect(codeOf(() => planRefund(lines, { lines: [{ lineId: 'a', quantity: 1 }], amountFen: 1 }))).toBe(
      '400 REFUND_SPEC_INVALID',
    );
    const done = [line('a', 100, 1, { quantity: 1, fen: 100 })];
    expect(codeOf(() => planRefund(done, { full: true }))).toBe('422 REFUND_NOTHING_LEFT');
    // A refund names what it refunds: nothing named, `full: false`, or two modes are refused.
    expect(codeOf(() => planRefund(lines, {}))).toBe('400 REFUND_SPEC_INVALID');
    expect(codeOf(() => planRefund(lines, { full: false }))).toBe('400 REFUND_SPEC_INVALID');
    expect(codeOf(() => planRefund(lines, { full: true, amountFen: 1 }))).toBe('400 REFUND_SPEC_INVALID');
    expect(codeOf(() => planRefund(done, { amountFen: 1 }))).toBe('422 REFUND_EXCEEDS_PAID');
  });

  it('property: a plan refunds exactly what was asked, within each line, and emptied lines return their units', () => {
    const linesArb = fc
      .array(
        fc.record({
          unit: fc.integer({ min: 1, max: 50_000 }),
          quantity: fc.integer({ min: 1, max: 6 }),
          claimedUnits: fc.nat(6),
          extraFen: fc.nat(3),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((rows) =>
        rows.map((r, i) => {
          const amountFen = r.unit * r.quantity;
          const claimedQuantity = Math.min(r.claimedUnits, r.quantity);
          return line(
            `l${i}`,
            r.unit,
            r.quantity,
            {
              quantity: claimedQuantity,
              fen: Math.min(claimedQuantity * r.unit + (claimedQuantity < r.quantity ? r.extraFen : 0), amountFen),
            },
            amountFen,
          );
        }),
      );
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 1, max: 400_000 }), (lines, amountFen) => {
        const left = lines.reduce((a, l) => a + l.amountFen - l.claimedFen, 0);
        if (amountFen > left) {
          expect(codeOf(() => planRefund(lines, { amountFen }))).toBe('422 REFUND_EXCEEDS_PAID');
          return;
        }
        const plan = planRefund(lines, { amountFen });
        expect(plan.amountFen).toBe(amountFen);
        expect(plan.lines.reduce((a, p) => a + p.amountFen, 0)).toBe(amountFen);
        for (const p of plan.lines) {
          const l = lines.find((x) => x.id === p.lineId)!;
          expect(p.amountFen).toBeGreaterThan(0);
          expect(p.amountFen).toBeLessThanOrEqual(l.amountFen - l.claimedFen);
          expect(p.quantity).toBe(p.amountFen === l.amountFen - l.claimedFen ? l.quantity - l.claimedQuantity : 0);
        }
      }),
    );
  });
});
