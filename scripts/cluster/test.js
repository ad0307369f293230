// `pnpm test:cluster`: three API instances (production build, NODE_ENV=production), each on its own node
// of a three-node MariaDB Galera cluster, and the guarantees that must hold across them:
// one payment per notify storm, one store order per receipt, no oversold stock, one settlement per
// month, and no acknowledged write lost when a database node dies mid-load.
// Prints "cluster: N passed, N failed" and exits non-zero on any failure.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { client, setupBrand } from '../bench/lib/api.js';
import { generateKeys, makeTempDir, removeDir, startApi } from '../bench/lib/env.js';
import { paidNotification } from '../bench/phases/orders.js';
import { galeraAvailable, startCluster } from './galera.js';
import { nodeKillScenario } from './node-kill.js';

const log = (...a) => console.log(...a);
const results = [];
async function scenario(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    log(
      `  ✕ ${name}\n    ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
}
function assertEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
const countBy = (xs) => xs.reduce((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

if (!galeraAvailable()) {
  console.error('cluster: Galera is not installed (apt-get install galera-4 rsync)');
  process.exit(1);
}

const dir = makeTempDir();
const cleanups = [];
let exitCode = 1;
try {
  log('== Galera: three nodes');
  // Not under `dir` (mode 0700): mariadbd runs as the mysql user and must reach its data directory.
  const galeraDir = join(tmpdir(), `guideshare-cluster-${process.pid}`);
  const cluster = await startCluster({ dir: galeraDir, log });
  cleanups.push(async () => {
    await cluster.stop();
    if (exitCode === 0) rmSync(galeraDir, { recursive: true, force: true });
  });
  const dbName = `guideshare_cluster_${Date.now().toString(36)}`;
  // Created with the node's latin1 default on purpose: the schema declares utf8mb4 table by table.
  const admin = await mysql.createConnection({ host: '127.0.0.1', port: cluster.nodes[0].port, user: 'root' });
  await admin.query(`CREATE DATABASE \`${dbName}\``);
  await admin.end();
  const nodeUrl = (i) => `${cluster.nodes[i].url}/${dbName}`;
  const sql = (i) =>
    mysql.createConnection({ host: '127.0.0.1', port: cluster.nodes[i].port, user: 'root', database: dbName });

  const secrets = generateKeys(dir);
  const sim = await startWechatSimulator({ keys: secrets.keys, port: 0, host: '127.0.0.1' });
  cleanups.push(() => sim.close());
  log('== API: one instance per node (the first runs the migrations)');
  const apis = [];
  for (const i of [0, 1, 2]) {
    const instDir = join(dir, `api${i + 1}`);
    mkdirSync(instDir, { recursive: true });
    const proc = await startApi({ dir: instDir, databaseUrl: nodeUrl(i), sim, secrets });
    cleanups.push(() => proc.stop());
    apis.push({ proc, http: client(proc.url) });
    log(`  api${i + 1} ${proc.url} → node${i + 1}`);
  }
  const api = (n) => apis[n % apis.length].http;
  const brand = await setupBrand(api(0), { admin: secrets.admin, consumers: 10, skus: 1 });
  const { adminToken } = brand;

  log('== scenarios');
  await scenario('12 concurrent identical payment notifies across instances → one payment, one accrual', async () => {
    const buyer = brand.buyers[0];
    const order = await api(1).expect(201, 'POST', '/api/orders', {
      body: { lines: [{ skuId: brand.skus[0].skuId, quantity: 1 }], shareCode: brand.shares[0].code },
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID() },
    });
    const pay = await api(2).expect(200, 'POST', `/api/orders/${order.id}/payment`, { token: buyer.token, body: {} });
    const n = paidNotification(sim, pay.outTradeNo);
    // Sent byte for byte as WeChat signed it.
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        fetch(`${api(k).url}/api/payments/wechat/notify`, { method: 'POST', headers: n.headers, body: n.body }).then(
          (r) => r.status,
        ),
      ),
    );
    assertEqual(countBy(statuses), { 204: 12 }, 'notify answers');
    for (const i of [0, 1, 2]) {
      const c = await sql(i);
      const [[p]] = await c.query('SELECT COUNT(*) AS n FROM payments WHERE orderId = ?', [order.id]);
      const [[l]] = await c.query("SELECT COUNT(*) AS n FROM ledger_entries WHERE orderId = ? AND kind = 'accrual'", [
        order.id,
      ]);
      const [[o]] = await c.query('SELECT status FROM orders WHERE id = ?', [order.id]);
      await c.end();
      assertEqual([Number(p.n), Number(l.n), o.status], [1, 1, 'PAID'], `node${i + 1} payments, accruals, status`);
    }
  });

  await scenario('20 identical counter receipts across instances → one store order', async () => {
    const member = brand.buyers[1];
    const { code } = await api(0).expect(200, 'GET', '/api/members/me/code', { token: member.token });
    const receiptNo = `R-${randomUUID().slice(0, 8)}`;
    const body = { memberCode: code, receiptNo, amountFen: 12_345 };
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        api(k)
          .call('POST', '/api/pos/redemptions', { body, headers: { 'x-store-key': brand.counterKey } })
          .then((r) => r.status),
      ),
    );
    assertEqual(countBy(statuses), { 200: 19, 201: 1 }, 'redemption answers');
    const c = await sql(2);
    const [[o]] = await c.query('SELECT COUNT(*) AS n FROM orders WHERE receiptNo = ?', [receiptNo]);
    await c.end();
    assertEqual(Number(o.n), 1, 'store orders for the receipt');
  });

  await scenario('80 concurrent orders on stock 50 across instances → exactly 50', async () => {
    const product = await api(0).expect(201, 'POST', '/api/admin/products', {
      body: { name: '限量礼盒', categoryId: brand.category.id, skus: [{ name: '礼盒', priceFen: 9_900, stock: 50 }] },
      token: adminToken,
    });
    const skuId = product.skus[0].id;
    const statuses = await Promise.all(
      Array.from({ length: 80 }, (_, k) =>
        api(k)
          .call('POST', '/api/orders', {
            body: { lines: [{ skuId, quantity: 1 }] },
            token: brand.buyers[k % brand.buyers.length].token,
            headers: { 'idempotency-key': randomUUID() },
          })
          .then((r) => r.status),
      ),
    );
    assertEqual(countBy(statuses), { 201: 50, 409: 30 }, 'order answers');
    for (const i of [0, 1, 2]) {
      const c = await sql(i);
      const [[s]] = await c.query('SELECT stock FROM skus WHERE id = ?', [skuId]);
      const [[l]] = await c.query('SELECT COALESCE(SUM(quantity), 0) AS q FROM order_lines WHERE skuId = ?', [skuId]);
      await c.end();
      assertEqual([Number(s.stock), Number(l.q)], [0, 50], `node${i + 1} stock left, units ordered`);
    }
  });

  await scenario('6 concurrent closes of a month across instances → one settlement', async () => {
    const finance = { username: `fin-${randomUUID().slice(0, 6)}`, password: `F-${randomUUID()}` };
    await api(0).expect(201, 'POST', '/api/admin/staff', { body: { ...finance, role: 'finance' }, token: adminToken });
    const { token } = await api(1).expect(200, 'POST', '/api/auth/staff', { body: finance });
    const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, k) =>
        api(k)
          .call('POST', '/api/finance/settlements', { body: { period }, token })
          .then((r) => r.status),
      ),
    );
    assertEqual(countBy(statuses), { 201: 1, 409: 5 }, 'close answers');
    const c = await sql(0);
    const [[s]] = await c.query('SELECT COUNT(*) AS n FROM settlements WHERE period = ?', [period]);
    await c.end();
    assertEqual(Number(s.n), 1, 'settlements for the period');
  });

  await scenario('a database node killed mid-load: the others keep serving, no acknowledged write lost', () =>
    nodeKillScenario({ cluster, apis, brand, sql, log, assertEqual }),
  );
  exitCode = results.every((r) => r.ok) ? 0 : 1;
} catch (e) {
  console.error('cluster: setup failed\n', e);
  results.push({ name: 'setup', ok: false });
} finally {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
  if (exitCode === 0) removeDir(dir);
  else
    console.log(
      `cluster: logs kept in ${dir} (api*/api.log) and galera logs in ${tmpdir()}/guideshare-cluster-${process.pid}/node*/error.log`,
    );
}
const passed = results.filter((r) => r.ok).length;
console.log(`cluster: ${passed} passed, ${results.length - passed} failed`);
process.exit(exitCode);
