import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { PaymentFacts1796096000000 } from '../src/database/migrations/1796096000000-PaymentFacts.js';
import { createTestDatabase } from './support/database.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const ORDER_COLUMNS =
  'id, channel, status, totalFen, paidFen, refundedFen, requestHash, attrRule, attrPolicyVersion, attrCommissionable, attrSelfReferral, prepayId, transactionId, createdAt, paidAt';
const order = (
  id: string,
  status: string,
  prepayId: string | null,
  transactionId: string | null,
  paidAt: string | null,
) => [
  id,
  'online',
  status,
  1000,
  paidAt ? 1000 : 0,
  0,
  'h',
  'none',
  1,
  0,
  0,
  prepayId,
  transactionId,
  '2026-01-01 00:00:00.000000',
  paidAt,
];

const insert = `INSERT INTO orders (${ORDER_COLUMNS}) VALUES (${ORDER_COLUMNS.split(',')
  .map(() => '?')
  .join(', ')})`;

describe('migration PaymentFacts', () => {
  it('moves prepay ids to payment_prepays and keeps every transaction id on payments', async () => {
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(PaymentFacts1796096000000));
    const old = new DataSource({ ...dataSourceOptions(db.url), migrations: before });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await old.query(insert, order('o-unpaid', 'PENDING_PAYMENT', 'wx-prepay-1', null, null));
    await old.query(insert, order('o-paid', 'PAID', 'wx-prepay-2', 'tx-2', '2026-01-01 01:00:00.000000'));
    await old.query(insert, order('o-legacy', 'PAID', null, 'tx-3', '2026-01-01 02:00:00.000000'));
    await old.query(
      `INSERT INTO payments (id, transactionId, orderId, amountFen, payerOpenid, successTime, createdAt)
       VALUES ('p-2', 'tx-2', 'o-paid', 1000, 'openid', '2026-01-01 01:00:00.000000', '2026-01-01 01:00:00.000000')`,
    );
    await old.destroy();

    const now = new DataSource(dataSourceOptions(db.url));
    await now.initialize();
    await now.runMigrations({ transaction: 'each' });
    expect(await now.query('SELECT orderId, prepayId FROM payment_prepays ORDER BY orderId')).toEqual([
      { orderId: 'o-paid', prepayId: 'wx-prepay-2' },
      { orderId: 'o-unpaid', prepayId: 'wx-prepay-1' },
    ]);
    const payments = await now.query(
      'SELECT id, orderId, transactionId, amountFen, successTime FROM payments ORDER BY orderId',
    );
    expect(payments.map((p: any) => [p.orderId, p.transactionId, Number(p.amountFen)])).toEqual([
      ['o-legacy', 'tx-3', 1000],
      ['o-paid', 'tx-2', 1000],
    ]);
    expect(payments.find((p: any) => p.orderId === 'o-paid').id).toBe('p-2');
    const columns = await now.query(
      "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders'",
    );
    expect(columns.map((r: { c: string }) => r.c)).not.toEqual(expect.arrayContaining(['prepayId']));
    expect(columns.map((r: { c: string }) => r.c)).not.toEqual(expect.arrayContaining(['transactionId']));
    await now.destroy();
  });

  it('completes after a crash part-way (MariaDB commits each DDL on its own): the run is repeatable', async () => {
    const partial = await createTestDatabase();
    try {
      const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(PaymentFacts1796096000000));
      const old = new DataSource({ ...dataSourceOptions(partial.url), migrations: before });
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      await old.query(insert, order('o-paid', 'PAID', 'wx-prepay-2', 'tx-2', '2026-01-01 01:00:00.000000'));
      // The crash: the table was created and the prepay ids copied, then the process died.
      const runner = old.createQueryRunner();
      const migration = new PaymentFacts1796096000000();
      const statements: string[] = [];
      const real = runner.query.bind(runner);
      runner.query = (async (sql: string, ...rest: unknown[]) => {
        if (!/information_schema/i.test(sql)) statements.push(sql); // writes, not the schema lookups
        if (statements.length > 2) throw new Error('crash');
        return real(sql, ...(rest as []));
      }) as typeof runner.query;
      await expect(migration.up(runner)).rejects.toThrow('crash');
      await runner.release();
      await old.destroy();

      const now = new DataSource(dataSourceOptions(partial.url));
      await now.initialize();
      try {
        await now.runMigrations({ transaction: 'each' });
        expect(await now.query('SELECT orderId, prepayId FROM payment_prepays')).toEqual([
          { orderId: 'o-paid', prepayId: 'wx-prepay-2' },
        ]);
        const payments = await now.query('SELECT orderId, transactionId FROM payments');
        expect(payments).toEqual([{ orderId: 'o-paid', transactionId: 'tx-2' }]);
      } finally {
        await now.destroy();
      }
    } finally {
      await partial.drop();
    }
  });
});
