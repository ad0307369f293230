import { randomInt } from 'node:crypto';
import { isDuplicateKey } from '../database/transactions.js';

/** `digits` random decimal digits from the CSPRNG (leading zeros kept). */
export function randomDigits(digits: number): string {
  let out = '';
  while (out.length < digits) out += randomInt(0, 1_000_000).toString().padStart(6, '0');
  return out.slice(0, digits);
}

/** Whether `error` is a unique violation of this index (MySQL names the key, SQLite the column). */
export function isDuplicateOf(error: unknown, index: string, column: string): boolean {
  if (!isDuplicateKey(error)) return false;
  const message = (error as { message?: string }).message ?? '';
  return message.includes(index) || message.includes(`.${column}`);
}

/**
 * Runs `insert` with a fresh random code until the code's unique index accepts it (a collision only
 * fails its own statement, so this is safe inside a transaction). Other errors pass through.
 */
export async function withUniqueCode<T>(
  generate: () => string,
  unique: { index: string; column: string },
  insert: (code: string) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert(generate());
    } catch (e) {
      if (attempt >= attempts || !isDuplicateOf(e, unique.index, unique.column)) throw e;
    }
  }
}
