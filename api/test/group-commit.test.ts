import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Batcher, GroupCommit } from '../src/database/group-commit.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes a lone item at once and gathers the items that arrive while a batch is written', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gc = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = gc.add(1);
    await tick();
    const rest = [gc.add(2), gc.add(3), gc.add(4)];
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('settles a caller only after its batch was written', async () => {
    const written = new Set<number>();
    const gc = new GroupCommit<number>(async (items) => {
      await tick();
      items.forEach((i) => written.add(i));
    });
    await Promise.all(Array.from({ length: 50 }, (_, i) => gc.add(i).then(() => expect(written.has(i)).toBe(true))));
  });

  it('fails only the caller whose item cannot be written', async () => {
    const gc = new GroupCommit<number>(async (items) => {
      await tick();
      if (items.includes(13)) throw new Error('bad item');
    });
    const results = await Promise.allSettled([1, 2, 13, 4].map((i) => gc.add(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('writes every item exactly once, in order, in batches no larger than the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 3 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        async (gaps, max) => {
          const seen: number[] = [];
          const gc = new GroupCommit<number>(async (items) => {
            expect(items.length).toBeLessThanOrEqual(max);
            await tick();
            seen.push(...items);
          }, max);
          const all: Promise<void>[] = [];
          for (const [i, gap] of gaps.entries()) {
            for (let k = 0; k < gap; k++) await tick();
            all.push(gc.add(i));
          }
          await Promise.all(all);
          expect(seen).toEqual(gaps.map((_, i) => i));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('answers each caller of a batched lookup with its own result', async () => {
    const calls: string[][] = [];
    const lookup = new Batcher<string, number>(async (keys) => {
      calls.push(keys);
      await tick();
      return keys.map((k) => k.length);
    });
    const answers = await Promise.all(['a', 'bb', 'ccc', 'dddd'].map((k) => lookup.add(k)));
    expect(answers).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([['a'], ['bb', 'ccc', 'dddd']]);
  });
});
