import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jsonShapeProblem } from '../src/common/request-body.js';
import { withSql } from './support/database.js';
import { adminToken } from './support/fixtures.js';
import { financeToken } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

// docs/DOMAIN.md "Operations": a body is refused before it costs much — size (413), keys and depth (400) before
// class-transformer sees it — and an explicit null is never "absent".
let stack: TestStack;
let admin: string;

const postRaw = (path: string, raw: string, token?: string, contentType = 'application/json') =>
  stack.client.request('POST', path, { raw, token, headers: { 'content-type': contentType } });

const nested = (depth: number) => `{"code":"x","n":${'['.repeat(depth)}${']'.repeat(depth)}}`;

beforeAll(async () => {
  stack = await startStack();
  admin = await adminToken(stack);
});
afterAll(async () => stack?.close());

describe('request cost limits', () => {
  it('refuses a 1.8 MB login body of 120,000 unknown keys with 413, before parsing it', async () => {
    const keys = Array.from({ length: 120_000 }, (_, i) => `"k${i}":1`).join(',');
    const res = await postRaw('/api/auth/staff', `{"username":"admin","password":"x",${keys}}`);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a JSON body just over 64 KB with 413', async () => {
    const res = await stack.client.post('/api/auth/wechat', { code: 'x'.repeat(65 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses JSON nested 1,500 deep with 400 VALIDATION_FAILED (not 500)', async () => {
    const res = await postRaw('/api/auth/wechat', nested(1500));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/deeper than 32/);
  });

  it('refuses nesting of 33 levels and more than 1,000 keys, naming the limit', async () => {
    const deep = await postRaw('/api/auth/wechat', nested(32)); // 33 with the outer object
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/deeper than 32/);
    const keys = Array.from({ length: 1001 }, (_, i) => `"k${i}":1`).join(',');
    const many = await postRaw('/api/auth/wechat', `{${keys}}`);
    expect(many.status).toBe(400);
    expect(many.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The body has more than 1000 keys' });
  });

  it('refuses unknown keys up to the limit cheaply, naming at most 20 of them', async () => {
    const keys = Array.from({ length: 997 }, (_, i) => `"k${i}":1`).join(',');
    const res = await postRaw('/api/auth/staff', `{"username":"admin","password":"x",${keys}}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toHaveLength(20);
    expect(res.body.error.details[0]).toEqual({ field: 'k0', message: 'property k0 should not exist' });
  });

  it('still refuses prototype poisoning and malformed JSON with 400', async () => {
    const proto = await postRaw('/api/auth/wechat', '{"code":"x","__proto__":{"admin":true}}');
    expect(proto.status).toBe(400);
    const broken = await postRaw('/api/auth/wechat', '{"code":');
    expect(broken.status).toBe(400);
  });

  it('keeps the larger limit of the trade-bill upload', async () => {
    const finance = await financeToken(stack, admin);
    const bill = `交易时间,公众账号ID\n${'`2026-11-30 10:00:00,`wx\n'.repeat(4000)}`; // ~130 KB
    expect(Buffer.byteLength(bill)).toBeGreaterThan(64 * 1024);
    const res = await postRaw('/api/finance/reconciliations', bill, finance, 'text/csv');
    expect(res.status).not.toBe(413);
    const huge = await postRaw('/api/finance/reconciliations', 'x'.repeat(21 * 1024 * 1024), finance, 'text/csv');
    expect(huge.status).toBe(413);
  });
});

describe('explicit null', () => {
  it('is refused for an optional field (400) and writes nothing', async () => {
    const res = await stack.client.post('/api/admin/categories', { name: '空值', commissionRateBps: null }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'commissionRateBps' })]),
    );
    const rows = await withSql(stack.databaseUrl, async (conn) => {
      const [r] = await conn.query('SELECT COUNT(*) AS n FROM categories WHERE name = ?', ['空值']);
      return r as Array<{ n: number | string }>;
    });
    expect(Number(rows[0].n)).toBe(0);
    const absent = await stack.client.post('/api/admin/categories', { name: '省略' }, admin);
    expect(absent.status).toBe(201);
  });
});

describe('jsonShapeProblem', () => {
  it('counts brackets and colons inside strings as text', () => {
    const body = Buffer.from(JSON.stringify({ a: '{{{{[[[[:::'.repeat(100), b: 'x\\"{:' }));
    expect(jsonShapeProblem(body, 2, 1)).toBeNull();
    expect(jsonShapeProblem(Buffer.from('{"a":{"b":1}}'), 10, 1)).toMatch(/deeper than 1/);
    expect(jsonShapeProblem(Buffer.from('{"a":1,"b":2,"c":3}'), 2, 5)).toMatch(/more than 2 keys/);
  });
});
