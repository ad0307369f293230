// 3. Counter redemptions (POST /api/pos/redemptions, X-Store-Key), written against docs/DOMAIN.md's contract:
// one member code per receipt (a code is good for one receipt only), one unique receiptNo per request.
// Against one raw mysql2 transaction writing the rows of an attributed store sale (order, line,
// accrual, the code's use).
import { randomInt, randomUUID } from 'node:crypto';
import { issueMemberCode } from '../../../api/dist/members/member-code.js';
import { cpuMeter, findMariadbPid, round } from '../lib/meter.js';
import { routeMissing } from '../lib/api.js';
import { cannon, closedLoop, cpuPerOp, meanCpu, median, percentiles, rawBaselineSummary } from '../lib/load.js';
import { attributedOrderRows, inReadCommitted, insertRows } from '../lib/raw-rows.js';
import { bulkInsert, newId } from '../lib/seed.js';

/** Members enough for one code each, per request of the run: at most this many redemptions per minute. */
const COUNTER_MEMBERS = 50_000;

/**
 * Counter customers as the buyers are (each opened a guide's card the day before), straight into the
 * database: a member code redeems one receipt, so every request needs a code of its own. Their codes
 * are minted at send time with the API's own member-code module and secret.
 */
async function seedCounterMembers({ pool, schema, brand, count }) {
  const now = Date.now();
  const run = randomUUID().slice(0, 8);
  const codeNos = new Set();
  while (codeNos.size < count) codeNos.add(String(randomInt(0, 10 ** 10)).padStart(10, '0'));
  const members = [...codeNos].map((codeNo, i) => ({
    id: newId(now - 86_400_000),
    codeNo,
    openid: `bench-${run}-${i}`,
  }));
  await bulkInsert(
    pool,
    schema,
    'members',
    ['id', 'openid', 'codeNo', 'createdAt'],
    members.map((m) => [m.id, m.openid, m.codeNo, new Date(now - 86_400_000)]),
    { ignore: true },
  );
  const visits = members.map((m, i) => {
    const card = brand.shares[i % brand.shares.length];
    return [
      newId(now - 86_400_000),
      m.id,
      card.code,
      card.guideId,
      card.storeId,
      card.kind,
      card.targetId,
      new Date(now - 86_400_000),
    ];
  });
  await bulkInsert(
    pool,
    schema,
    'visits',
    ['id', 'memberId', 'shareCode', 'guideId', 'storeId', 'kind', 'targetId', 'visitedAt'],
    visits,
  );
  return members.map((m) => m.codeNo);
}

function redemptionStep({ brand, codes, samples, stats }) {
  let n = 0;
  const run = randomUUID().slice(0, 8);
  const sku = brand.skus[0];
  return {
    method: 'POST',
    path: '/api/pos/redemptions',
    setupRequest(req, ctx) {
      const i = n++;
      req.headers = { 'content-type': 'application/json', 'x-store-key': brand.counterKey };
      req.body = JSON.stringify({
        memberCode: codes.next(),
        receiptNo: `R${run}-${i}`,
        amountFen: sku.priceFen,
        lines: [{ skuId: sku.skuId, quantity: 1, amountFen: sku.priceFen }],
      });
      ctx.t0 = process.hrtime.bigint();
      return req;
    },
    onResponse(status, body, ctx) {
      if (status === 201 || status === 200) samples?.push(Number(process.hrtime.bigint() - ctx.t0) / 1e6);
      else if (stats) {
        stats.failures[status] = (stats.failures[status] ?? 0) + 1;
        stats.firstFailure ??= `${status} ${String(body).slice(0, 200)}`;
      }
    },
  };
}

/** The rows of one redeemed, attributed store sale in one READ COMMITTED transaction. */
function rawRedemption({ pool, schema, brand }) {
  const storeId = brand.stores[0].id;
  const sku = brand.skus[0];
  return async (i) => {
    const c = brand.buyers[i % brand.buyers.length];
    const guide = brand.guides[i % brand.guides.length];
    const now = new Date();
    const rows = attributedOrderRows({
      now,
      memberId: c.memberId,
      sku,
      guide: { guideId: guide.id, storeId: guide.storeId },
      order: {
        channel: 'store',
        status: 'PAID',
        storeId,
        paidFen: sku.priceFen,
        receiptNo: `raw-${randomUUID()}`,
        paidAt: now,
      },
    });
    // The code's one use (its primary key is the API's guard against a second receipt).
    const use = {
      memberId: c.memberId,
      step: randomInt(0, 2 ** 31 - 1),
      storeId,
      receiptNo: `RAW-${rows.orderId}`,
      usedAt: now,
    };
    await inReadCommitted(pool, (conn) =>
      insertRows(conn, schema, [['member_code_uses', use], rows.order, rows.line, rows.accrual]),
    );
  };
}

export async function benchRedemptions({ api, brand, pool, schema, secrets, opts, profile }) {
  const c = opts.flowConnections;
  const mariadb = findMariadbPid();
  const out = { connections: c, seconds: opts.duration, rounds: [] };
  // Does the contract exist yet? Unknown routes answer 404 "Cannot POST …".
  const probe = await api.call('POST', '/api/pos/redemptions', {
    body: {},
    headers: { 'x-store-key': brand.counterKey },
  });
  const codeProbe = await api.call('GET', '/api/members/me/code', { token: brand.buyers[0].token });
  let codes = null;
  if (routeMissing(probe) || routeMissing(codeProbe)) {
    out.missing = routeMissing(probe) ? 'POST /api/pos/redemptions' : 'GET /api/members/me/code';
  } else {
    const codeNos = await seedCounterMembers({ pool, schema, brand, count: COUNTER_MEMBERS });
    const secret = `${secrets.tokenSecret}:member-code`;
    let next = 0;
    codes = { next: () => issueMemberCode(secret, codeNos[next++ % codeNos.length], Date.now()).code };
  }
  const op = rawRedemption({ pool, schema, brand });
  if (codes)
    await cannon({ url: api.url, connections: c, duration: opts.warmup, requests: [redemptionStep({ brand, codes })] });
  await closedLoop({ concurrency: c, seconds: opts.warmup, op });

  const samples = [];
  const stats = { failures: {}, firstFailure: null };
  if (profile && codes) await api.queries();
  if (profile && codes) await api.profile('profile-start');
  for (let i = 0; i < opts.rounds; i++) {
    const r = {};
    if (codes) {
      const meter = cpuMeter({ server: api.pid, mariadb });
      r.api = await cannon({
        url: api.url,
        connections: c,
        duration: opts.duration,
        requests: [redemptionStep({ brand, codes, samples, stats })],
      });
      r.api.cpuCores = meter();
    }
    const meter = cpuMeter({ server: api.pid, mariadb });
    r.raw = await closedLoop({ concurrency: c, seconds: opts.duration, op });
    r.raw.cpuCores = meter();
    r.ratio = r.api ? round(r.api.rps / r.raw.rps, 4) : null;
    out.rounds.push(r);
  }
  const profileFile = profile && codes ? await api.profile('profile-stop', 'redemptions') : undefined;
  const queries = profile && codes ? await api.queries(samples.length) : undefined;
  out.api = codes
    ? {
        rps: median(out.rounds.map((r) => r.api.rps)),
        rpsPerRound: out.rounds.map((r) => r.api.rps),
        ok: out.rounds.reduce((a, r) => a + r.api.ok, 0),
        non2xx: out.rounds.reduce((a, r) => a + r.api.non2xx, 0),
        latencyMsHiRes: percentiles(samples),
        failures: stats.failures,
        firstFailure: stats.firstFailure,
        cpuCores: meanCpu(out.rounds.map((r) => r.api.cpuCores)),
        cpuMsPerRequest: cpuPerOp(
          meanCpu(out.rounds.map((r) => r.api.cpuCores)),
          median(out.rounds.map((r) => r.api.rps)),
        ),
        ...(profileFile ? { profile: profileFile, queriesPerRequest: queries } : {}),
      }
    : null;
  out.raw = rawBaselineSummary(out.rounds);
  out.ratio = codes ? median(out.rounds.map((r) => r.ratio)) : null;
  return out;
}
