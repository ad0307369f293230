// Finance in the console: the month close previewed (the same computation, nothing written), and
// reconciliation runs kept and read back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReconciliationRun, ReconciliationRunSummary, Settlement, SettlementPreview } from '@guideshare/contracts';
import { cstDate, parseTradeBill, renderTradeBill, WechatPayClient } from '@guideshare/wechat';
import { createBrand, type Brand } from './support/fixtures.js';
import { financeToken, paidOrder, sql } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let finance: string;
let clerk: string;

const dbTime = (iso: string) => iso.replace('T', ' ').replace('Z', '');
const availableAt = (where: string, params: unknown[], iso: string) =>
  sql(stack, `UPDATE ledger_entries SET availableAt = ? WHERE ${where}`, [dbTime(iso), ...params]);
const preview = (period: string, token = finance) =>
  stack.client.get<SettlementPreview>(`/api/finance/settlements/${period}/preview`, token);
const close = (period: string) => stack.client.post<Settlement>('/api/finance/settlements', { period }, finance);

/** Everything a close writes: settlements, statements, and which entries are settled where. */
const written = async () => ({
  settlements: await sql(stack, 'SELECT * FROM settlements ORDER BY id'),
  statements: await sql(stack, 'SELECT * FROM settlement_statements ORDER BY id'),
  settled: await sql(stack, 'SELECT id, settlementId FROM ledger_entries ORDER BY id'),
});

/** What a close answers, without what only a written settlement has (id, closedAt). */
const closeResult = ({ id: _id, closedAt: _closedAt, statements, ...rest }: Settlement) => ({
  ...rest,
  statements: [...(statements ?? [])].sort((a, b) => a.guideId.localeCompare(b.guideId)),
});
const previewResult = ({ statements, ...rest }: SettlementPreview) => ({
  ...rest,
  statements: [...statements].sort((a, b) => a.guideId.localeCompare(b.guideId)),
});

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack, { productRateBps: 800, categoryRateBps: 800 });
  finance = await financeToken(stack, brand.admin);
  const password = 'clerk-password-1';
  await stack.client.post(
    '/api/admin/staff',
    { username: 'clerk.sh', password, role: 'clerk', storeId: brand.stores[0].id },
    brand.admin,
  );
  clerk = (await stack.client.post('/api/auth/staff', { username: 'clerk.sh', password })).body.token;
});
afterAll(async () => stack?.close());

describe('settlement preview', () => {
  it('equals the close that follows it and writes nothing, openings carried included', async () => {
    const g0 = brand.guides[0];
    const g1 = brand.guides[1];
    const { order: o1 } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 0); // 800
    const { order: o2 } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 3 }], 1); // 799
    const adj = await stack.client.post(
      '/api/finance/adjustments',
      { guideId: g1.id, amountFen: -1500, reason: '扣回多发佣金' },
      finance,
    );
    expect(adj.status).toBe(201);
    await availableAt('orderId IN (?, ?)', [o1.id, o2.id], '2024-03-10T00:00:00.000Z');
    await availableAt('id = ?', [adj.body.id], '2024-03-20T00:00:00.000Z');

    const before = await written();
    const march = await preview('2024-03');
    expect(march.status).toBe(200);
    expect(await written()).toEqual(before);
    expect(march.body).toMatchObject({ period: '2024-03', totalFen: 800, entriesFen: 800 + 799 - 1500, entryCount: 3 });
    expect(march.body.statements.find((s) => s.guideId === g1.id)).toMatchObject({
      accruedFen: 799,
      adjustedFen: -1500,
      closingFen: -701,
      payableFen: 0,
      carriedForwardFen: -701,
    });
    expect(march.body.carriedForwardFen).toBe(-701);
    const closedMarch = await close('2024-03');
    expect(closedMarch.status).toBe(201);
    expect(closeResult(closedMarch.body)).toEqual(previewResult(march.body));
    expect(march.body.statements.map((s) => s.guideId).sort()).toEqual([g0.id, g1.id].sort());

    // April opens with March's negative closing.
    const { order: o3 } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }], 1); // 1600
    await availableAt('orderId = ?', [o3.id], '2024-04-02T00:00:00.000Z');
    const beforeApril = await written();
    const april = await preview('2024-04');
    expect(await written()).toEqual(beforeApril);
    expect(april.body.statements).toEqual([
      expect.objectContaining({ guideId: g1.id, openingFen: -701, accruedFen: 1600, closingFen: 899, payableFen: 899 }),
    ]);
    expect(april.body.openingFen).toBe(-701);
    const closedApril = await close('2024-04');
    expect(closeResult(closedApril.body)).toEqual(previewResult(april.body));
  });

  it('refuses what the close refuses, with the same codes', async () => {
    const cases: Array<[string, number, string]> = [
      ['2024-03', 409, 'SETTLEMENT_ALREADY_CLOSED'],
      ['2024-02', 409, 'SETTLEMENT_OUT_OF_ORDER'],
      ['2999-01', 422, 'PERIOD_NOT_STARTED'],
      ['2024-13', 400, 'PERIOD_INVALID'],
    ];
    for (const [period, status, code] of cases) {
      const res = await preview(period);
      expect([period, res.status, (res.body as unknown as { error?: { code: string } }).error?.code]).toEqual([
        period,
        status,
        code,
      ]);
    }
  });

  it('is for finance and admins only', async () => {
    expect((await preview('2024-05', brand.admin)).status).toBe(200);
    expect((await preview('2024-05', clerk)).status).toBe(403);
    expect((await preview('2024-05', brand.guides[0].token)).status).toBe(403);
    expect((await stack.client.get('/api/finance/settlements', clerk)).status).toBe(403);
  });
});

describe('adjustments', () => {
  it('are listed newest first with their reasons, by guide and time', async () => {
    const g = brand.guides[2];
    const made = [];
    for (const [amountFen, reason] of [
      [300, '活动奖励'],
      [-120, '退货扣回'],
    ] as const) {
      const res = await stack.client.post('/api/finance/adjustments', { guideId: g.id, amountFen, reason }, finance);
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const list = await stack.client.get(`/api/finance/adjustments?guideId=${g.id}`, finance);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([made[1], made[0]]);
    expect(list.body[0]).toMatchObject({ kind: 'adjustment', amountFen: -120, reason: '退货扣回', guideId: g.id });
    const later = await stack.client.get(
      `/api/finance/adjustments?guideId=${g.id}&from=${new Date(Date.now() + 60_000).toISOString()}`,
      finance,
    );
    expect(later.body).toEqual([]);
    expect((await stack.client.get(`/api/finance/adjustments?limit=1`, brand.admin)).body).toHaveLength(1);
    expect((await stack.client.get('/api/finance/adjustments?limit=0', finance)).status).toBe(400);
    expect((await stack.client.get('/api/finance/adjustments', clerk)).status).toBe(403);
  });
});

describe('reconciliation runs', () => {
  const postBill = (csv: string, token = finance) =>
    stack.client.request('POST', '/api/finance/reconciliations', {
      token,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });

  it('are kept: each POST answers with its run id, listed and read back whole', async () => {
    const { order: paid } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }]);
    const billDate = cstDate(Date.now());
    const genuine = await stack.app.get(WechatPayClient).tradeBill(billDate);
    // A planted difference: the bill charges 1 fen less for the order.
    const { rows } = parseTradeBill(genuine);
    const planted = rows.map((r) =>
      r.outTradeNo === paid.id.replace(/-/g, '') ? { ...r, orderTotalFen: 9999, settlementTotalFen: 9999 } : r,
    );
    const res = await postBill(renderTradeBill(planted));
    expect(res.status).toBe(200);
    const run: ReconciliationRun = res.body;
    expect(run).toMatchObject({ id: expect.any(String), source: 'upload', billDate });
    expect(run.amountMismatch).toEqual([
      expect.objectContaining({ orderId: paid.id, billFen: 9999, ledgerFen: 10000 }),
    ]);

    const list = await stack.client.get<ReconciliationRunSummary[]>('/api/finance/reconciliations', finance);
    expect(list.body[0]).toEqual({
      id: run.id,
      billDate,
      source: 'upload',
      matched: run.matched,
      missingInLedgerCount: 0,
      missingInBillCount: 0,
      amountMismatchCount: 1,
      createdBy: expect.any(String),
      createdAt: run.createdAt,
    });
    expect((await stack.client.get(`/api/finance/reconciliations/${run.id}`, finance)).body).toEqual(run);
    expect((await stack.client.get(`/api/finance/reconciliations/${run.id}`, brand.admin)).status).toBe(200);

    const fetched = await stack.client.post('/api/finance/reconciliations/wechat', { billDate }, finance);
    expect(fetched.body).toMatchObject({ source: 'wechat', amountMismatch: [] });
    const newest = await stack.client.get<ReconciliationRunSummary[]>('/api/finance/reconciliations', finance);
    expect(newest.body.map((r) => r.id).slice(0, 2)).toEqual([fetched.body.id, run.id]);
  });

  it('keeps nothing for a refused bill, and refuses other roles', async () => {
    const [{ n: before }] = await sql(stack, 'SELECT COUNT(*) AS n FROM reconciliation_runs');
    expect((await postBill('not,a,bill\n1,2,3')).status).toBe(400);
    expect((await postBill(renderTradeBill([]), brand.admin)).status).toBe(403);
    expect((await postBill(renderTradeBill([]), clerk)).status).toBe(403);
    const [{ n: after }] = await sql(stack, 'SELECT COUNT(*) AS n FROM reconciliation_runs');
    expect(Number(after)).toBe(Number(before));
    expect((await stack.client.get(`/api/finance/reconciliations/${randomUUID()}`, finance)).status).toBe(404);
    expect((await stack.client.get('/api/finance/reconciliations/nope', finance)).status).toBe(400);
    expect((await stack.client.get('/api/finance/reconciliations', clerk)).status).toBe(403);
  });
});
