// The console's browser test in `pnpm test`: boots the real API on a fresh MariaDB database (with
// migrations) and the WeChat simulator on free ports, seeds the demo brand, prepares what the flows
// need through the API itself (paid online orders, the day's trade bill with a planted difference,
// a member code), then drives packages/console/e2e/console.e2e.js in headless Chromium.
// Needs the console build (`pnpm --filter @guideshare/console build`) and `tsc -b`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { cstDate, parseTradeBill, renderTradeBill, WechatPayClient } from '@guideshare/wechat';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { client, HttpError } from './bench/lib/api.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const consoleDist = join(root, 'packages', 'console', 'dist');
if (!existsSync(join(consoleDist, 'index.html'))) {
  console.error('packages/console/dist is missing: run `pnpm --filter @guideshare/console build` first');
  process.exit(1);
}

const { createApp } = await import('../api/dist/bootstrap.js');
const { loadConfig } = await import('../api/dist/config/app-config.js');
const { DEMO_DEFAULTS } = await import('../api/dist/config/demo-defaults.js');
const { freePort } = await import('../api/dist/common/free-port.js');
const { seedDemo } = await import('../api/dist/seed/demo-seed.js');
const { runConsoleE2E } = await import('../packages/console/e2e/console.e2e.js');

const SERVER = (process.env.TEST_DATABASE_SERVER ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
const dbName = `gs_console_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const admin = await mysql.createConnection(SERVER.replace(/^mariadb:/, 'mysql:'));
await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

const work = mkdtempSync(join(tmpdir(), 'gs-console-e2e-'));
const sim = await startWechatSimulator({ port: 0 });
const port = await freePort();
const config = loadConfig(
  {
    DATABASE_URL: `${SERVER}/${dbName}`,
    PORT: String(port),
    WECHAT_API_BASE: sim.url,
    WECHATPAY_API_BASE: sim.url,
    WECHAT_SIMULATOR_URL: sim.url,
    CONSOLE_DIR: consoleDist,
  },
  DEMO_DEFAULTS,
);
const app = await createApp(config, { logger: ['error'] });
await app.listen({ port, host: '127.0.0.1' });
const url = `http://127.0.0.1:${port}`;
console.log(`API on MariaDB (${dbName}) at ${url}, simulator ${sim.url}`);

const api = client(url);
/** Any 2xx answer's body (undefined when empty); anything else throws with the status and body. */
async function call(method, path, body, token, headers = {}) {
  const res = await api.call(method, path, { body, token, headers });
  if (res.status < 200 || res.status > 299) throw new HttpError(method, path, res.status, res.body);
  return res.body ?? undefined;
}

let code;
try {
  const seed = await seedDemo(app);
  const guide = seed.guides[0]; // 王小美, 上海南京西路店
  const store = seed.stores[0];
  const adminToken = (await call('POST', '/api/auth/staff', { username: 'admin', password: 'admin-demo-password' }))
    .token;
  const accounts = {
    admin: { username: 'admin', password: 'admin-demo-password' },
    finance: { username: 'finance-e2e', password: 'finance-e2e-password' },
    clerk: { username: 'clerk-e2e', password: 'clerk-e2e-password' },
  };
  await call('POST', '/api/admin/staff', { ...accounts.finance, role: 'finance' }, adminToken);
  let clerkReady = true;
  try {
    await call('POST', '/api/admin/staff', { ...accounts.clerk, role: 'clerk', storeId: store.id }, adminToken);
  } catch (e) {
    clerkReady = false;
    console.log(`  (no clerk role on this server yet: ${e.message.slice(0, 80)})`);
  }
  // POST /api/admin/uploads without a file: 400 where the endpoint exists, 404 where it does not yet.
  const uploadsReady =
    (await fetch(`${url}/api/admin/uploads`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } }))
      .status !== 404;
  // Commission available at once, so this month's close has statements to show.
  const policy = await call('GET', '/api/admin/policy', undefined, adminToken);
  const { version: _v, createdAt: _c, ...rest } = policy;
  await call('PUT', '/api/admin/policy', { ...rest, coolingOffDays: 0 }, adminToken);

  // Two online sales through 王小美's share, paid through the simulator.
  const guideToken = (await call('POST', '/api/auth/guide', { code: `${guide.wecomUserId}.e2e` })).token;
  const products = await call('GET', '/api/products');
  const sku = products[0].skus[0];
  const orders = [];
  let buyerToken;
  let memberId;
  for (let i = 0; i < 2; i++) {
    const card = await call('POST', '/api/shares', { kind: 'product', targetId: products[0].id }, guideToken);
    const buyer = await call('POST', '/api/auth/wechat', {
      code: `console-e2e-${i}.${randomBytes(4).toString('hex')}`,
    });
    buyerToken ??= buyer.token;
    memberId ??= buyer.member.id;
    await call('POST', '/api/visits', { shareCode: card.code, scene: 1007, chatType: 1 }, buyer.token);
    const order = await call('POST', '/api/orders', { lines: [{ skuId: sku.id, quantity: 1 + i }] }, buyer.token, {
      'idempotency-key': `e2e-order-${i}-${randomBytes(4).toString('hex')}`,
    });
    const prepay = await call('POST', `/api/orders/${order.id}/payment`, {}, buyer.token);
    const status = await sim.pay(prepay.outTradeNo);
    if (status !== 204) throw new Error(`payment notify answered ${status}`);
    orders.push(order);
  }

  // The trade bill of the payments' day from WeChat Pay, with the second payment's amount changed by ¥1.00.
  const paidAt = (await call('GET', `/api/orders/${orders[1].id}`, undefined, adminToken)).paidAt;
  const billDate = cstDate(Date.parse(paidAt));
  const bill = await app.get(WechatPayClient).tradeBill(billDate);
  const { rows } = parseTradeBill(bill);
  const planted = rows.find((r) => r.tradeState === 'SUCCESS' && r.outTradeNo === orders[1].id.replace(/-/g, ''));
  if (!planted) throw new Error('the bill lacks the second payment');
  const plantedFen = planted.orderTotalFen - 100;
  const tampered = rows.map((r) =>
    r === planted ? { ...r, orderTotalFen: plantedFen, settlementTotalFen: plantedFen } : r,
  );
  const billFile = join(work, `trade-bill-${billDate}.csv`);
  writeFileSync(billFile, renderTradeBill(tampered));

  const memberCode = (await call('GET', '/api/members/me/code', undefined, buyerToken)).code;
  code = await runConsoleE2E({
    baseUrl: `${url}/console/`,
    accounts,
    clerkReady,
    uploadsReady,
    guide: { id: guide.id, name: guide.name },
    store,
    otherStore: seed.stores[1],
    bill: {
      file: billFile,
      transactionId: planted.transactionId,
      billFen: plantedFen,
      ledgerFen: planted.orderTotalFen,
    },
    memberCode,
    memberId,
    period: billDate.slice(0, 7),
    downloads: work,
  });
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await app.close();
  await sim.close();
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
