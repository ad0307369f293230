// 4. Cost growth. (a) Attribution decision latency as stored touches and members grow: sequential
// POST /api/orders for members whose touches are on file (no share code in the body, so the decision
// reads only stored evidence), against the raw indexed read of the same touches. (b) Settlement close
// and statement CSV export as ledger entries grow: wall time and peak RSS of the API process, against
// a plain SQL aggregate over the same rows.
import { randomUUID } from 'node:crypto';
import { mintToken } from '../lib/env.js';
import { peakRss, round, rssMb } from '../lib/meter.js';
import { routeMissing } from '../lib/api.js';
import { cannon, percentiles } from '../lib/load.js';
import { growTouches, seedLedger } from '../lib/seed.js';

const DAY = 86_400_000;
const fmtN = (n) => `10^${Math.round(Math.log10(n))}`;

export async function benchAttribution({ api, brand, pool, schema, population, secrets, opts, log }) {
  const levels = [];
  let members = 0;
  let touches = 0;
  const sku = brand.skus[brand.skus.length - 1];
  // Warm the order path (JIT, pools) so the first level is not measured cold.
  for (let k = 0; k < 60; k++) {
    const b = brand.buyers[k % brand.buyers.length];
    await api.expect(201, 'POST', '/api/orders', {
      body: { lines: [{ skuId: sku.skuId, quantity: 1 }] },
      token: b.token,
      headers: { 'idempotency-key': randomUUID() },
    });
  }
  let heavyResult = null;
  for (const [li, n] of opts.touchLevels.entries()) {
    const t0 = Date.now();
    const last = li === opts.touchLevels.length - 1;
    const { probes, heavy } = await growTouches(pool, schema, population, {
      fromMembers: members,
      members: n,
      fromTouches: touches,
      touches: n,
      probes: opts.probes,
      productId: sku.productId,
      heavy: last ? opts.heavyProbes : 0,
      heavyTouches: 500,
    });
    members = n;
    touches = n;
    const seedSeconds = round((Date.now() - t0) / 1000, 1);
    await pool.query('ANALYZE TABLE `visits`, `members`');
    log(`  attribution @ ${fmtN(n)} touches/members (seeded in ${seedSeconds} s)`);

    const m = await measureDecisions({ api, pool, secrets, sku, members: probes });
    levels.push({ touches: n, members: n, seedSeconds, touchesPerProbe: 4, ...m });
    if (last && heavy.length)
      heavyResult = {
        touches: n,
        touchesPerMember: 500,
        ...(await measureDecisions({ api, pool, secrets, sku, members: heavy })),
      };
  }
  const first = levels[0];
  for (const l of [...levels, ...(heavyResult ? [heavyResult] : [])]) {
    l.apiGrowth = round(l.apiLatencyMs.p50 / first.apiLatencyMs.p50, 2);
    l.rawGrowth = round(l.rawReadLatencyMs.p50 / first.rawReadLatencyMs.p50, 2);
  }
  const last = levels[levels.length - 1];
  return { levels, heavy: heavyResult, target: 2, met: last.apiGrowth <= 2 };
}

/**
 * Order latency for `members` (one order each, one at a time: latency, not throughput) and the raw
 * indexed read the decision needs (their touches in the window + the member row).
 */
async function measureDecisions({ api, pool, secrets, sku, members }) {
  const since = new Date(Date.now() - 7 * DAY);
  const raw = [];
  for (const memberId of members) {
    const t = process.hrtime.bigint();
    await pool.query(
      'SELECT * FROM `visits` WHERE `memberId` = ? AND `visitedAt` >= ? ORDER BY `visitedAt` DESC, `id` DESC LIMIT 500',
      [memberId, since],
    );
    await pool.query('SELECT * FROM `members` WHERE `id` = ?', [memberId]);
    raw.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const tokens = members.map((id) => mintToken(secrets.tokenSecret, id));
  const samples = [];
  const rules = {};
  let i = 0;
  const step = {
    method: 'POST',
    path: '/api/orders',
    setupRequest(req, ctx) {
      const token = tokens[i++ % tokens.length];
      req.headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      };
      req.body = JSON.stringify({ lines: [{ skuId: sku.skuId, quantity: 1 }] });
      ctx.t0 = process.hrtime.bigint();
      return req;
    },
    onResponse(status, body, ctx) {
      if (status !== 201) {
        rules[`HTTP ${status}`] = (rules[`HTTP ${status}`] ?? 0) + 1;
        return;
      }
      samples.push(Number(process.hrtime.bigint() - ctx.t0) / 1e6);
      const rule = JSON.parse(body).attribution?.rule ?? 'null';
      rules[rule] = (rules[rule] ?? 0) + 1;
    },
  };
  const run = await cannon({ url: api.url, connections: 1, amount: tokens.length, requests: [step] });
  return {
    orders: samples.length,
    rules,
    apiLatencyMs: percentiles(samples),
    rawReadLatencyMs: percentiles(raw),
    errors: run.errors + run.non2xx,
  };
}

/** Settlement periods: whole months, well in the past, one per level, in closing order. */
function periods(count) {
  const now = new Date();
  const out = [];
  for (let k = count + 1; k >= 2; k--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 15));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

const AGGREGATE = `SELECT guideId, storeId,
    SUM(CASE WHEN kind = 'accrual' THEN amountFen ELSE 0 END) AS accruedFen,
    SUM(CASE WHEN kind = 'reversal' THEN amountFen ELSE 0 END) AS reversedFen,
    SUM(CASE WHEN kind = 'adjustment' THEN amountFen ELSE 0 END) AS adjustedFen,
    SUM(amountFen) AS totalFen, COUNT(*) AS entries
  FROM ledger_entries WHERE %WHERE% GROUP BY guideId, storeId`;

async function timed(fn) {
  const t = process.hrtime.bigint();
  const result = await fn();
  return { result, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

/** Streams a response body, counting bytes without keeping it. */
async function drain(res) {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, lines };
}

export async function benchSettlement({ api, pool, schema, population, brand, opts, log, profile, restartApi }) {
  const out = { levels: [], targets: { closeSeconds: 30, closePeakRssMb: 300, csvPeakRssMb: 200 } };
  // A finance account through the admin API.
  const finance = { username: 'bench-finance', password: randomUUID() };
  await api.expect(201, 'POST', '/api/admin/staff', { body: { ...finance, role: 'finance' }, token: brand.adminToken });
  const { token } = await api.expect(200, 'POST', '/api/auth/staff', { body: finance });
  // An unknown route and an unknown period are both 404: Nest words the first "Cannot GET …".
  const closeMissing = routeMissing(await api.call('POST', '/api/finance/settlements', { body: {}, token }));
  const csvMissing = routeMissing(await api.call('GET', '/api/finance/settlements/1999-01/statements.csv', { token }));
  out.missing = [
    closeMissing && 'POST /api/finance/settlements',
    csvMissing && 'GET /api/finance/settlements/:period/statements.csv',
  ].filter(Boolean);

  const idleRss = rssMb(api.pid);
  out.apiIdleRssMb = idleRss;
  const ps = periods(opts.ledgerLevels.length);
  for (const [k, n] of opts.ledgerLevels.entries()) {
    const period = ps[k];
    const t0 = Date.now();
    await seedLedger(pool, schema, population, { count: n, period });
    await pool.query('ANALYZE TABLE `ledger_entries`');
    const level = { entries: n, period, seedSeconds: round((Date.now() - t0) / 1000, 1) };
    log(`  settlement @ ${fmtN(n)} ledger entries, period ${period} (seeded in ${level.seedSeconds} s)`);
    const [y, m] = period.split('-').map(Number);
    const cutoff = new Date(Date.UTC(y, m, 1) - 8 * 3_600_000); // end of the month in Asia/Shanghai
    const where = 'settlementId IS NULL AND availableAt < ?';
    await pool.query(AGGREGATE.replace('%WHERE%', where), [cutoff]); // warm, as the API will find it
    const agg = await timed(() => pool.query(AGGREGATE.replace('%WHERE%', where), [cutoff]));
    level.sqlAggregate = { seconds: round(agg.seconds, 3), groups: agg.result[0].length };

    if (closeMissing) {
      level.close = { missing: true };
    } else {
      if (profile) await api.profile('profile-start');
      const r = await peakRss(api.pid, () =>
        timed(() => api.call('POST', '/api/finance/settlements', { body: { period }, token, timeoutMs: 900_000 })),
      );
      const res = r.result.result;
      level.close = {
        status: res.status,
        seconds: round(r.result.seconds, 2),
        peakRssMb: r.peakRssMb,
        rssBeforeMb: r.rssBeforeMb,
        statements: Array.isArray(res.body?.statements) ? res.body.statements.length : null,
        totalFen: res.body?.totalFen ?? null,
        ...(res.status >= 300 ? { error: JSON.stringify(res.body).slice(0, 300) } : {}),
      };
      if (profile) level.close.profile = await api.profile('profile-stop', `settlement-close-${n}`);
      level.close.ratio = round(level.close.seconds / level.sqlAggregate.seconds, 2);
      level.settlementId = res.body?.id ?? null;
    }

    if (csvMissing) {
      level.csv = { missing: true };
    } else {
      const byId = level.settlementId ? 'settlementId = ?' : where;
      const aggCsv = await timed(() => pool.query(AGGREGATE.replace('%WHERE%', byId), [level.settlementId ?? cutoff]));
      level.csvSqlAggregate = { seconds: round(aggCsv.seconds, 3), groups: aggCsv.result[0].length };
      // The close leaves the API process as large as the close needed (V8 keeps its heap), so the
      // export runs in a freshly started API process (same database and keys, as after a deploy):
      // its peak RSS is then the export's own.
      await restartApi();
      await api.expect(200, 'GET', '/api/health');
      if (profile) await api.profile('profile-start');
      const r = await peakRss(api.pid, () =>
        timed(async () => {
          const res = await api.call('GET', `/api/finance/settlements/${period}/statements.csv`, {
            token,
            raw: true,
            timeoutMs: 900_000,
          });
          return { status: res.status, contentType: res.headers.get('content-type'), ...(await drain(res)) };
        }),
      );
      const res = r.result.result;
      level.csv = {
        status: res.status,
        contentType: res.contentType,
        bytes: res.bytes,
        lines: res.lines,
        seconds: round(r.result.seconds, 2),
        peakRssMb: r.peakRssMb,
        rssBeforeMb: r.rssBeforeMb,
        freshApiProcess: true,
      };
      if (profile) level.csv.profile = await api.profile('profile-stop', `settlement-csv-${n}`);
      level.csv.ratio = round(level.csv.seconds / level.csvSqlAggregate.seconds, 3);
    }
    out.levels.push(level);
  }
  const last = out.levels[out.levels.length - 1];
  out.closeMet =
    last?.close?.seconds != null && last.close.status < 300
      ? last.close.seconds < 30 && last.close.peakRssMb < 300
      : null;
  out.csvMet = last?.csv?.peakRssMb != null && last.csv.status < 300 ? last.csv.peakRssMb < 200 : null;
  return out;
}
