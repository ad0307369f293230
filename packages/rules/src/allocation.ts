import { requireNonNegativeInteger, requireSafeInteger } from './validate.js';

/**
 * Splits `totalFen` into integer parts proportional to `weights` (e.g. an order-level refund over
 * its lines by line amount), by the largest-remainder method: each part is the floor of its exact
 * share, and the fen left over go one each to the parts with the largest remainders, ties to the
 * earlier part. The parts sum to `totalFen` exactly and each is within 1 fen of its exact share;
 * the same input always gives the same split.
 *
 * A negative total is split as its magnitude and negated, so the guarantees hold for it too.
 * Weights are non-negative integers (fen, quantities); a zero weight gets nothing.
 *
 * @throws RangeError on non-integer inputs, negative weights, or a non-zero total with no weight.
 */
export function allocateProportionally(totalFen: number, weights: number[]): number[] {
  requireSafeInteger('totalFen', totalFen);
  weights.forEach((w, i) => requireNonNegativeInteger(`weights[${i}]`, w));
  if (totalFen < 0) return allocateProportionally(-totalFen, weights).map((part) => (part === 0 ? 0 : -part));

  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weightSum === 0n) {
    if (totalFen === 0) return weights.map(() => 0);
    throw new RangeError(`cannot split ${totalFen} fen over ${weights.length} weights that sum to zero`);
  }

  const total = BigInt(totalFen);
  const parts = weights.map((w) => (total * BigInt(w)) / weightSum);
  const remainders = weights.map((w) => (total * BigInt(w)) % weightSum);
  let leftover = Number(total - parts.reduce((sum, p) => sum + p, 0n)); // fewer than weights.length

  const byRemainder = weights
    .map((_, i) => i)
    .sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
  for (const i of byRemainder) {
    if (leftover === 0) break;
    parts[i] += 1n;
    leftover -= 1;
  }
  return parts.map(Number);
}
