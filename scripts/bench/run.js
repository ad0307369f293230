#!/usr/bin/env node
// `pnpm bench [--quick] [--only=visits,orders,redemptions,attribution,settlement] [--profile]
//             [--duration=S] [--connections=N] [--json=PATH]`
// How close each hot path is to what this machine allows, and how cost grows with data. Every
// figure is a ratio against a baseline measured in the same run. See scripts/bench/README.md.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { client, setupBrand } from './lib/api.js';
import {
  ROOT,
  createDatabase,
  generateKeys,
  makeTempDir,
  removeDir,
  serverInfo,
  startApi,
  startBareFastify,
  tail,
} from './lib/env.js';
import { markdown } from './lib/report.js';
import { loadSchema, seedPopulation } from './lib/seed.js';
import { benchVisits } from './phases/visits.js';
import { benchOrders } from './phases/orders.js';
import { benchRedemptions } from './phases/redemptions.js';
import { benchAttribution, benchSettlement } from './phases/growth.js';

const ALL = ['visits', 'orders', 'redemptions', 'attribution', 'settlement'];
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'string' },
    'touch-levels': { type: 'string' },
    'ledger-levels': { type: 'string' },
    instances: { type: 'string' },
  },
});
const quick = args.quick;
const opts = {
  mode: quick ? 'quick' : 'full',
  duration: Number(args.duration ?? (quick ? 3 : 10)),
  rounds: Number(args.rounds ?? (quick ? 2 : 3)),
  warmup: quick ? 1 : 3,
  connections: Number(args.connections ?? 32),
  flowConnections: Math.max(1, Math.floor(Number(args.connections ?? 32) / 2)),
  touchLevels: args['touch-levels']
    ? args['touch-levels'].split(',').map(Number)
    : quick
      ? [1e3, 1e4, 1e5]
      : [1e3, 1e5, 1e6],
  ledgerLevels: args['ledger-levels'] ? args['ledger-levels'].split(',').map(Number) : quick ? [1e4, 1e5] : [1e5, 1e6],
  // Visits and orders are measured on one API process and again on this many (api/dist/serve.js).
  instances: Number(args.instances ?? cpus().length),
  probes: quick ? 100 : 200,
  heavyProbes: quick ? 20 : 50,
};
const only = args.only ? args.only.split(',').map((s) => s.trim()) : ALL;
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only: unknown phase ${o} (${ALL.join(', ')})`);

const log = (line) => process.stderr.write(`${line}\n`);
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const resultsDir = join(ROOT, 'bench-results');
mkdirSync(resultsDir, { recursive: true });
const profileDir = args.profile ? join(resultsDir, `profiles-${stamp}`) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      log(`cleanup: ${e.message}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().finally(() => process.exit(130)));

async function main() {
  const started = Date.now();
  log(`GuideShare bench (${opts.mode}): ${only.join(', ')}`);
  const dir = makeTempDir();
  cleanups.push(async () => removeDir(dir));
  const secrets = generateKeys(dir);
  const db = await createDatabase();
  cleanups.push(() => db.drop());
  log(`  database ${db.name}; fresh merchant/platform keys in ${dir}`);

  const sim = await startWechatSimulator({ keys: secrets.keys, port: 0, host: '127.0.0.1' });
  cleanups.push(() => sim.close());
  const apiProc = await startApi({ dir, databaseUrl: db.url, sim, secrets, profileDir });
  cleanups.push(() => apiProc.stop());
  const api = Object.assign(apiProc, client(apiProc.url));
  const bare = only.includes('visits') ? await startBareFastify({ dir }) : null;
  if (bare) cleanups.push(() => bare.stop());
  log(
    `  API (NODE_ENV=production, pid ${api.pid}) at ${api.url}; simulator at ${sim.url}${bare ? `; bare Fastify (pid ${bare.pid})` : ''}`,
  );

  const pool = db.pool(Math.max(opts.flowConnections, 8));
  cleanups.push(() => pool.end());
  const brand = await setupBrand(api, { admin: secrets.admin });
  const schema = await loadSchema(pool, db.name);
  const ctx = { api, bare, sim, brand, pool, schema, secrets, opts, log, profile: args.profile, db };
  /** Replaces the API process with a fresh one on the same database, keys and port-less config. */
  ctx.restartApi = async () => {
    await api.stop();
    const fresh = await startApi({ dir, databaseUrl: db.url, sim, secrets, profileDir });
    cleanups.push(() => fresh.stop());
    Object.assign(api, fresh, client(fresh.url));
    return api;
  };

  const phases = {};
  const errors = {};
  const attempt = async (name, fn) => {
    if (!only.includes(name.replace(/All$/, ''))) return;
    const t0 = Date.now();
    log(`- ${name}`);
    try {
      phases[name] = await fn();
    } catch (e) {
      errors[name] = e.stack ?? String(e);
      log(`  ${name} failed: ${e.message}\n${tail(api.logFile, 15)}`);
    }
    log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await attempt('visits', () => benchVisits(ctx));
  await attempt('orders', () => benchOrders(ctx));
  if (opts.instances > 1 && (only.includes('visits') || only.includes('orders'))) {
    const all = await startApi({ dir, databaseUrl: db.url, sim, secrets, workers: opts.instances });
    cleanups.push(() => all.stop());
    log(
      `  API ×${opts.instances} (supervisor pid ${all.pid[0]}, workers ${all.pid.slice(1).join(', ')}) at ${all.url}`,
    );
    const allCtx = { ...ctx, api: Object.assign(all, client(all.url)), profile: false };
    await attempt('visitsAll', () => (only.includes('visits') ? benchVisits(allCtx) : undefined));
    await attempt('ordersAll', () => (only.includes('orders') ? benchOrders(allCtx) : undefined));
    await all.stop();
  }
  await attempt('redemptions', () => benchRedemptions(ctx));
  if (only.includes('attribution') || only.includes('settlement')) {
    ctx.population = await seedPopulation(pool, schema, {
      stores: 100,
      guides: 1000,
      productId: brand.skus[0].productId,
    });
  }
  await attempt('attribution', () => benchAttribution(ctx));
  await attempt('settlement', () => benchSettlement(ctx));

  const result = {
    generatedAt: new Date().toISOString(),
    mode: opts.mode,
    seconds: Math.round((Date.now() - started) / 1000),
    options: opts,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      mariadb: await serverInfo(),
      commit: (() => {
        try {
          return (
            execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim() +
            (execSync('git status --porcelain api packages', { cwd: ROOT }).toString().trim() ? '+dirty' : '')
          );
        } catch {
          return null;
        }
      })(),
    },
    setup: {
      api: 'api/dist/main.js in a child process, NODE_ENV=production, fresh RSA merchant/platform keys + APIv3 key per run, MariaDB bench database per run',
      simulator:
        'startWechatSimulator({ keys }) in the bench process (prepay); notifications built by the simulator, delivered by autocannon',
      loadGenerator: `autocannon ${opts.connections} connections (flows: ${opts.flowConnections}), ${opts.rounds} interleaved rounds of ${opts.duration} s per side after a ${opts.warmup} s warm-up, 127.0.0.1 only`,
      cpu: 'Two cores shared by the API process, MariaDB and the bench process (autocannon + simulator + raw mysql2 baselines); each row records the cores each used',
    },
    phases,
    errors,
  };
  const table = markdown(result);
  const jsonPath = args.json ?? join(resultsDir, `bench-${opts.mode}-${stamp}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDir, `latest-${opts.mode}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDir, `latest-${opts.mode}.md`), `${table}\n`);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`JSON: ${jsonPath}\n`);
  if (profileDir) process.stdout.write(`CPU profiles: ${profileDir}\n`);
  log(`done in ${result.seconds} s`);
  return Object.keys(errors).length ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    log(e.stack ?? String(e));
    await cleanup();
    process.exit(1);
  });
