// 2. Order to commission: POST /api/orders (attribution frozen) → POST /api/orders/:id/payment (JSAPI
// prepay at the simulator, RSA both ways) → signed + encrypted TRANSACTION.SUCCESS notify → payment,
// PAID, accrual. Against one raw mysql2 transaction writing the same rows.
import { randomUUID } from 'node:crypto';
import { cpuMeter, cpuMsPrecise, findMariadbPid, round } from '../lib/meter.js';
import { cannon, closedLoop, cpuPerOp, meanCpu, median, percentiles, rawBaselineSummary } from '../lib/load.js';
import { attributedOrderRows, inReadCommitted, insertRows } from '../lib/raw-rows.js';
import { insertStatement, newId } from '../lib/seed.js';

let txCounter = 0;
/** What sim.pay() does, minus its own fetch: the payer pays, WeChat signs the notification. */
export function paidNotification(sim, outTradeNo) {
  const t = sim.state.transactions.get(outTradeNo);
  if (!t) return null;
  if (t.trade_state === 'NOTPAY') {
    const now = Date.now();
    t.trade_state = 'SUCCESS';
    t.transaction_id = `4200${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')}${String(process.pid % 1000).padStart(3, '0')}${String(++txCounter).padStart(13, '0')}`;
    t.successAt = now;
  }
  return sim.transactionNotification(outTradeNo);
}

function flowSteps({ brand, sim, stats }) {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/api/orders',
      setupRequest(req, ctx) {
        const i = n++;
        const c = brand.buyers[i % brand.buyers.length];
        const sku = brand.skus[i % brand.skus.length];
        const share = brand.shares[i % brand.shares.length];
        ctx.token = c.token;
        ctx.t0 = process.hrtime.bigint();
        req.headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${c.token}`,
          'idempotency-key': randomUUID(),
        };
        req.body = JSON.stringify({ lines: [{ skuId: sku.skuId, quantity: 1 }], shareCode: share.code });
        return req;
      },
      onResponse(status, body, ctx) {
        ctx.orderId = status === 201 ? JSON.parse(body).id : null;
        if (status !== 201) stats.fail('order', status, body);
      },
    },
    {
      method: 'POST',
      setupRequest(req, ctx) {
        if (!ctx.orderId) return null;
        req.path = `/api/orders/${ctx.orderId}/payment`;
        req.headers = { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` };
        req.body = '{}';
        return req;
      },
      onResponse(status, body, ctx) {
        ctx.outTradeNo = status === 200 ? JSON.parse(body).outTradeNo : null;
        if (status !== 200) stats.fail('prepay', status, body);
      },
    },
    {
      method: 'POST',
      path: '/api/payments/wechat/notify',
      setupRequest(req, ctx) {
        const n = ctx.outTradeNo && paidNotification(sim, ctx.outTradeNo);
        if (!n) return null;
        req.headers = n.headers;
        req.body = n.body;
        return req;
      },
      onResponse(status, body, ctx) {
        if (status === 204) stats.done(Number(process.hrtime.bigint() - ctx.t0) / 1e6);
        else stats.fail('notify', status, body);
      },
    },
  ];
}

/**
 * Where the API's CPU goes, step by step: flows run one at a time, and the API process's CPU time
 * (all threads, /proc schedstat) is read around each request. Mean CPU ms per step.
 */
async function stepCosts({ api, sim, brand, flows }) {
  const sum = { order: 0, prepay: 0, notify: 0 };
  const cpu = () => cpuMsPrecise(api.pid);
  for (let i = 0; i < flows; i++) {
    const c = brand.buyers[(i * 7) % brand.buyers.length];
    const sku = brand.skus[i % brand.skus.length];
    const share = brand.shares[i % brand.shares.length];
    let t = cpu();
    const order = await api.expect(201, 'POST', '/api/orders', {
      body: { lines: [{ skuId: sku.skuId, quantity: 1 }], shareCode: share.code },
      token: c.token,
      headers: { 'idempotency-key': randomUUID() },
    });
    sum.order += cpu() - t;
    t = cpu();
    const prepay = await api.expect(200, 'POST', `/api/orders/${order.id}/payment`, { body: {}, token: c.token });
    sum.prepay += cpu() - t;
    const n = paidNotification(sim, prepay.outTradeNo);
    t = cpu();
    const res = await fetch(`${api.url}/api/payments/wechat/notify`, {
      method: 'POST',
      headers: n.headers,
      body: n.body,
    });
    await res.arrayBuffer();
    sum.notify += cpu() - t;
    if (res.status !== 204) throw new Error(`notify → ${res.status}`);
  }
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, round(v / flows, 2)]));
}

function flowStats() {
  const s = {
    flows: 0,
    samples: [],
    failures: {},
    firstFailure: null,
    done(ms) {
      s.flows++;
      s.samples.push(ms);
    },
    fail(step, status, body) {
      const k = `${step}:${status}`;
      s.failures[k] = (s.failures[k] ?? 0) + 1;
      s.firstFailure ??= `${k} ${String(body).slice(0, 200)}`;
    },
  };
  return s;
}

/** One READ COMMITTED transaction with every row the API writes for an attributed, paid online order. */
export function rawOrderTransaction({ pool, schema, brand }) {
  return async (i) => {
    const c = brand.buyers[i % brand.buyers.length];
    const sku = brand.skus[i % brand.skus.length];
    const share = brand.shares[i % brand.shares.length];
    const guide = brand.guides.find((g) => g.id === share.guideId) ?? brand.guides[0];
    const transactionId = `bench-raw-${randomUUID()}`;
    const rows = attributedOrderRows({
      memberId: c.memberId,
      sku,
      guide: { guideId: share.guideId, storeId: share.storeId },
      order: { idempotencyKey: randomUUID(), attrShareCode: share.code },
    });
    const { now, orderId } = rows;
    await inReadCommitted(pool, async (conn) => {
      const [stock] = await conn.query('UPDATE `skus` SET `stock` = `stock` - ? WHERE `id` = ? AND `stock` >= ?', [
        1,
        sku.skuId,
        1,
      ]);
      if (stock.affectedRows !== 1) throw new Error('raw: out of stock');
      await insertRows(conn, schema, [
        [
          'visits',
          {
            id: newId(now.getTime()),
            memberId: c.memberId,
            shareCode: share.code,
            guideId: share.guideId,
            storeId: share.storeId,
            kind: share.kind,
            targetId: share.targetId,
            scene: null,
            chatType: null,
            path: null,
            visitedAt: now,
          },
        ],
      ]);
      await conn.query(
        'UPDATE `members` SET `openingGuideId` = ?, `serviceGuideId` = ?, `serviceStoreId` = ?, `boundAt` = ? WHERE `id` = ? AND `openingGuideId` IS NULL AND `serviceGuideId` IS NULL AND `serviceStoreId` IS NULL',
        [guide.id, guide.id, guide.storeId, now, c.memberId],
      );
      await insertRows(conn, schema, [rows.order, rows.line]);
      await conn.query('INSERT INTO `payment_prepays` (`orderId`, `prepayId`, `createdAt`) VALUES (?, ?, ?)', [
        orderId,
        `wx${randomUUID().replace(/-/g, '')}`,
        now,
      ]);
      const payment = insertStatement(schema, 'payments', {
        id: newId(),
        transactionId,
        orderId,
        amountFen: sku.priceFen,
        payerOpenid: c.openid,
        successTime: now,
        createdAt: now,
      });
      await conn.query(payment.sql, payment.params);
      await conn.query(
        "UPDATE `orders` SET `paidFen` = ?, `paidAt` = ?, `status` = 'PAID' WHERE `id` = ? AND `status` IN ('PENDING_PAYMENT')",
        [sku.priceFen, now, orderId],
      );
      await insertRows(conn, schema, [rows.accrual]);
    });
  };
}

export async function benchOrders({ api, sim, brand, pool, schema, opts, profile }) {
  const c = opts.flowConnections;
  const mariadb = findMariadbPid();
  const out = { connections: c, seconds: opts.duration, rounds: [] };
  const op = rawOrderTransaction({ pool, schema, brand });

  await cannon({
    url: api.url,
    connections: c,
    duration: opts.warmup,
    requests: flowSteps({ brand, sim, stats: flowStats() }),
  });
  await closedLoop({ concurrency: c, seconds: opts.warmup, op });
  // Interleaved rounds: API flows, then raw transactions, again; ratio = median of per-round ratios.
  const stats = flowStats();
  if (profile) await api.queries();
  if (profile) await api.profile('profile-start');
  for (let i = 0; i < opts.rounds; i++) {
    const before = stats.flows;
    let meter = cpuMeter({ server: api.pid, mariadb });
    const run = await cannon({
      url: api.url,
      connections: c,
      duration: opts.duration,
      requests: flowSteps({ brand, sim, stats }),
    });
    const apiCpu = meter();
    const flowsPerSecond = round((stats.flows - before) / run.seconds, 1);
    meter = cpuMeter({ server: api.pid, mariadb });
    const raw = await closedLoop({ concurrency: c, seconds: opts.duration, op });
    raw.cpuCores = meter();
    out.rounds.push({
      flowsPerSecond,
      httpRequestsPerSecond: run.rps,
      apiCpu,
      raw,
      ratio: round(flowsPerSecond / raw.rps, 4),
    });
  }
  const profileFile = profile ? await api.profile('profile-stop', 'orders') : undefined;
  const queries = profile ? await api.queries(stats.flows) : undefined;
  out.api = {
    flows: stats.flows,
    flowsPerSecond: median(out.rounds.map((r) => r.flowsPerSecond)),
    flowsPerSecondPerRound: out.rounds.map((r) => r.flowsPerSecond),
    httpRequestsPerSecond: median(out.rounds.map((r) => r.httpRequestsPerSecond)),
    flowLatencyMs: percentiles(stats.samples),
    failures: stats.failures,
    firstFailure: stats.firstFailure,
    cpuCores: meanCpu(out.rounds.map((r) => r.apiCpu)),
    cpuMsPerFlow: cpuPerOp(meanCpu(out.rounds.map((r) => r.apiCpu)), median(out.rounds.map((r) => r.flowsPerSecond))),
    ...(profileFile ? { profile: profileFile, queriesPerFlow: queries } : {}),
  };
  out.raw = rawBaselineSummary(out.rounds);
  out.ratio = median(out.rounds.map((r) => r.ratio));
  out.stepCpuMs = await stepCosts({ api, sim, brand, flows: opts.stepProbeFlows ?? 50 });
  out.target = 0.3;
  out.met = out.ratio >= out.target;
  return out;
}
