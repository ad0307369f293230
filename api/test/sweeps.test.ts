import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { Sweeps } from '../src/scheduling/sweeps.service.js';
import { createTestDatabase } from './support/database.js';
import { startStack } from './support/stack.js';

// Several API instances on one database, each with its own connection pool and holder identity.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const sources: DataSource[] = [];
const instance = async () => {
  const ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
  sources.push(ds);
  return new Sweeps(ds);
};

beforeAll(async () => {
  db = await createTestDatabase();
  const first = new DataSource(dataSourceOptions(db.url));
  await first.initialize();
  await first.runMigrations({ transaction: 'each' });
  sources.push(first);
});
afterAll(async () => {
  for (const ds of sources) await ds.destroy();
  await db?.drop();
});

describe('background sweeps run on one instance at a time (database lease)', () => {
  it('lets one holder in, renews it, and hands over once the holder stops renewing', async () => {
    const [a, b] = [await instance(), await instance()];
    const t0 = new Date();
    expect(await a.acquire('expiry', 120_000, t0)).toBe(true);
    expect(await b.acquire('expiry', 120_000, t0)).toBe(false);
    expect(await a.acquire('expiry', 120_000, new Date(t0.getTime() + 60_000))).toBe(true);
    // A crashed: no renewal; its lease (renewed at +60 s for 120 s) lapses at +180 s.
    expect(await b.acquire('expiry', 120_000, new Date(t0.getTime() + 179_000))).toBe(false);
    expect(await b.acquire('expiry', 120_000, new Date(t0.getTime() + 181_000))).toBe(true);
    expect(await a.acquire('expiry', 120_000, new Date(t0.getTime() + 182_000))).toBe(false);
  });

  it('grants a free lease to exactly one of many instances racing for it', async () => {
    const racers = await Promise.all(Array.from({ length: 6 }, () => instance()));
    const won = await Promise.all(racers.flatMap((s) => [s.acquire('race', 60_000), s.acquire('race', 60_000)]));
    const winners = new Set(racers.filter((_, i) => won[2 * i] || won[2 * i + 1]).map((s) => s.holder));
    expect(winners.size).toBe(1);
  });

  it('runs the work only on the holder, and logs a failing round instead of swallowing it', async () => {
    const [a, b] = [await instance(), await instance()];
    const ran: string[] = [];
    expect(await a.round('refund-sync', 60_000, async () => ran.push('a'))).toBe(true);
    expect(await b.round('refund-sync', 60_000, async () => ran.push('b'))).toBe(false);
    expect(ran).toEqual(['a']);

    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failed = await a.round('refund-sync', 60_000, async () => {
      throw new Error('WeChat Pay unreachable');
    });
    expect(failed).toBe(false);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('WeChat Pay unreachable'), expect.any(String));
    logged.mockRestore();
  });
});

describe('the API schedules every background job through the lease', () => {
  it('registers order expiry, refund sync, automatic receipt and binding expiry as leased sweeps', async () => {
    const every = jest.spyOn(Sweeps.prototype, 'every');
    const stack = await startStack();
    try {
      const names = every.mock.calls.map(([name]) => name).sort();
      expect(names).toEqual(['auto-receipt', 'binding-expiry', 'order-expiry', 'refund-sync']);
    } finally {
      every.mockRestore();
      await stack.close();
    }
  });
});
