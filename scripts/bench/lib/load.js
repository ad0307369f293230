// Load generation: autocannon (npm), always aimed at 127.0.0.1, always bounded in time or amount.
import autocannon from 'autocannon';
import { round } from './meter.js';

function assertLocal(url) {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`bench: refusing to load ${url} (127.0.0.1 only)`);
}

/**
 * One autocannon run. `duration` (s) or `amount` bounds it; `requests` may chain steps with
 * setupRequest/onResponse. Returns throughput and latency in ms.
 */
export async function cannon({
  url,
  connections,
  duration,
  amount,
  requests,
  method = 'GET',
  path = '/',
  headers,
  body,
  timeout = 30,
}) {
  assertLocal(url);
  if (!duration && !amount) throw new Error('bench: unbounded load');
  const opts = {
    url: requests ? url : new URL(path, url).href,
    connections,
    pipelining: 1,
    timeout,
    ...(amount ? { amount } : { duration }),
    ...(requests ? { requests } : { method, headers, body }),
  };
  const started = process.hrtime.bigint();
  const r = await autocannon(opts);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const total = r.requests.total;
  const ok = r['2xx'];
  return {
    requests: total,
    ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: round(r.duration ?? wall, 2),
    rps: round(ok / (r.duration || wall), 0),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: round(r.latency.mean, 2),
    },
    statusCodes: r.statusCodeStats,
  };
}

/** Percentiles (ms) of a list of durations in ms. */
export function percentiles(samples) {
  if (!samples.length) return { p50: null, p90: null, p99: null, max: null, mean: null };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return {
    p50: round(at(0.5), 2),
    p90: round(at(0.9), 2),
    p99: round(at(0.99), 2),
    max: round(s[s.length - 1], 2),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2),
  };
}

/**
 * Closed-loop baseline driver for work that is not HTTP (raw mysql2 transactions): `concurrency`
 * loops call `op()` back to back for `seconds`. Same shape of result as cannon().
 */
export async function closedLoop({ concurrency, seconds, op }) {
  const latencies = [];
  let ok = 0;
  let errors = 0;
  let firstError = null;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await op(i++);
          ok++;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (e) {
          errors++;
          firstError ??= e;
        }
      }
    }),
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    requests: ok + errors,
    ok,
    errors,
    firstError: firstError ? String(firstError.message ?? firstError) : null,
    seconds: round(wall, 2),
    rps: round(ok / wall, 0),
    latencyMs: percentiles(latencies),
  };
}

export function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : round((v[m - 1] + v[m]) / 2, 4);
}

/** Average of cpuMeter() results, key by key. */
export function meanCpu(list) {
  const keys = new Set(list.flatMap((c) => Object.keys(c ?? {})));
  const out = {};
  for (const k of keys) {
    const vals = list.map((c) => c?.[k]).filter((x) => typeof x === 'number');
    out[k] = vals.length ? round(vals.reduce((a, b) => a + b, 0) / vals.length, 2) : null;
  }
  return out;
}

/** CPU milliseconds per operation for each party, from a cpuMeter() result and a rate (ops/s). */
export function cpuPerOp(cpu, rate) {
  if (!cpu || !rate) return null;
  const out = {};
  for (const k of ['server', 'mariadb', 'bench'])
    if (typeof cpu[k] === 'number') out[k] = round((cpu[k] / rate) * 1000, 3);
  return out;
}

/** The raw-SQL baseline's figures over all rounds (each round has `raw: {rps, latencyMs, errors, firstError, cpuCores}`). */
export function rawBaselineSummary(rounds) {
  const rps = median(rounds.map((r) => r.raw.rps));
  const cpuCores = meanCpu(rounds.map((r) => r.raw.cpuCores));
  return {
    rps,
    rpsPerRound: rounds.map((r) => r.raw.rps),
    latencyMs: rounds[Math.floor(rounds.length / 2)].raw.latencyMs,
    errors: rounds.reduce((a, r) => a + r.raw.errors, 0),
    firstError: rounds.find((r) => r.raw.firstError)?.raw.firstError ?? null,
    cpuCores,
    cpuMsPerTx: cpuPerOp(cpuCores, rps),
  };
}
