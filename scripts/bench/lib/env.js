// The bench's world: fresh keys, a throw-away MariaDB database, the API and a bare Fastify server in
// child processes (CPU and memory accounting: meter.js). Everything listens on 127.0.0.1.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, createHmac } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { round } from './meter.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BENCH_DIR = join(ROOT, 'scripts/bench');
const HOST = '127.0.0.1';
export const DB_SERVER = { host: HOST, port: 3306, user: 'root', password: '' };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

const hex = (n) => randomBytes(n).toString('hex');
const alnum = (n) =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(0, n);

/** Fresh, never-demo credentials for one run: merchant + platform RSA pairs, APIv3 key, secrets. */
export function generateKeys(dir) {
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  };
  const merchant = pair();
  const platform = pair();
  const keys = {
    appId: `wx${hex(8)}`,
    appSecret: hex(16),
    mchid: String(1_900_000_000 + Math.floor(Math.random() * 99_999_999)),
    merchantSerial: hex(20).toUpperCase(),
    merchantPrivateKeyPem: merchant.priv,
    merchantPublicKeyPem: merchant.pub,
    platformSerial: hex(20).toUpperCase(),
    platformPrivateKeyPem: platform.priv,
    platformPublicKeyPem: platform.pub,
    apiV3Key: alnum(32),
    corpId: `ww${hex(8)}`,
    corpSecret: alnum(43),
  };
  const files = {
    merchantPrivateKey: join(dir, 'merchant_private_key.pem'),
    platformPublicKey: join(dir, 'platform_public_key.pem'),
  };
  writeFileSync(files.merchantPrivateKey, keys.merchantPrivateKeyPem, { mode: 0o600 });
  writeFileSync(files.platformPublicKey, keys.platformPublicKeyPem);
  return { keys, files, tokenSecret: alnum(48), admin: { username: 'bench-admin', password: alnum(24) } };
}

export function makeTempDir() {
  return mkdtempSync(join(tmpdir(), 'guideshare-bench-'));
}

// ---------------------------------------------------------------- database

export async function createDatabase() {
  const name = `guideshare_bench_${Date.now().toString(36)}_${hex(3)}`;
  const conn = await mysql.createConnection(DB_SERVER);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    name,
    url: `mariadb://root@${HOST}:3306/${name}`,
    pool: (connectionLimit = 8) =>
      mysql.createPool({
        ...DB_SERVER,
        database: name,
        connectionLimit,
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: true,
        multipleStatements: false,
      }),
    async drop() {
      const c = await mysql.createConnection(DB_SERVER);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export async function serverInfo() {
  const conn = await mysql.createConnection(DB_SERVER);
  const [[row]] = await conn.query(
    'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool, @@innodb_flush_log_at_trx_commit AS flushAtCommit, @@tx_isolation AS isolation',
  );
  await conn.end();
  return {
    version: row.version,
    innodbBufferPoolMb: Number(row.bufferPool) / 1048576,
    innodbFlushLogAtTrxCommit: Number(row.flushAtCommit),
    defaultIsolation: row.isolation,
  };
}

// ---------------------------------------------------------------- child processes

async function waitForHttp(url, child, logFile, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: process exited (${child.exitCode}) before it answered\n${tail(logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${tail(logFile)}`);
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function childHandle(child, name, logFile, url) {
  return {
    name,
    pid: child.pid,
    url,
    logFile,
    child,
    /** Starts / stops a V8 CPU profile inside the child (api-process.js); returns the file written. */
    profile(cmd, label) {
      return new Promise((resolveMsg, reject) => {
        const id = hex(4);
        const onMessage = (m) => {
          if (m?.id !== id) return;
          child.off('message', onMessage);
          if (m.error) reject(new Error(m.error));
          else resolveMsg(m.file ?? null);
        };
        child.on('message', onMessage);
        child.send({ id, cmd, label });
      });
    },
    /** `--profile` only: SQL statements sent since the last call, by kind and table; divided by `ops`. */
    async queries(ops) {
      const counts = await this.profile('queries');
      if (!ops) return counts;
      const per = Object.fromEntries(
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, round(v / ops, 2)]),
      );
      return { total: round(Object.values(counts).reduce((a, b) => a + b, 0) / ops, 2), ...per };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The API as in production: compiled `api/dist/main.js`, NODE_ENV=production, configured only by the
 * environment (docs/DOMAIN.md), fresh keys, a separate process from the load generator. It runs through
 * api-process.js, which only adds an IPC channel for optional CPU profiling.
 */
export async function startApi({ dir, databaseUrl, sim, secrets, profileDir, workers }) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    TOKEN_SECRET: secrets.tokenSecret,
    WECHAT_APPID: secrets.keys.appId,
    WECHAT_SECRET: secrets.keys.appSecret,
    WECHAT_API_BASE: sim.url,
    WECHATPAY_API_BASE: sim.url,
    WECHATPAY_MCHID: secrets.keys.mchid,
    WECHATPAY_MCH_SERIAL: secrets.keys.merchantSerial,
    WECHATPAY_MCH_PRIVATE_KEY_FILE: secrets.files.merchantPrivateKey,
    WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: secrets.files.platformPublicKey,
    WECHATPAY_PLATFORM_SERIAL: secrets.keys.platformSerial,
    WECHATPAY_APIV3_KEY: secrets.keys.apiV3Key,
    WECHATPAY_NOTIFY_URL: `http://${HOST}:${port}/api/payments/wechat/notify`,
    WECOM_CORPID: secrets.keys.corpId,
    WECOM_SECRET: secrets.keys.corpSecret,
    ADMIN_USERNAME: secrets.admin.username,
    ADMIN_PASSWORD: secrets.admin.password,
    // The load comes from one address and drives one store key far past the brute-force limits (the
    // bench measures throughput, not throttling): raise them so no request is refused with 429.
    THROTTLE_AUTH_PER_CLIENT: '1000000/1m',
    THROTTLE_STAFF_PER_CLIENT: '1000000/1m',
    THROTTLE_STAFF_PER_USERNAME: '1000000/1m',
    THROTTLE_POS_PER_KEY: '1000000/1m',
    // One JSON line per request would cost the API CPU and fill api.log: warnings and errors only
    // (BENCH_API_ENV_LOG_LEVEL=info measures with request logs).
    LOG_LEVEL: 'warn',
    BENCH_API_MAIN: resolve(ROOT, process.env.BENCH_API_DIST ?? 'api/dist', 'main.js'),
    ...(profileDir ? { BENCH_PROFILE_DIR: profileDir, BENCH_COUNT_QUERIES: '1' } : {}),
    // Experiments: BENCH_API_ENV_FOO=1 reaches the API as FOO=1 (e.g. NODE_OPTIONS, MALLOC_ARENA_MAX).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith('BENCH_API_ENV_'))
        .map(([k, v]) => [k.slice('BENCH_API_ENV_'.length), v]),
    ),
  };
  const logFile = join(dir, workers ? `api-${workers}-workers.log` : 'api.log');
  const log = openSync(logFile, 'a');
  // `workers`: the production supervisor (api/dist/serve.js), one API process per worker on one port.
  const child = workers
    ? spawn(process.execPath, [resolve(dirname(env.BENCH_API_MAIN), 'serve.js')], {
        env: { ...env, API_WORKERS: String(workers) },
        stdio: ['ignore', log, log],
        cwd: ROOT,
      })
    : spawn(process.execPath, [join(BENCH_DIR, 'api-process.js')], {
        env,
        stdio: ['ignore', log, log, 'ipc'],
        cwd: ROOT,
      });
  closeSync(log);
  const url = `http://${HOST}:${port}`;
  await waitForHttp(`${url}/api/health`, child, logFile);
  const handle = childHandle(child, workers ? `api×${workers}` : 'api', logFile, url);
  if (!workers) return handle;
  for (let i = 0; i < 200 && childPids(child.pid).length < workers; i++) await sleep(100);
  // CPU accounting sums the supervisor and its workers.
  return Object.assign(handle, { pid: [child.pid, ...childPids(child.pid)], workers });
}

/** Processes whose parent is `pid` (the API workers of a supervisor). */
function childPids(pid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** The ceiling: bare Fastify (the API's own copy) answering a GET, same production setup. */
export async function startBareFastify({ dir }) {
  const port = await freePort();
  const logFile = join(dir, 'bare.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(BENCH_DIR, 'bare-server.js')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST },
    stdio: ['ignore', log, log, 'ipc'],
    cwd: ROOT,
  });
  closeSync(log);
  const url = `http://${HOST}:${port}`;
  await waitForHttp(`${url}/ping`, child, logFile);
  return childHandle(child, 'bare-fastify', logFile, url);
}

// ---------------------------------------------------------------- tokens

const b64url = (s) => Buffer.from(s).toString('base64url');
/** An HS256 bearer token exactly as the API issues it (tokens.ts), for members seeded by SQL. */
export function mintToken(secret, sub, role = 'consumer') {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256' }));
  const body = b64url(JSON.stringify({ role, sub, iss: 'guideshare', iat: now, exp: now + 7 * 86400 }));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
