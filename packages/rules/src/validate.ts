// Input guards shared by the rules. Money and time must be exact integers: a float or a NaN that
// slipped through here would silently corrupt a ledger, so it is rejected loudly instead.

export function requireSafeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

export function requireNonNegativeInteger(name: string, value: number): void {
  requireSafeInteger(name, value);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}

/** Basis points of an amount: 0 ‱ to 10 000 ‱ (100 %). More than 100 % is a configuration error. */
export function requireRateBps(name: string, value: number): void {
  requireNonNegativeInteger(name, value);
  if (value > 10_000) throw new RangeError(`${name} must be at most 10000 bps, got ${value}`);
}
