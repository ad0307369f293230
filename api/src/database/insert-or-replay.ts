import { isDuplicateKey } from './transactions.js';

export type InsertOrReplayed<T> = { value: T; replayed: boolean };

/**
 * The idempotent create: runs `insert` (whose unique constraint lets only one of several concurrent
 * retries land); when it loses on a duplicate key, answers the winner's row read back by `replay`.
 * Without a winner (the key clashed on something else) the error stands.
 */
export async function insertOrReplay<T>(
  insert: () => Promise<T>,
  replay: () => Promise<T | null>,
): Promise<InsertOrReplayed<T>> {
  try {
    return { value: await insert(), replayed: false };
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = await replay();
    if (winner === null) throw e;
    return { value: winner, replayed: true };
  }
}
