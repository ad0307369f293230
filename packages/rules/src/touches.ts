import type { Touch } from './types.js';

const HOUR_MS = 3_600_000;

/** Whether `a` happened after `b`: later `at` wins, and on equal `at` the later record (higher seq). */
export function isLaterTouch(a: Touch, b: Touch): boolean {
  return a.at !== b.at ? a.at > b.at : a.seq > b.seq;
}

/** The latest touch that passes `eligible`, or null. Never reorders the caller's array. */
export function latestTouch(touches: readonly Touch[], eligible: (touch: Touch) => boolean): Touch | null {
  let latest: Touch | null = null;
  for (const touch of touches) {
    if (eligible(touch) && (latest === null || isLaterTouch(touch, latest))) latest = touch;
  }
  return latest;
}

/**
 * The last-touch winner for a sale at `at`: the latest touch with `at − window ≤ touch.at ≤ at`.
 * Both bounds are inclusive; touches recorded after the sale never count (they cannot have caused it).
 */
export function latestTouchWithinWindow(touches: readonly Touch[], at: number, windowHours: number): Touch | null {
  const windowStart = at - windowHours * HOUR_MS;
  return latestTouch(touches, (touch) => touch.at >= windowStart && touch.at <= at);
}
