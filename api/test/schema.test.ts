import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase } from './support/database.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = new DataSource(dataSourceOptions(db.url));
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('MySQL schema', () => {
  it('is exactly what the entities describe once every migration has run', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // A non-empty list means an entity changed without a migration (or a migration drifted).
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('keeps idempotency in unique constraints, not in code', async () => {
    const [rows] = (await dataSource
      .query(
        `SELECT TABLE_NAME AS t, INDEX_NAME AS i FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY' GROUP BY TABLE_NAME, INDEX_NAME`,
      )
      .then((r: unknown) => [r])) as [Array<{ t: string; i: string }>];
    const tables = rows.map((r) => r.t);
    expect(tables).toEqual(expect.arrayContaining(['payments', 'ledger_entries', 'orders']));
    expect(
      rows
        .filter((r) => r.t === 'orders')
        .map((r) => r.i)
        .sort(),
    ).toEqual(['uq_orders_member_idempotency', 'uq_orders_order_no', 'uq_orders_store_receipt']);
  });
});
