// A model of the commission ledger's whole lifecycle driven by random sequences of payments,
// partial/full refunds (by units and by amount), rate changes, adjustments, time passing and
// settlements, using only this package's rules (commissionFen, reversalFen, allocateProportionally,
// buildStatements) the way api/ does. After every step:
//   - each line's entries sum to commissionFen(paid − refunded) at the rate frozen on the line, ≥ 0;
//   - no entry is ever settled twice;
//   - each settlement's statements sum to exactly the entries it settled;
//   - opening + accrued − reversed + adjusted = closing, and openings are the previous carried balances;
//   - paid out + still carried + unsettled = everything ever entered (nothing lost, nothing paid twice).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocateProportionally } from './allocation.js';
import { commissionFen, reversalFen } from './commission.js';
import { buildStatements, type LedgerEntryKind } from './settlement.js';

const DAY = 86_400_000;
const COOLING_OFF = 7 * DAY;
const GUIDES = ['g1', 'g2', 'g3'] as const;

interface Line {
  key: string;
  unitPriceFen: number;
  quantity: number;
  amountFen: number;
  rateBps: number;
  refundedFen: number;
  refundedQuantity: number;
}
interface Order {
  guideId: string;
  lines: Line[];
}
interface Entry {
  id: string;
  guideId: string;
  storeId: string;
  kind: LedgerEntryKind;
  amountFen: number;
  lineKey: string | null;
  availableAt: number;
  settlementId: number | null;
}

type Op =
  | { op: 'pay'; guide: number; lines: Array<{ unitPriceFen: number; quantity: number }> }
  | { op: 'refundUnits'; order: number; line: number; quantity: number }
  | { op: 'refundAmount'; order: number; amountFen: number }
  | { op: 'refundAll'; order: number }
  | { op: 'rate'; rateBps: number }
  | { op: 'adjust'; guide: number; amountFen: number }
  | { op: 'wait'; days: number }
  | { op: 'settle' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('pay' as const),
      guide: fc.nat(2),
      lines: fc.array(
        fc.record({ unitPriceFen: fc.integer({ min: 1, max: 50_000 }), quantity: fc.integer({ min: 1, max: 5 }) }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('refundUnits' as const),
      order: fc.nat(),
      line: fc.nat(),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('refundAmount' as const),
      order: fc.nat(),
      amountFen: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refundAll' as const), order: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('rate' as const), rateBps: fc.integer({ min: 0, max: 2_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      guide: fc.nat(2),
      amountFen: fc.integer({ min: -5_000, max: 5_000 }).filter((n) => n !== 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('settle' as const) }) },
);

class LedgerModel {
  now = 0;
  rateBps = 800;
  orders: Order[] = [];
  entries: Entry[] = [];
  settlements: Array<{ totalFen: number; entryIds: string[]; carried: Record<string, number> }> = [];
  private seq = 0;

  private add(e: Omit<Entry, 'id' | 'settlementId' | 'storeId'>) {
    this.entries.push({ ...e, id: `e${++this.seq}`, storeId: 's1', settlementId: null });
  }

  apply(op: Op): void {
    if (op.op === 'pay') {
      const order: Order = {
        guideId: GUIDES[op.guide]!,
        lines: op.lines.map((l, i) => ({
          key: `o${this.orders.length}l${i}`,
          unitPriceFen: l.unitPriceFen,
          quantity: l.quantity,
          amountFen: l.unitPriceFen * l.quantity,
          rateBps: this.rateBps,
          refundedFen: 0,
          refundedQuantity: 0,
        })),
      };
      this.orders.push(order);
      for (const line of order.lines) {
        const fen = commissionFen(line.amountFen, line.rateBps);
        if (fen > 0)
          this.add({
            guideId: order.guideId,
            kind: 'accrual',
            amountFen: fen,
            lineKey: line.key,
            availableAt: this.now + COOLING_OFF,
          });
      }
    } else if (op.op === 'refundUnits' || op.op === 'refundAmount' || op.op === 'refundAll') {
      if (!this.orders.length) return;
      const order = this.orders[op.order % this.orders.length]!;
      const left = (l: Line) => l.amountFen - l.refundedFen;
      let parts: Array<{ line: Line; fen: number; quantity: number }>;
      if (op.op === 'refundUnits') {
        const line = order.lines[op.line % order.lines.length]!;
        const unitsLeft = line.quantity - line.refundedQuantity;
        if (op.quantity > unitsLeft) return; // the API refuses (422)
        // The units that empty the line take whatever is left of it.
        const fen = op.quantity === unitsLeft ? left(line) : Math.min(line.unitPriceFen * op.quantity, left(line));
        if (fen === 0) return;
        parts = [{ line, fen, quantity: op.quantity }];
      } else {
        const remaining = order.lines.map(left);
        const total = remaining.reduce((a, b) => a + b, 0);
        const amount = op.op === 'refundAll' ? total : op.amountFen;
        if (amount === 0 || amount > total) return; // the API refuses (422)
        parts = allocateProportionally(amount, remaining).map((fen, i) => {
          const line = order.lines[i]!;
          return { line, fen, quantity: fen === remaining[i] ? line.quantity - line.refundedQuantity : 0 };
        });
      }
      for (const { line, fen, quantity } of parts) {
        if (fen === 0) continue;
        expect(fen).toBeLessThanOrEqual(left(line));
        const accrual = this.entries.find((e) => e.kind === 'accrual' && e.lineKey === line.key);
        if (accrual) {
          // At the rate frozen on the line (= on its accrual), never today's rate.
          const back = reversalFen({
            lineAmountFen: line.amountFen,
            refundedBeforeFen: line.refundedFen,
            refundNowFen: fen,
            rateBps: line.rateBps,
          });
          expect(back).toBeGreaterThanOrEqual(0);
          if (back > 0)
            this.add({
              guideId: order.guideId,
              kind: 'reversal',
              amountFen: -back,
              lineKey: line.key,
              availableAt: Math.max(this.now, accrual.availableAt),
            });
        }
        line.refundedFen += fen;
        line.refundedQuantity += quantity;
      }
    } else if (op.op === 'rate') {
      this.rateBps = op.rateBps;
    } else if (op.op === 'adjust') {
      this.add({
        guideId: GUIDES[op.guide]!,
        kind: 'adjustment',
        amountFen: op.amountFen,
        lineKey: null,
        availableAt: this.now,
      });
    } else if (op.op === 'wait') {
      this.now += op.days * DAY;
    } else {
      this.settle();
    }
  }

  private settle() {
    const id = this.settlements.length;
    const opening = this.settlements.at(-1)?.carried ?? {};
    const taken = this.entries.filter((e) => e.settlementId === null && e.availableAt <= this.now);
    for (const e of taken) {
      expect(e.settlementId).toBeNull(); // an entry is settled once
      e.settlementId = id;
    }
    const result = buildStatements({ entries: taken, openingFenByGuide: opening });
    const takenFen = taken.reduce((a, e) => a + e.amountFen, 0);
    expect(result.entriesFen).toBe(takenFen);
    expect(result.statements.reduce((a, s) => a + s.accruedFen - s.reversedFen + s.adjustedFen, 0)).toBe(takenFen);
    for (const s of result.statements) {
      expect(s.openingFen + s.accruedFen - s.reversedFen + s.adjustedFen).toBe(s.closingFen);
      expect(s.openingFen).toBe(opening[s.guideId] ?? 0);
      expect(s.openingFen).toBeLessThanOrEqual(0);
      expect(s.payableFen).toBeGreaterThanOrEqual(0);
    }
    // Every guide who carried a balance in appears (their debt is not forgotten).
    for (const guideId of Object.keys(opening)) expect(result.statements.some((s) => s.guideId === guideId)).toBe(true);
    this.settlements.push({
      totalFen: result.totalFen,
      entryIds: taken.map((e) => e.id),
      carried: result.carriedForwardFenByGuide,
    });
  }

  checkInvariants() {
    for (const order of this.orders) {
      for (const line of order.lines) {
        const sum = this.entries.filter((e) => e.lineKey === line.key).reduce((a, e) => a + e.amountFen, 0);
        expect(sum).toBe(commissionFen(line.amountFen - line.refundedFen, line.rateBps));
        expect(sum).toBeGreaterThanOrEqual(0);
        expect(line.refundedFen).toBeLessThanOrEqual(line.amountFen);
        expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
      }
    }
    const settledIds = this.settlements.flatMap((s) => s.entryIds);
    expect(new Set(settledIds).size).toBe(settledIds.length);
    const paidOut = this.settlements.reduce((a, s) => a + s.totalFen, 0);
    const carried = Object.values(this.settlements.at(-1)?.carried ?? {}).reduce((a, b) => a + b, 0);
    const unsettled = this.entries.filter((e) => e.settlementId === null).reduce((a, e) => a + e.amountFen, 0);
    const all = this.entries.reduce((a, e) => a + e.amountFen, 0);
    expect(paidOut + carried + unsettled).toBe(all);
  }
}

describe('the commission ledger over random sequences of events', () => {
  it('property: per-line sums, settle-once, statements tie out, nothing lost or paid twice', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), (ops) => {
        const model = new LedgerModel();
        for (const op of ops) {
          model.apply(op);
          model.checkInvariants();
        }
        // Refund everything left, let it all cool off and settle: every line ends at exactly 0 and
        // what was paid out plus what is still owed back equals everything ever entered.
        for (let i = 0; i < model.orders.length; i++) model.apply({ op: 'refundAll', order: i });
        model.apply({ op: 'wait', days: 30 });
        model.apply({ op: 'settle' });
        model.checkInvariants();
        for (const order of model.orders)
          for (const line of order.lines)
            expect(model.entries.filter((e) => e.lineKey === line.key).reduce((a, e) => a + e.amountFen, 0)).toBe(0);
        expect(model.entries.every((e) => e.settlementId !== null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a three-unit line refunded unit by unit at 800 bps ends at exactly 0 (rounding each refund alone would not)', () => {
    const model = new LedgerModel();
    model.apply({ op: 'pay', guide: 0, lines: [{ unitPriceFen: 3333, quantity: 3 }] });
    const sums: number[] = [];
    for (let i = 0; i < 3; i++) {
      model.apply({ op: 'refundUnits', order: 0, line: 0, quantity: 1 });
      model.checkInvariants();
      sums.push(model.entries.reduce((a, e) => a + e.amountFen, 0));
    }
    expect(sums).toEqual([533, 266, 0]);
    expect(model.entries.map((e) => e.amountFen)).toEqual([799, -266, -267, -266]);
  });
});
