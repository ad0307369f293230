import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { buildStatements, type SettlementEntry } from './settlement.js';

let n = 0;
const entry = (guideId: string, kind: SettlementEntry['kind'], amountFen: number, storeId = 's1'): SettlementEntry => ({
  id: `e${++n}`,
  guideId,
  storeId,
  amountFen,
  kind,
});

describe('buildStatements', () => {
  it('sums accruals, reversals (reported positive) and signed adjustments per guide', () => {
    const result = buildStatements({
      entries: [
        entry('g2', 'accrual', 1_000, 's2'),
        entry('g1', 'accrual', 500),
        entry('g1', 'accrual', 250),
        entry('g1', 'reversal', -100),
        entry('g1', 'adjustment', -30),
        entry('g1', 'adjustment', 10),
      ],
      openingFenByGuide: { g1: -200 },
    });
    expect(result.statements).toEqual([
      {
        guideId: 'g1',
        storeId: 's1',
        openingFen: -200,
        accruedFen: 750,
        reversedFen: 100,
        adjustedFen: -20,
        closingFen: 430,
        payableFen: 430,
        carriedForwardFen: 0,
      },
      {
        guideId: 'g2',
        storeId: 's2',
        openingFen: 0,
        accruedFen: 1_000,
        reversedFen: 0,
        adjustedFen: 0,
        closingFen: 1_000,
        payableFen: 1_000,
        carriedForwardFen: 0,
      },
    ]);
    expect(result.totalFen).toBe(1_430);
    expect(result.entriesFen).toBe(1_630);
    expect(result.carriedForwardFenByGuide).toEqual({});
  });

  it('carries a negative balance forward instead of paying it', () => {
    const result = buildStatements({
      entries: [entry('g1', 'accrual', 100), entry('g1', 'reversal', -300), entry('g2', 'accrual', 50)],
      openingFenByGuide: {},
    });
    expect(result.statements[0]).toMatchObject({
      guideId: 'g1',
      closingFen: -200,
      payableFen: 0,
      carriedForwardFen: -200,
    });
    expect(result.totalFen).toBe(50);
    expect(result.carriedForwardFenByGuide).toEqual({ g1: -200 });
  });

  it('lists a guide with only a carried balance, and skips zero balances without entries', () => {
    const result = buildStatements({
      entries: [],
      openingFenByGuide: { g1: -70, g2: 0 },
      storeIdByGuide: { g1: 's9' },
    });
    expect(result.statements).toEqual([
      {
        guideId: 'g1',
        storeId: 's9',
        openingFen: -70,
        accruedFen: 0,
        reversedFen: 0,
        adjustedFen: 0,
        closingFen: -70,
        payableFen: 0,
        carriedForwardFen: -70,
      },
    ]);
    expect(result.totalFen).toBe(0);
  });

  it("prints the store given for a guide over the store of the guide's entries", () => {
    const result = buildStatements({
      entries: [entry('g1', 'accrual', 5, 's-old'), entry('g1', 'accrual', 5, 's-new')],
      openingFenByGuide: {},
    });
    expect(result.statements[0].storeId).toBe('s-new');
    const overridden = buildStatements({
      entries: [entry('g1', 'accrual', 5, 's-old')],
      openingFenByGuide: {},
      storeIdByGuide: { g1: 's-home' },
    });
    expect(overridden.statements[0].storeId).toBe('s-home');
  });

  it('sorts statements by guide id in code-unit order', () => {
    const result = buildStatements({
      entries: ['g10', 'G2', 'g2', 'a'].map((g) => entry(g, 'accrual', 1)),
      openingFenByGuide: {},
    });
    expect(result.statements.map((s) => s.guideId)).toEqual(['G2', 'a', 'g10', 'g2']);
  });

  it('rejects an entry settled twice, and amounts against the sign convention', () => {
    const e = entry('g1', 'accrual', 1);
    expect(() => buildStatements({ entries: [e, { ...e }], openingFenByGuide: {} })).toThrow(RangeError);
    expect(() => buildStatements({ entries: [entry('g1', 'reversal', 5)], openingFenByGuide: {} })).toThrow(RangeError);
    expect(() => buildStatements({ entries: [entry('g1', 'accrual', -5)], openingFenByGuide: {} })).toThrow(RangeError);
    expect(() => buildStatements({ entries: [entry('g1', 'accrual', 1.5)], openingFenByGuide: {} })).toThrow(
      RangeError,
    );
    const bogus = { ...entry('g1', 'accrual', 1), kind: 'bonus' } as unknown as SettlementEntry;
    expect(() => buildStatements({ entries: [bogus], openingFenByGuide: {} })).toThrow(RangeError);
    expect(() => buildStatements({ entries: [], openingFenByGuide: { g1: 0.5 } })).toThrow(RangeError);
  });

  it('rejects totals that leave the safe-integer range rather than rounding them', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(() =>
      buildStatements({ entries: [entry('g1', 'accrual', big), entry('g1', 'accrual', 1)], openingFenByGuide: {} }),
    ).toThrow(RangeError);
  });

  const entriesArb = fc
    .array(
      fc.record({
        guideId: fc.constantFrom('g1', 'g2', 'g3', 'g4'),
        storeId: fc.constantFrom('s1', 's2'),
        kind: fc.constantFrom('accrual' as const, 'reversal' as const, 'adjustment' as const),
        magnitude: fc.integer({ min: 0, max: 10_000_000 }),
        negativeAdjustment: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map(({ guideId, storeId, kind, magnitude, negativeAdjustment }, i): SettlementEntry => ({
        id: `e${i}`,
        guideId,
        storeId,
        kind,
        amountFen: kind === 'reversal' || (kind === 'adjustment' && negativeAdjustment) ? -magnitude : magnitude,
      })),
    );
  const openingArb = fc.dictionary(fc.constantFrom('g1', 'g2', 'g5'), fc.integer({ min: -5_000_000, max: 0 }));

  it('property: opening + accrued − reversed + adjusted = closing, and the totals tie out with the ledger', () => {
    fc.assert(
      fc.property(entriesArb, openingArb, (entries, openingFenByGuide) => {
        const { statements, totalFen, entriesFen, carriedForwardFenByGuide } = buildStatements({
          entries,
          openingFenByGuide,
        });
        for (const s of statements) {
          expect(s.openingFen + s.accruedFen - s.reversedFen + s.adjustedFen).toBe(s.closingFen);
          expect(s.reversedFen).toBeGreaterThanOrEqual(0);
          expect(s.payableFen + s.carriedForwardFen).toBe(s.closingFen);
          // Each statement agrees with a direct sum of that guide's entries.
          const own = entries.filter((e) => e.guideId === s.guideId);
          expect(s.accruedFen - s.reversedFen + s.adjustedFen).toBe(own.reduce((a, e) => a + e.amountFen, 0));
          expect(s.openingFen).toBe(openingFenByGuide[s.guideId] ?? 0);
        }
        const sum = (f: (s: (typeof statements)[number]) => number) => statements.reduce((a, s) => a + f(s), 0);
        const openingTotal = Object.values(openingFenByGuide).reduce((a, b) => a + b, 0);
        expect(entriesFen).toBe(entries.reduce((a, e) => a + e.amountFen, 0));
        expect(sum((s) => s.closingFen)).toBe(openingTotal + entriesFen);
        expect(totalFen).toBe(sum((s) => s.payableFen));
        expect(Object.values(carriedForwardFenByGuide).every((v) => v < 0)).toBe(true);
        expect(totalFen + Object.values(carriedForwardFenByGuide).reduce((a, b) => a + b, 0)).toBe(
          sum((s) => s.closingFen),
        );
        // Every guide with an entry or a non-zero opening appears exactly once, in order.
        const expected = [
          ...new Set([
            ...entries.map((e) => e.guideId),
            ...Object.keys(openingFenByGuide).filter((g) => openingFenByGuide[g] !== 0),
          ]),
        ].sort();
        expect(statements.map((s) => s.guideId)).toEqual(expected);
      }),
    );
  });
});
