import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { issueMemberCode } from '../../src/members/member-code.js';
import { withSql } from './database.js';
import type { TestStack } from './stack.js';

/** Helpers for the store counter: keys, member codes and redemptions. */

export async function storeKey(
  stack: TestStack,
  adminToken: string,
  storeId: string,
): Promise<{ id: string; key: string }> {
  const res = await stack.client.post(`/api/admin/stores/${storeId}/keys`, {}, adminToken);
  expect(res.status).toBe(201);
  return { id: res.body.id, key: res.body.key };
}

export async function memberCode(stack: TestStack, consumerToken: string): Promise<string> {
  const res = await stack.client.get('/api/members/me/code', consumerToken);
  expect(res.status).toBe(200);
  return res.body.code;
}

export function redeem(stack: TestStack, key: string | undefined, body: Record<string, unknown>) {
  return stack.client.post('/api/pos/redemptions', body, undefined, key === undefined ? {} : { 'x-store-key': key });
}

/** A counter refund (POST /api/pos/refunds) with the given credentials: a store key or a clerk's bearer header. */
export function posRefund(stack: TestStack, credentials: Record<string, string>, body: Record<string, unknown>) {
  return stack.client.post('/api/pos/refunds', body, undefined, credentials);
}

export const receiptNo = () => `R${randomUUID().slice(0, 18)}`;

/** The member's code number, read past the API. */
export async function codeNoOf(stack: TestStack, memberId: string): Promise<string> {
  return withSql(
    stack.databaseUrl,
    async (c) => ((await c.query('SELECT codeNo FROM members WHERE id = ?', [memberId])) as any)[0][0].codeNo,
  );
}

/** An honestly issued code for that member at another time (to test expiry without waiting). */
export function codeAt(stack: TestStack, codeNo: string, at: number): string {
  return issueMemberCode(stack.config.memberCodeSecret, codeNo, at).code;
}

export const sql = <T = any>(stack: TestStack, query: string, params: unknown[] = []): Promise<T[]> =>
  withSql(stack.databaseUrl, async (c) => ((await c.query(query, params)) as any)[0] as T[]);

export const count = async (stack: TestStack, table: string, where = '1=1', params: unknown[] = []): Promise<number> =>
  Number((await sql<{ n: number }>(stack, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

export const ledgerOf = (stack: TestStack, orderId: string) =>
  sql<{ guideId: string; storeId: string | null; kind: string; amountFen: string; rateBps: number }>(
    stack,
    'SELECT guideId, storeId, kind, amountFen, rateBps FROM ledger_entries WHERE orderId = ? ORDER BY amountFen DESC',
    [orderId],
  ).then((rows) => rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) })));

/** Moves a member's share touches back in time, as if they had happened `days` earlier. */
export const ageVisits = (stack: TestStack, memberId: string, days: number) =>
  withSql(stack.databaseUrl, (c) =>
    c.query('UPDATE visits SET visitedAt = DATE_SUB(visitedAt, INTERVAL ? DAY) WHERE memberId = ?', [days, memberId]),
  );

/** For each ledger entry of the order: how long after the order's payment/sale time it becomes available (ms). */
export const availableAfterSaleMs = (stack: TestStack, orderId: string) =>
  sql<{ us: string }>(
    stack,
    'SELECT TIMESTAMPDIFF(MICROSECOND, o.paidAt, e.availableAt) AS us FROM ledger_entries e JOIN orders o ON o.id = e.orderId WHERE e.orderId = ?',
    [orderId],
  ).then((rows) => rows.map((r) => Number(r.us) / 1000));
