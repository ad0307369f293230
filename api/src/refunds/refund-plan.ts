import { allocateProportionally } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';

/** An order line as refund planning sees it. */
export interface RefundableLine {
  id: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  /** Quantity and amount already refunded or claimed by a refund still in flight. */
  claimedQuantity: number;
  claimedFen: number;
}

export interface RefundRequest {
  lines?: Array<{ lineId: string; quantity: number }>;
  amountFen?: number;
  /** Everything that is left. */
  full?: boolean;
}

export interface PlannedLine {
  lineId: string;
  quantity: number;
  amountFen: number;
}

export interface RefundPlan {
  amountFen: number;
  lines: PlannedLine[];
}

/**
 * Splits a refund over an order's lines. Pure: no I/O, integer fen only.
 * - **By quantity** (`lines`): each unit at the line's unit price; the units that empty a line take
 *   whatever is left of its amount, so a line refunded unit by unit returns exactly its amount. Never
 *   more than is left of the line.
 * - **By amount** (`amountFen`): `allocateProportionally` over what is left of each line (largest
 *   remainder, each part within a fen of its share, never above a line's remainder). A part that
 *   empties a line refunds its remaining quantity; otherwise the quantity is 0.
 * - **Full** (`full: true`): everything that is left.
 * A request names exactly one of them; none, more than one, an unknown or repeated line, more units or fen than are left, or nothing to refund
 * are errors (4xx) — planning never clamps a request into something else.
 */
export function planRefund(lines: readonly RefundableLine[], request: RefundRequest): RefundPlan {
  const left = (l: RefundableLine) => ({ quantity: l.quantity - l.claimedQuantity, fen: l.amountFen - l.claimedFen });
  const named = [request.lines !== undefined, request.amountFen !== undefined, request.full === true];
  if (named.filter(Boolean).length !== 1 || (request.full !== undefined && request.full !== true)) {
    throw AppError.badRequest('REFUND_SPEC_INVALID', 'Name exactly one of lines, amountFen or full: true');
  }

  if (request.lines !== undefined) {
    const byId = new Map(lines.map((l) => [l.id, l]));
    const seen = new Set<string>();
    const planned: PlannedLine[] = [];
    for (const want of request.lines) {
      const line = byId.get(want.lineId);
      if (!line) throw AppError.unprocessable('REFUND_LINE_UNKNOWN', `Line ${want.lineId} is not on this order`);
      if (seen.has(want.lineId))
        throw AppError.badRequest('REFUND_LINE_REPEATED', `Line ${want.lineId} is named twice`);
      seen.add(want.lineId);
      if (!Number.isSafeInteger(want.quantity) || want.quantity < 1)
        throw AppError.badRequest('REFUND_QUANTITY_INVALID', 'quantity must be a positive integer');
      const rest = left(line);
      if (want.quantity > rest.quantity) {
        throw AppError.unprocessable(
          'REFUND_EXCEEDS_PAID',
          `Line ${line.id} has ${rest.quantity} unit(s) left to refund, not ${want.quantity}`,
        );
      }
      const amountFen =
        want.quantity === rest.quantity ? rest.fen : Math.min(line.unitPriceFen * want.quantity, rest.fen);
      if (amountFen <= 0)
        throw AppError.unprocessable('REFUND_NOTHING_LEFT', `Nothing is left to refund on line ${line.id}`);
      planned.push({ lineId: line.id, quantity: want.quantity, amountFen });
    }
    return { amountFen: planned.reduce((s, p) => s + p.amountFen, 0), lines: planned };
  }

  const remaining = lines.map((l) => Math.max(left(l).fen, 0));
  const refundableFen = remaining.reduce((s, r) => s + r, 0);
  const amountFen = request.amountFen ?? refundableFen;
  if (request.amountFen !== undefined && (!Number.isSafeInteger(amountFen) || amountFen <= 0)) {
    throw AppError.badRequest('REFUND_AMOUNT_INVALID', 'amountFen must be a positive integer');
  }
  if (amountFen > refundableFen) {
    throw AppError.unprocessable(
      'REFUND_EXCEEDS_PAID',
      `Refund of ${amountFen} fen exceeds the ${refundableFen} fen left to refund`,
    );
  }
  if (amountFen === 0) throw AppError.unprocessable('REFUND_NOTHING_LEFT', 'Nothing is left to refund on this order');
  const parts = allocateProportionally(amountFen, remaining);
  const planned: PlannedLine[] = [];
  lines.forEach((line, i) => {
    const part = parts[i]!;
    if (part === 0) return;
    planned.push({ lineId: line.id, quantity: part === remaining[i] ? left(line).quantity : 0, amountFen: part });
  });
  return { amountFen, lines: planned };
}
