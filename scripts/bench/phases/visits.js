// 1. Visit recording (POST /api/visits) against a bare Fastify GET, same connections, same duration,
// interleaved in rounds (bare, Nest, visits, bare, Nest, visits, …) so that a neighbour's burst of CPU
// hits both sides; the ratio is the median of the per-round ratios.
import { cpuMeter, findMariadbPid, round } from '../lib/meter.js';
import { cannon, cpuPerOp, median, meanCpu, percentiles } from '../lib/load.js';

/** A request step that rotates consumers and share codes and times each request (hrtime, ms). */
function visitStep(brand, samples) {
  let n = 0;
  return {
    method: 'POST',
    path: '/api/visits',
    setupRequest(req, ctx) {
      const c = brand.consumers[n % brand.consumers.length];
      const s = brand.shares[n++ % brand.shares.length];
      req.headers = { 'content-type': 'application/json', authorization: `Bearer ${c.token}` };
      req.body = JSON.stringify({ shareCode: s.code, scene: 1007, chatType: 1, path: s.path });
      ctx.t0 = process.hrtime.bigint();
      return req;
    },
    onResponse(status, _body, ctx) {
      if (samples && status === 202 && ctx.t0) samples.push(Number(process.hrtime.bigint() - ctx.t0) / 1e6);
    },
  };
}

export async function benchVisits({ api, bare, brand, opts, profile }) {
  const c = opts.connections;
  const mariadb = findMariadbPid();
  const out = { connections: c, seconds: opts.duration, rounds: [] };
  const measure = async (target, run) => {
    const meter = cpuMeter({ server: target.pid, mariadb });
    const r = await run();
    r.cpuCores = meter();
    return r;
  };

  // Warm-up: JIT and connection pools on every path.
  await cannon({ url: bare.url, path: '/ping', connections: c, duration: opts.warmup });
  await cannon({ url: api.url, path: '/api/health', connections: c, duration: opts.warmup });
  await cannon({ url: api.url, connections: c, duration: opts.warmup, requests: [visitStep(brand)] });

  const samples = [];
  if (profile) await api.queries();
  if (profile) await api.profile('profile-start');
  for (let i = 0; i < opts.rounds; i++) {
    const bareGet = await measure(bare, () =>
      cannon({ url: bare.url, path: '/ping', connections: c, duration: opts.duration }),
    );
    const nestGet = await measure(api, () =>
      cannon({ url: api.url, path: '/api/health', connections: c, duration: opts.duration }),
    );
    const visits = await measure(api, () =>
      cannon({ url: api.url, connections: c, duration: opts.duration, requests: [visitStep(brand, samples)] }),
    );
    out.rounds.push({
      bareGet,
      nestGet,
      visits,
      ratio: round(visits.rps / bareGet.rps, 4),
      nestGetRatio: round(nestGet.rps / bareGet.rps, 3),
    });
  }
  if (profile) out.profile = await api.profile('profile-stop', 'visits');
  const ok = out.rounds.reduce((a, r) => a + r.visits.ok, 0);
  if (profile) out.queriesPerRequest = await api.queries(ok);

  const pick = (k) => out.rounds.map((r) => r[k]);
  out.bareGet = summary(pick('bareGet'));
  out.nestGet = summary(pick('nestGet'));
  out.visits = { ...summary(pick('visits')), latencyMsHiRes: percentiles(samples) };
  out.ratio = median(pick('ratio'));
  out.nestGetRatio = median(pick('nestGetRatio'));
  out.target = 0.1;
  out.met = out.ratio >= out.target;
  return out;
}

/** Median throughput over rounds, latency of the median round, errors summed, CPU averaged. */
function summary(runs) {
  const rps = median(runs.map((r) => r.rps));
  const mid = runs.reduce((best, r) => (Math.abs(r.rps - rps) < Math.abs(best.rps - rps) ? r : best), runs[0]);
  return {
    rps,
    rpsPerRound: runs.map((r) => r.rps),
    latencyMs: mid.latencyMs,
    ok: runs.reduce((a, r) => a + r.ok, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    statusCodes: mid.statusCodes,
    cpuCores: meanCpu(runs.map((r) => r.cpuCores)),
    cpuMsPerRequest: cpuPerOp(meanCpu(runs.map((r) => r.cpuCores)), median(runs.map((r) => r.rps))),
  };
}
