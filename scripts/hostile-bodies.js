#!/usr/bin/env node
// Hostile request bodies against the production-built API (docs/DOMAIN.md "Operations"):
// several clients send oversized, key-stuffed, deeply nested and null-laden bodies at once while one
// client times `GET /api/health`. A body must be refused before it costs much, so the health probe's
// p99 stays under 100 ms. Runs api/dist/main.js with NODE_ENV=production on a MariaDB database of
// its own (like scripts/bench); prints the figures and exits 1 if a limit is broken.
// Usage: node scripts/hostile-bodies.js [--seconds 8] [--clients 12]
import { parseArgs } from 'node:util';
import { ReadableStream } from 'node:stream/web';
import { Worker } from 'node:worker_threads';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { createDatabase, generateKeys, makeTempDir, removeDir, startApi, tail } from './bench/lib/env.js';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '8' }, clients: { type: 'string', default: '8' } },
});
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const P99_LIMIT_MS = 100;

const keys = (n, from = 0) => Array.from({ length: n }, (_, i) => `"k${from + i}":1`).join(',');
const nest = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Each hostile body, where it goes, and the statuses that mean "refused cheaply". */
const HOSTILE = [
  {
    name: '120,000 unknown keys (1.8 MB) to staff login',
    path: '/api/auth/staff',
    body: `{"username":"admin","password":"x",${keys(120_000)}}`,
    expect: [413],
  },
  {
    name: '1.8 MB streamed without Content-Length',
    path: '/api/auth/staff',
    stream: true,
    body: `{"username":"admin","password":"x",${keys(120_000)}}`,
    expect: [413],
  },
  { name: '65 KB string field', path: '/api/auth/wechat', body: `{"code":"${'x'.repeat(65 * 1024)}"}`, expect: [413] },
  { name: '6,000 keys in 60 KB', path: '/api/auth/wechat', body: `{${keys(6000)}}`, expect: [400] },
  { name: 'nested 1,500 deep', path: '/api/auth/wechat', body: `{"code":"x","n":${nest(1500)}}`, expect: [400] },
  { name: 'nested 30,000 deep', path: '/api/auth/wechat', body: `{"n":${nest(30_000)}}`, expect: [400] },
  {
    // The most a body may cost: just under the key limit, every key unknown to the DTO.
    name: '999 unknown keys (the most allowed)',
    path: '/api/auth/staff',
    body: `{"username":"admin","password":"x",${keys(997)}}`,
    expect: [400],
  },
  { name: 'explicit null', path: '/api/auth/staff', body: '{"username":null,"password":null}', expect: [400] },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;

async function send(url, hostile) {
  const body = hostile.stream
    ? new ReadableStream({
        start(controller) {
          const bytes = Buffer.from(hostile.body);
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      })
    : hostile.body;
  try {
    const res = await fetch(`${url}${hostile.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    // The server may close a connection that keeps sending after a 413: that is a refusal too.
    const code = e.cause?.code ?? '';
    return ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code) ? 'reset' : `error ${code || e.message}`;
  }
}

/**
 * Times `GET /api/health` every 10 ms from a thread of its own, so the attackers' work in this process
 * never shows up as the API's latency. Resolves with the latencies in ms.
 */
function prober(url, deadline) {
  const code = `
    const { parentPort, workerData: { url, deadline } } = require('node:worker_threads');
    (async () => {
      const latencies = [];
      while (Date.now() < deadline) {
        const t0 = performance.now();
        const res = await fetch(url + '/api/health');
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error('GET /api/health answered ' + res.status);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 10));
      }
      parentPort.postMessage(latencies);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { url, deadline } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main() {
  const dir = makeTempDir();
  const secrets = generateKeys(dir);
  const db = await createDatabase();
  const sim = await startWechatSimulator({ keys: secrets.keys, port: 0, host: '127.0.0.1' });
  let api;
  try {
    // startApi raises the brute-force limits: every hostile body reaches the parser and the pipe.
    api = await startApi({ dir, databaseUrl: db.url, sim, secrets });
    const stats = new Map(HOSTILE.map((h) => [h.name, new Map()]));
    const deadline = Date.now() + seconds * 1000;
    let sent = 0;
    const attacker = async (i) => {
      for (let n = i; Date.now() < deadline; n++) {
        const hostile = HOSTILE[n % HOSTILE.length];
        const status = await send(api.url, hostile);
        const byStatus = stats.get(hostile.name);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        sent++;
      }
    };
    const probe = prober(api.url, deadline);
    await Promise.all(Array.from({ length: clients }, (_, i) => attacker(i)));
    const latencies = await probe;

    const sorted = latencies.sort((a, b) => a - b);
    const p = (q) => round(percentile(sorted, q));
    console.log(`hostile bodies: ${clients} clients for ${seconds} s, ${sent} requests (${round(sent / seconds)}/s)`);
    let wrong = 0;
    for (const h of HOSTILE) {
      const byStatus = stats.get(h.name);
      const shown = [...byStatus].map(([s, c]) => `${s}×${c}`).join(' ');
      const bad = [...byStatus.keys()].filter((s) => !h.expect.includes(s) && s !== 'reset');
      wrong += bad.length;
      console.log(
        `  ${bad.length ? 'WRONG' : 'ok   '} ${h.name}: ${shown || 'not sent'} (expected ${h.expect.join('/')})`,
      );
    }
    console.log(
      `GET /api/health under attack: ${sorted.length} probes, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${round(sorted.at(-1))} ms (limit p99 < ${P99_LIMIT_MS} ms)`,
    );
    const ok = wrong === 0 && p(99) < P99_LIMIT_MS && sorted.length > 0;
    console.log(`hostile-bodies: ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } catch (e) {
    console.error(e);
    if (api) console.error(tail(api.logFile));
    return false;
  } finally {
    await api?.stop();
    await sim.close();
    await db.drop();
    removeDir(dir);
  }
}

process.exit((await main()) ? 0 : 1);
