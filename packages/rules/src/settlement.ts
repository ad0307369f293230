// Monthly settlement maths (结算): turns the period's ledger entries into per-guide statements.
//
// Sign convention — the ledger stores every entry as a SIGNED amount in fen, so a guide's balance
// is simply the sum of their entries:
//   accrual     ≥ 0   commission earned on a paid order / redeemed sale
//   reversal    ≤ 0   commission taken back by a refund (the negated `reversalFen`)
//   adjustment  any   manual correction by finance, either way
// Statements report `reversedFen` as a POSITIVE number (what was taken back), so that
//   closingFen = openingFen + accruedFen − reversedFen + adjustedFen.
// A positive closing balance is paid out; a negative one (more reversed than earned, e.g. a refund
// after an earlier month was paid) is carried forward as the next period's opening balance.
import { requireSafeInteger } from './validate.js';

import type { LedgerEntryKind, SettlementStatement } from '@guideshare/contracts';

export type { LedgerEntryKind };

export interface SettlementEntry {
  id: string;
  guideId: string;
  storeId: string;
  /** Signed fen, see the sign convention above. */
  amountFen: number;
  kind: LedgerEntryKind;
}

export interface StatementInput {
  /** The available, unsettled entries assigned to this period, each at most once. */
  entries: SettlementEntry[];
  /** Balance carried in from the previous period, per guide (normally its negative closings). */
  openingFenByGuide: Record<string, number>;
  /**
   * The store to print on each guide's statement. Defaults to the store of the guide's last entry
   * (in input order); a guide with only an opening balance and no store here gets null.
   */
  storeIdByGuide?: Record<string, string>;
}

/** A guide's statement as the rules compute it: the contract's, less the entry count the API adds. */
export type GuideStatement = Omit<SettlementStatement, 'entryCount'>;

export interface StatementsResult {
  /** One per guide with entries or a non-zero opening balance, sorted by guideId. */
  statements: GuideStatement[];
  /** Sum of `payableFen`: what this settlement pays out. */
  totalFen: number;
  /** Sum of the period's entries (accrued − reversed + adjusted), to tie out with the ledger. */
  entriesFen: number;
  /** Next period's `openingFenByGuide`: the negative closings. */
  carriedForwardFenByGuide: Record<string, number>;
}

interface Totals {
  storeId: string | null;
  opening: number;
  accrued: number;
  reversed: number;
  adjusted: number;
}

/**
 * Builds per-guide statements for one settlement period.
 * @throws RangeError on a duplicate entry id (an entry settles once), an amount that is not a safe
 *   integer or breaks the sign convention, or a total that would leave the safe-integer range.
 */
export function buildStatements(input: StatementInput): StatementsResult {
  const { entries, openingFenByGuide, storeIdByGuide = {} } = input;
  const byGuide = new Map<string, Totals>();
  const totalsOf = (guideId: string): Totals => {
    let totals = byGuide.get(guideId);
    if (!totals) {
      totals = { storeId: null, opening: 0, accrued: 0, reversed: 0, adjusted: 0 };
      byGuide.set(guideId, totals);
    }
    return totals;
  };

  for (const [guideId, opening] of Object.entries(openingFenByGuide)) {
    requireSafeInteger(`openingFenByGuide.${guideId}`, opening);
    if (opening !== 0) totalsOf(guideId).opening = opening;
  }

  const seenIds = new Set<string>();
  for (const entry of entries) {
    if (seenIds.has(entry.id)) throw new RangeError(`entry ${entry.id} appears twice`);
    seenIds.add(entry.id);
    requireSignedAmount(entry);
    const totals = totalsOf(entry.guideId);
    totals.storeId = entry.storeId;
    if (entry.kind === 'accrual') totals.accrued = safeAdd(totals.accrued, entry.amountFen);
    else if (entry.kind === 'reversal') totals.reversed = safeAdd(totals.reversed, -entry.amountFen);
    else if (entry.kind === 'adjustment') totals.adjusted = safeAdd(totals.adjusted, entry.amountFen);
    else throw new RangeError(`entry ${entry.id} has unknown kind ${String(entry.kind)}`);
  }

  const statements: GuideStatement[] = [...byGuide.keys()].sort(compareIds).map((guideId) => {
    const t = byGuide.get(guideId)!;
    const closingFen = safeAdd(safeAdd(t.opening, t.accrued), safeAdd(-t.reversed, t.adjusted));
    return {
      guideId,
      storeId: Object.hasOwn(storeIdByGuide, guideId) ? storeIdByGuide[guideId] : t.storeId,
      openingFen: t.opening,
      accruedFen: t.accrued,
      reversedFen: t.reversed,
      adjustedFen: t.adjusted,
      closingFen,
      payableFen: Math.max(closingFen, 0),
      carriedForwardFen: Math.min(closingFen, 0),
    };
  });

  let totalFen = 0;
  let entriesFen = 0;
  const carriedForwardFenByGuide: Record<string, number> = {};
  for (const s of statements) {
    totalFen = safeAdd(totalFen, s.payableFen);
    entriesFen = safeAdd(entriesFen, s.accruedFen - s.reversedFen + s.adjustedFen);
    if (s.carriedForwardFen < 0) carriedForwardFenByGuide[s.guideId] = s.carriedForwardFen;
  }
  return { statements, totalFen, entriesFen, carriedForwardFenByGuide };
}

function requireSignedAmount(entry: SettlementEntry): void {
  requireSafeInteger(`entry ${entry.id} amountFen`, entry.amountFen);
  if (entry.kind === 'accrual' && entry.amountFen < 0) {
    throw new RangeError(`accrual ${entry.id} must not be negative, got ${entry.amountFen}`);
  }
  if (entry.kind === 'reversal' && entry.amountFen > 0) {
    throw new RangeError(`reversal ${entry.id} must be stored negative, got ${entry.amountFen}`);
  }
}

function safeAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`total out of the safe-integer range: ${a} + ${b}`);
  return sum;
}

/** Code-unit order, independent of the runtime's locale, so statements print the same everywhere. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
