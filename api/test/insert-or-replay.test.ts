import { describe, expect, it } from '@jest/globals';
import { insertOrReplay } from '../src/database/insert-or-replay.js';

const dup = () => Object.assign(new Error("Duplicate entry 'k' for key 'uq_k'"), { code: 'ER_DUP_ENTRY' });

describe('insertOrReplay', () => {
  it('answers the insert, and the winner when the insert lost on a duplicate key', async () => {
    expect(
      await insertOrReplay(
        async () => 'mine',
        async () => 'winner',
      ),
    ).toEqual({ value: 'mine', replayed: false });
    const lostRace = insertOrReplay<string>(
      async () => {
        throw dup();
      },
      async () => 'winner',
    );
    expect(await lostRace).toEqual({ value: 'winner', replayed: true });
  });

  it('lets other errors and a replay’s own conflict through, and never replays them', async () => {
    let replays = 0;
    const other = insertOrReplay(
      async () => {
        throw new Error('boom');
      },
      async () => {
        replays++;
        return 'x';
      },
    );
    await expect(other).rejects.toThrow('boom');
    expect(replays).toBe(0);
    const conflict = insertOrReplay<string>(
      async () => {
        throw dup();
      },
      async () => {
        throw new Error('IDEMPOTENCY_KEY_REUSED');
      },
    );
    await expect(conflict).rejects.toThrow('IDEMPOTENCY_KEY_REUSED');
  });

  it('without a winner: `lost` may name the clash, else the duplicate-key error stands', async () => {
    const insert = async (): Promise<string> => {
      throw dup();
    };
    const seen: unknown[] = [];
    const named = insertOrReplay(
      insert,
      async () => null,
      (e) => {
        seen.push(e);
        throw new Error('MEMBER_CODE_USED');
      },
    );
    await expect(named).rejects.toThrow('MEMBER_CODE_USED');
    expect((seen[0] as { code: string }).code).toBe('ER_DUP_ENTRY');
    await expect(
      insertOrReplay(
        insert,
        async () => null,
        () => undefined,
      ),
    ).rejects.toThrow('uq_k');
    await expect(insertOrReplay(insert, async () => null)).rejects.toThrow('uq_k');
  });
});
