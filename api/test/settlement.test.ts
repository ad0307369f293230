import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { monthRange, periodOf } from '../src/common/business-time.js';
import type { Brand } from './support/fixtures.js';
import { entriesOf, paidOrder, refund, sql } from './support/money.js';
import { startRefundStack, useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand, finance: string;
useStack(startRefundStack, (s) => ({ stack, brand, finance } = s));

/** A UTC instant as MariaDB DATETIME text (no time-zone conversion on the way). */
const dbTime = (iso: string) => iso.replace('T', ' ').replace('Z', '');
const availableAt = (where: string, params: unknown[], iso: string) =>
  sql(stack, `UPDATE ledger_entries SET availableAt = ? WHERE ${where}`, [dbTime(iso), ...params]);
const close = (period: string, token = finance) => stack.client.post('/api/finance/settlements', { period }, token);
const guide = (i: number) => brand.guides[i]!;
const statementOf = (body: any, guideId: string) => body.statements.find((s: any) => s.guideId === guideId);
const adjust = (body: Record<string, unknown>, key?: string) =>
  stack.client.post('/api/finance/adjustments', body, finance, key ? { 'idempotency-key': key } : undefined);
const settlementIdsOf = async () =>
  new Map(
    (await sql(stack, 'SELECT id, settlementId FROM ledger_entries WHERE settlementId IS NOT NULL')).map((r) => [
      r.id,
      r.settlementId,
    ]),
  );

let settledAfterJanuary: Map<string, string>;

describe('adjustments', () => {
  it('adds a signed entry with a reason; a retry with the same key lands once', async () => {
    const key = `adj-${randomUUID()}`;
    const body = { guideId: guide(1).id, amountFen: -35, reason: '退货运费由导购承担' };
    const first = await adjust(body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'adjustment',
      amountFen: -35,
      guideId: guide(1).id,
      storeId: guide(1).storeId,
      reason: body.reason,
      settlementId: null,
    });
    const again = await adjust(body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await adjust({ ...body, amountFen: -36 }, key)).status).toBe(409);
    expect(
      await sql(stack, "SELECT id FROM ledger_entries WHERE kind = 'adjustment' AND guideId = ?", [guide(1).id]),
    ).toHaveLength(1);

    expect((await adjust({ ...body, amountFen: 0 })).status).toBe(400);
    expect((await adjust({ guideId: guide(1).id, amountFen: 10 })).status).toBe(400);
    expect((await adjust({ ...body, guideId: randomUUID() })).status).toBe(404);
    expect((await stack.client.post('/api/finance/adjustments', body, guide(1).token)).status).toBe(403);
    // Settled in its own period below (2024-02), not lost.
    await availableAt('id = ?', [first.body.id], '2024-02-10T00:00:00.000Z');
  });
});

describe('monthly settlement', () => {
  it('takes the available, unsettled entries of a business month (Asia/Shanghai) once; closing again is 409', async () => {
    const { order: o1 } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 0); // 800
    const { order: o2 } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 2 }], 1); // 1600
    const { order: o3 } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 3 }], 0); // 799
    await availableAt('orderId = ?', [o1.id], '2024-01-15T04:00:00.000Z');
    // 2024-02-01 00:00 in Shanghai is 2024-01-31T16:00Z: February, although still January in UTC.
    await availableAt('orderId = ?', [o2.id], '2024-01-31T16:00:00.000Z');
    await availableAt('orderId = ?', [o3.id], '2024-01-31T15:59:59.999Z');
    const adj = await adjust({ guideId: guide(0).id, amountFen: -150, reason: '客诉扣减' });
    await availableAt('id = ?', [adj.body.id], '2024-01-20T00:00:00.000Z');

    const closed = await close('2024-01');
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({
      id: expect.any(String),
      period: '2024-01',
      totalFen: 1449,
      cutoffAt: '2024-01-31T16:00:00.000Z',
    });
    expect(closed.body.statements).toEqual([
      expect.objectContaining({
        guideId: guide(0).id,
        storeId: guide(0).storeId,
        openingFen: 0,
        accruedFen: 1599,
        reversedFen: 0,
        adjustedFen: -150,
        closingFen: 1449,
      }),
    ]);
    const settled = (await entriesOf(stack, o1.id)).concat(await entriesOf(stack, o3.id));
    expect(settled.every((e) => e.settlementId === closed.body.id)).toBe(true);
    expect((await entriesOf(stack, o2.id)).every((e) => e.settlementId === null)).toBe(true);

    const again = await close('2024-01');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETTLEMENT_ALREADY_CLOSED');
    expect(await sql(stack, "SELECT id FROM settlements WHERE period = '2024-01'")).toHaveLength(1);
    const read = await stack.client.get('/api/finance/settlements/2024-01', finance);
    expect(read.body.statements).toEqual(closed.body.statements);
    settledAfterJanuary = await settlementIdsOf();
  });

  it('gives exactly one settlement for concurrent closes of one period', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => close('2024-02')));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = replies.find((r) => r.status === 201)!;
    expect(await sql(stack, "SELECT id FROM settlements WHERE period = '2024-02'")).toEqual([{ id: winner.body.id }]);
    // Guide 1: the 1600 that became available on 1 February (Shanghai) and the −35 adjustment.
    expect(winner.body.statements).toEqual([
      expect.objectContaining({ guideId: guide(1).id, accruedFen: 1600, adjustedFen: -35, closingFen: 1565 }),
    ]);
    expect(winner.body.totalFen).toBe(1565);
    const [n] = await sql(stack, 'SELECT COUNT(*) AS n FROM ledger_entries WHERE settlementId = ?', [winner.body.id]);
    expect(Number(n.n)).toBe(2);
  });

  it('puts a refund after closing into the next period and carries a negative balance forward', async () => {
    const g = guide(2);
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 2);
    await availableAt('orderId = ?', [order.id], '2024-03-10T00:00:00.000Z');
    const march = await close('2024-03');
    expect(statementOf(march.body, g.id)).toMatchObject({ accruedFen: 800, closingFen: 800, payableFen: 800 });

    const r = await refund(stack, brand.admin, order.id, { full: true, reason: '整单退款' });
    expect(await stack.sim.completeRefund(r.body.outRefundNo, 'SUCCESS')).toBe(204);
    const [reversal] = (await entriesOf(stack, order.id)).filter((e) => e.kind === 'reversal');
    expect(reversal).toMatchObject({ amountFen: -800, settlementId: null });
    // The settled accrual stays in March; the reversal is new money for the open period.
    expect((await entriesOf(stack, order.id)).find((e) => e.kind === 'accrual')!.settlementId).toBe(march.body.id);
    await availableAt('id = ?', [reversal.id], '2024-04-05T00:00:00.000Z');

    const april = await close('2024-04');
    expect(april.status).toBe(201);
    expect(statementOf(april.body, g.id)).toMatchObject({
      openingFen: 0,
      accruedFen: 0,
      reversedFen: 800,
      adjustedFen: 0,
      closingFen: -800,
      payableFen: 0,
      carriedForwardFen: -800,
    });
    expect(april.body.totalFen).toBe(0);

    const { order: small } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 1 }], 2); // 266
    await availableAt('orderId = ?', [small.id], '2024-05-03T00:00:00.000Z');
    const may = await close('2024-05');
    expect(statementOf(may.body, g.id)).toMatchObject({
      openingFen: -800,
      accruedFen: 266,
      closingFen: -534,
      payableFen: 0,
      carriedForwardFen: -534,
    });

    const june = await close('2024-06');
    expect(june.body.statements).toEqual([
      expect.objectContaining({
        guideId: g.id,
        openingFen: -534,
        accruedFen: 0,
        reversedFen: 0,
        adjustedFen: 0,
        closingFen: -534,
      }),
    ]);
    expect(june.body.totalFen).toBe(0);
  });

  it('holds back the entries of an order with a refund in progress', async () => {
    const { order } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 0);
    await availableAt('orderId = ?', [order.id], '2024-07-05T00:00:00.000Z');
    const inProgress = await refund(stack, brand.admin, order.id, { amountFen: 3000, reason: '部分退款' });
    expect(inProgress.status).toBe(201);
    const settle = await adjust({ guideId: guide(2).id, amountFen: 600, reason: '补发' });
    await availableAt('id = ?', [settle.body.id], '2024-07-01T00:00:00.000Z');

    const july = await close('2024-07');
    expect(statementOf(july.body, guide(0).id)).toBeUndefined();
    expect((await entriesOf(stack, order.id)).map((e) => e.settlementId)).toEqual([null]);
    expect(statementOf(july.body, guide(2).id)).toMatchObject({
      openingFen: -534,
      adjustedFen: 600,
      closingFen: 66,
      payableFen: 66,
      carriedForwardFen: 0,
    });

    expect(await stack.sim.completeRefund(inProgress.body.outRefundNo, 'SUCCESS')).toBe(204);
    const reversal = (await entriesOf(stack, order.id)).find((e) => e.kind === 'reversal')!;
    expect(reversal.amountFen).toBe(-240); // 800 − floor(7000 × 8%)
    await availableAt('id = ?', [reversal.id], '2024-08-02T00:00:00.000Z');
    const august = await close('2024-08');
    expect(statementOf(august.body, guide(0).id)).toMatchObject({
      openingFen: 0,
      accruedFen: 800,
      reversedFen: 240,
      closingFen: 560,
    });
    // Guide 2 was paid out in July: nothing carried, no statement.
    expect(statementOf(august.body, guide(2).id)).toBeUndefined();
  });

  it('streams the statements as CSV for Excel: BOM, Chinese headers, CRLF, quoted, yuan from fen', async () => {
    const res = await fetch(`${stack.url}/api/finance/settlements/2024-01/statements.csv`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('2024-01');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = text.split('\r\n').slice(0, -1);
    const statements = (await stack.client.get('/api/finance/settlements/2024-01', finance)).body.statements;
    expect(rows).toHaveLength(1 + statements.length);
    expect(rows[0]).toBe(
      '"结算期间","导购","导购ID","门店","门店ID","期初余额(元)","本期佣金(元)","退款冲回(元)","调整(元)","期末余额(元)","本期应付(元)","结转下期(元)","流水笔数"',
    );
    expect(rows[1]).toBe(
      `"2024-01","导购0","${guide(0).id}","上海店","${guide(0).storeId}","0.00","15.99","0.00","-1.50","14.49","14.49","0.00","3"`,
    );

    const april = await fetch(`${stack.url}/api/finance/settlements/2024-04/statements.csv`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    const aprilRows = Buffer.from(await april.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    // Reversals print positive (taken back), the closing negative, nothing payable, −8.00 carried.
    expect(aprilRows[1]).toBe(
      `"2024-04","导购2","${guide(2).id}","杭州店","${guide(2).storeId}","0.00","0.00","8.00","0.00","-8.00","0.00","-8.00","1"`,
    );

    expect((await stack.client.get('/api/finance/settlements/2023-12/statements.csv', finance)).status).toBe(404);
    expect((await stack.client.get('/api/finance/settlements/2024-01/statements.csv', guide(0).token)).status).toBe(
      403,
    );
    expect((await stack.client.get('/api/finance/settlements/2024-01/statements.csv', brand.admin)).status).toBe(200);
  });

  it('ties out: statements equal their settled entries, opening + movements = closing, openings are the carried balances, nothing settles twice', async () => {
    const settlements = await sql(
      stack,
      'SELECT id, period, totalFen, entriesFen, entryCount FROM settlements ORDER BY period',
    );
    expect(settlements.map((s) => s.period)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
    ]);
    let carried = new Map<string, number>();
    for (const s of settlements) {
      const { body } = await stack.client.get(`/api/finance/settlements/${s.period}`, finance);
      const [entries] = await sql(
        stack,
        'SELECT COUNT(*) AS n, COALESCE(SUM(amountFen), 0) AS total FROM ledger_entries WHERE settlementId = ?',
        [s.id],
      );
      const movements = body.statements.reduce(
        (a: number, st: any) => a + st.accruedFen - st.reversedFen + st.adjustedFen,
        0,
      );
      expect(movements).toBe(Number(entries.total));
      expect(Number(s.entriesFen)).toBe(Number(entries.total));
      expect(Number(s.entryCount)).toBe(Number(entries.n));
      for (const st of body.statements) {
        expect(st.openingFen + st.accruedFen - st.reversedFen + st.adjustedFen).toBe(st.closingFen);
        expect(st.openingFen).toBe(carried.get(st.guideId) ?? 0);
        expect(st.payableFen).toBe(Math.max(st.closingFen, 0));
      }
      expect(body.totalFen).toBe(body.statements.reduce((a: number, st: any) => a + st.payableFen, 0));
      carried = new Map(
        body.statements.filter((st: any) => st.closingFen < 0).map((st: any) => [st.guideId, st.closingFen]),
      );
    }
    // Entries settled in January were not taken again by any later close.
    const now = await settlementIdsOf();
    for (const [id, settlementId] of settledAfterJanuary) expect(now.get(id)).toBe(settlementId);
  });

  it('closes the current month at the moment of closing; later entries wait; a month not begun is 422', async () => {
    const tz = stack.config.businessTz;
    const started = new Date();
    const current = periodOf(started, tz);
    const { start, end } = monthRange(current, tz);
    const { order: early } = await paidOrder(stack, brand, [{ skuId: brand.product.skuId, quantity: 1 }], 1);
    const { order: late } = await paidOrder(stack, brand, [{ skuId: brand.cheap.skuId, quantity: 1 }], 1);
    await availableAt(
      'orderId = ?',
      [early.id],
      new Date(Math.max(start.getTime(), started.getTime() - 60_000)).toISOString(),
    );
    // Still cooling off (7 days from payment): not available at the cut-off.
    const closed = await close(current);
    expect(closed.status).toBe(201);
    const cutoff = new Date(closed.body.cutoffAt).getTime();
    expect(cutoff).toBeGreaterThanOrEqual(started.getTime());
    expect(cutoff).toBeLessThanOrEqual(Math.min(Date.now(), end.getTime()));
    expect(statementOf(closed.body, guide(1).id)).toMatchObject({ accruedFen: 800, openingFen: 0 });
    expect((await entriesOf(stack, late.id)).map((e) => e.settlementId)).toEqual([null]);

    const next = periodOf(end, tz);
    const notBegun = await close(next);
    expect(notBegun.status).toBe(422);
    expect(notBegun.body.error.code).toBe('PERIOD_NOT_STARTED');
    const earlier = await close('2024-09');
    expect(earlier.status).toBe(409);
    expect(earlier.body.error.code).toBe('SETTLEMENT_OUT_OF_ORDER');
    expect((await close('2024-13')).status).toBe(400);
    expect((await close('2024-10', brand.admin)).status).toBe(403);
    expect(await sql(stack, "SELECT id FROM settlements WHERE period IN ('2024-09', '2024-10')")).toHaveLength(0);
  });
});
