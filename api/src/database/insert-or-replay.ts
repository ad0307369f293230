import { isDuplicateKey } from './transactions.js';

export type InsertOrReplayed<T> = { value: T; replayed: boolean };

/**
 * The idempotent create: runs `insert` (whose unique constraint lets only one of several concurrent
 * retries land); when it loses on a duplicate key, answers the winner's row read back by `replay`
 * (which throws, e.g. a 409, when the winner was a different request). Without a winner the key
 * clashed on something else: `lost` may turn that into a clearer error; otherwise the error stands.
 */
export async function insertOrReplay<T>(
  insert: () => Promise<T>,
  replay: () => Promise<T | null>,
  lost?: (error: unknown) => Promise<void> | void,
): Promise<InsertOrReplayed<T>> {
  try {
    return { value: await insert(), replayed: false };
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = await replay();
    if (winner !== null) return { value: winner, replayed: true };
    await lost?.(e);
    throw e;
  }
}
