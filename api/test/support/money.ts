import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { withSql } from './database.js';
import { consumer, order, payOrder, share, visit, type Brand } from './fixtures.js';
import type { TestStack } from './stack.js';

/** Helpers for refunds, settlements and reconciliation tests. */

export async function sql<T = any>(stack: TestStack, query: string, params: unknown[] = []): Promise<T[]> {
  return withSql(stack.databaseUrl, async (c) => ((await c.query(query, params)) as any)[0] as T[]);
}

/** A finance staff account, created through the admin API, and its token. */
export async function financeToken(stack: TestStack, adminToken: string): Promise<string> {
  const username = `fin-${randomUUID().slice(0, 8)}`;
  const created = await stack.client.post(
    '/api/admin/staff',
    { username, password: 'finance-test-password', role: 'finance' },
    adminToken,
  );
  expect(created.status).toBe(201);
  const login = await stack.client.post('/api/auth/staff', { username, password: 'finance-test-password' });
  expect(login.status).toBe(200);
  return login.body.token;
}

/** A consumer brought in by `guideIndex`'s share who orders and pays: the order as the API shows it. */
export async function paidOrder(
  stack: TestStack,
  brand: Brand,
  lines: Array<{ skuId: string; quantity: number }>,
  guideIndex = 0,
) {
  const guide = brand.guides[guideIndex]!;
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  const created = await order(stack, buyer.token, { lines });
  expect(created.status).toBe(201);
  const { notifyStatus } = await payOrder(stack, buyer.token, created.body.id);
  expect(notifyStatus).toBe(204);
  const paid = await stack.client.get(`/api/orders/${created.body.id}`, brand.admin);
  expect(paid.body.status).toBe('PAID');
  return { order: paid.body, buyer, guide };
}

export function refund(
  stack: TestStack,
  adminToken: string,
  orderId: string,
  body: Record<string, unknown>,
  key = `rf-${randomUUID()}`,
) {
  return stack.client.post(`/api/orders/${orderId}/refunds`, body, adminToken, { 'idempotency-key': key });
}

export async function orderState(stack: TestStack, orderId: string) {
  const [o] = await sql(stack, 'SELECT status, paidFen, refundedFen FROM orders WHERE id = ?', [orderId]);
  return { status: o.status as string, paidFen: Number(o.paidFen), refundedFen: Number(o.refundedFen) };
}

export interface EntryRow {
  id: string;
  kind: string;
  guideId: string;
  orderLineId: string | null;
  amountFen: number;
  rateBps: number | null;
  settlementId: string | null;
  availableAt: Date;
}

export async function entriesOf(stack: TestStack, orderId: string): Promise<EntryRow[]> {
  const rows = await sql(
    stack,
    'SELECT id, kind, guideId, orderLineId, amountFen, rateBps, settlementId, availableAt FROM ledger_entries WHERE orderId = ? ORDER BY createdAt, id',
    [orderId],
  );
  return rows.map((r) => ({
    ...r,
    amountFen: Number(r.amountFen),
    rateBps: r.rateBps === null ? null : Number(r.rateBps),
  }));
}

/** Sum of a line's ledger entries. */
export async function lineSum(stack: TestStack, lineId: string): Promise<number> {
  const [r] = await sql(stack, 'SELECT COALESCE(SUM(amountFen), 0) AS s FROM ledger_entries WHERE orderLineId = ?', [
    lineId,
  ]);
  return Number(r.s);
}

/** The simulator ends a refund at WeChat Pay and its notification reaches the API. */
export async function completeRefund(
  stack: TestStack,
  outRefundNo: string,
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS',
) {
  expect(await stack.sim.completeRefund(outRefundNo, status)).toBe(204);
}
