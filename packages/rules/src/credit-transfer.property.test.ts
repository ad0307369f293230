// Any interleaving of partial refunds and credit transfers (attribution corrections) on one line
// keeps each guide's entries at floor(rate × (paid − refunded)) for the holder and zero for the rest.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { commissionFen, creditTransferFen, reversalFen } from './commission.js';

const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('refund' as const), fen: fc.integer({ min: 0, max: 5000 }) }),
  fc.record({
    kind: fc.constant('transfer' as const),
    to: fc.constantFrom('a', 'b', 'c'),
    rateBps: fc.integer({ min: 0, max: 10000 }),
  }),
);

describe('creditTransferFen with reversalFen', () => {
  it('keeps the line invariant per guide over any sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.array(stepArb, { maxLength: 12 }),
        (amount, rate0, steps) => {
          const net: Record<string, number> = { a: commissionFen(amount, rate0) };
          let holder = 'a';
          let rate = rate0;
          let refunded = 0;
          for (const step of steps) {
            if (step.kind === 'refund') {
              const fen = Math.min(step.fen, amount - refunded);
              net[holder] -= reversalFen({
                lineAmountFen: amount,
                refundedBeforeFen: refunded,
                refundNowFen: fen,
                rateBps: rate,
              });
              refunded += fen;
            } else if (step.to !== holder) {
              const t = creditTransferFen({
                lineAmountFen: amount,
                refundedFen: refunded,
                fromRateBps: rate,
                toRateBps: step.rateBps,
              });
              net[holder] -= t.reverseFen;
              net[step.to] = (net[step.to] ?? 0) + t.accrueFen;
              holder = step.to;
              rate = step.rateBps;
            }
            for (const [guide, fen] of Object.entries(net))
              expect(fen).toBe(guide === holder ? commissionFen(amount - refunded, rate) : 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
