// Commission amounts. Fen and basis points only: products go through BigInt, so no float ever
// touches money and a large line cannot lose precision.
import { requireNonNegativeInteger, requireRateBps } from './validate.js';

const BPS_PER_UNIT = 10_000n;

/**
 * Commission on `amountFen` at `rateBps`: `floor(amountFen × rateBps / 10000)`.
 *
 * THE rounding rule of the ledger: round DOWN to the fen. A guide is never paid a fraction of a fen
 * that was not earned, and because floor is monotonic the reversals computed by `reversalFen` can
 * always return a line's commission exactly to `commissionFen(paid − refunded)` without going
 * negative.
 *
 * @throws RangeError when `amountFen` is negative or not a safe integer, or `rateBps` is not an
 *   integer in 0…10000.
 */
export function commissionFen(amountFen: number, rateBps: number): number {
  requireNonNegativeInteger('amountFen', amountFen);
  requireRateBps('rateBps', rateBps);
  // BigInt division truncates toward zero, which is floor for non-negative operands.
  // The result is at most amountFen, so it converts back to a safe integer.
  return Number((BigInt(amountFen) * BigInt(rateBps)) / BPS_PER_UNIT);
}

export interface ReversalInput {
  /** The line's paid amount. */
  lineAmountFen: number;
  /** Amount of this line refunded by earlier refunds. */
  refundedBeforeFen: number;
  /** Amount of this line refunded now. */
  refundNowFen: number;
  /** The rate the accrual used (frozen with the attribution). */
  rateBps: number;
}

/**
 * The commission to take back for a refund, as a positive number of fen (the ledger stores it
 * negated). It is the drop in commission on what remains paid:
 * `commissionFen(remainingBefore) − commissionFen(remainingBefore − refundNow)`.
 * Summed over any sequence of refunds, accrual − reversals = `commissionFen(paid − refunded)`
 * exactly, so a line's entries never sum below zero and a full refund takes back the whole accrual.
 *
 * @throws RangeError on negative or non-integer inputs, or when refunds exceed the line.
 */
export function reversalFen(input: ReversalInput): number {
  const { lineAmountFen, refundedBeforeFen, refundNowFen, rateBps } = input;
  requireNonNegativeInteger('lineAmountFen', lineAmountFen);
  requireNonNegativeInteger('refundedBeforeFen', refundedBeforeFen);
  requireNonNegativeInteger('refundNowFen', refundNowFen);
  const remainingBefore = lineAmountFen - refundedBeforeFen;
  if (remainingBefore < 0) {
    throw new RangeError(`refundedBeforeFen ${refundedBeforeFen} exceeds the line amount ${lineAmountFen}`);
  }
  if (refundNowFen > remainingBefore) {
    throw new RangeError(`refund of ${refundNowFen} exceeds the ${remainingBefore} fen still paid on the line`);
  }
  return commissionFen(remainingBefore, rateBps) - commissionFen(remainingBefore - refundNowFen, rateBps);
}

export interface CreditTransferInput {
  /** The line's paid amount. */
  lineAmountFen: number;
  /** Amount of this line refunded so far. */
  refundedFen: number;
  /** The rate the previous guide's accrual used (0 when nobody earned on the line). */
  fromRateBps: number;
  /** The rate the new guide earns at. */
  toRateBps: number;
}

/**
 * Moving a line's credit from one guide to another (an attribution correction): the previous guide
 * gives back everything the line still earns them — `reversalFen` of the whole remaining amount, so
 * their entries for the line sum to zero — and the new guide accrues `commissionFen` of what remains
 * paid. Later refunds reverse the new guide's accrual with `reversalFen` as usual, so each guide's
 * entries for the line keep equalling `commissionFen(paid − refunded)` (or zero once moved away).
 */
export function creditTransferFen(input: CreditTransferInput): { reverseFen: number; accrueFen: number } {
  const { lineAmountFen, refundedFen, fromRateBps, toRateBps } = input;
  const remaining = lineAmountFen - refundedFen;
  return {
    reverseFen: reversalFen({
      lineAmountFen,
      refundedBeforeFen: refundedFen,
      refundNowFen: remaining,
      rateBps: fromRateBps,
    }),
    accrueFen: commissionFen(remaining, toRateBps),
  };
}
