#!/usr/bin/env node
// Diagnostic: how long MariaDB itself takes for the SQL a settlement close needs, on N ledger
// entries, with no API in the way. Explains the "settlement close" row of `pnpm bench`.
// usage: node scripts/bench/settlement-sql.js [--entries=1000000]
import { parseArgs } from 'node:util';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { createDatabase, generateKeys, makeTempDir, removeDir, serverInfo, startApi } from './lib/env.js';
import { loadSchema, seedLedger, seedPopulation } from './lib/seed.js';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000000' } } });
const count = Number(values.entries);
const dir = makeTempDir();
const secrets = generateKeys(dir);
const db = await createDatabase();
const sim = await startWechatSimulator({ keys: secrets.keys });
try {
  // The API only runs the migrations, so the schema is exactly the API's.
  await (await startApi({ dir, databaseUrl: db.url, sim, secrets })).stop();
  const pool = db.pool(2);
  const schema = await loadSchema(pool, db.name);
  const population = await seedPopulation(pool, schema, { productId: '00000000-0000-7000-8000-000000000000' });
  const period = '2024-03';
  let t = Date.now();
  await seedLedger(pool, schema, population, { count, period });
  await pool.query('ANALYZE TABLE ledger_entries');
  console.log(
    `seeded ${count} entries in ${((Date.now() - t) / 1000).toFixed(1)} s; MariaDB ${JSON.stringify(await serverInfo())}`,
  );
  const [[size]] = await pool.query(
    "SELECT ROUND(data_length/1048576) AS dataMb, ROUND(index_length/1048576) AS indexMb FROM information_schema.TABLES WHERE table_schema = ? AND table_name = 'ledger_entries'",
    [db.name],
  );
  console.log(`ledger_entries: ${size.dataMb} MB data + ${size.indexMb} MB indexes`);
  const cutoff = new Date(Date.UTC(2024, 3, 1) - 8 * 3_600_000);
  const conn = await pool.getConnection();
  const step = async (label, sql, params) => {
    t = Date.now();
    const [r] = await conn.query(sql, params);
    console.log(
      `${label.padEnd(64)} ${((Date.now() - t) / 1000).toFixed(2).padStart(7)} s  (${r.affectedRows ?? r.length} rows)`,
    );
  };
  const held =
    'EXISTS (SELECT 1 FROM ledger_holds h WHERE h.orderId = ledger_entries.orderId AND h.releasedAt IS NULL)';
  await step(
    'plain aggregate of the available entries (the bench baseline)',
    `SELECT guideId, kind, SUM(amountFen), COUNT(*) FROM ledger_entries WHERE settlementId IS NULL AND availableAt < ? GROUP BY guideId, kind`,
    [cutoff],
  );
  await step(
    'the same, again (warm)',
    `SELECT guideId, kind, SUM(amountFen), COUNT(*) FROM ledger_entries WHERE settlementId IS NULL AND availableAt < ? GROUP BY guideId, kind`,
    [cutoff],
  );
  await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  await conn.query('START TRANSACTION');
  await step(
    'UPDATE … SET settlementId (as LedgerService.assignToSettlement)',
    `UPDATE ledger_entries SET settlementId = 'bench' WHERE settlementId IS NULL AND availableAt < ? AND NOT ${held}`,
    [cutoff],
  );
  await step(
    'read them back by settlementId (entriesOfSettlement)',
    "SELECT * FROM ledger_entries WHERE settlementId = 'bench' ORDER BY id",
  );
  await step(
    'or sum them by guide and kind in SQL',
    "SELECT guideId, kind, SUM(amountFen), COUNT(*) FROM ledger_entries WHERE settlementId = 'bench' GROUP BY guideId, kind",
  );
  await step('ROLLBACK', 'ROLLBACK');
  conn.release();
  await pool.end();
} finally {
  await sim.close();
  await db.drop();
  removeDir(dir);
}
