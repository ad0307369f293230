import { describe, expect, it } from '@jest/globals';
import { randomDigits, withUniqueCode } from '../src/common/unique-code.js';
import { newOrderNo } from '../src/orders/order-no.js';

const dup = (key: string) => Object.assign(new Error(`Duplicate entry '1' for key '${key}'`), { code: 'ER_DUP_ENTRY' });
const unique = { index: 'uq_orders_order_no', column: 'orderNo' };

describe('random codes under a unique index', () => {
  it('draws again when the code collides, and only then', async () => {
    const codes = ['a', 'b', 'c'];
    const tried: string[] = [];
    const result = await withUniqueCode(
      () => codes.shift()!,
      unique,
      async (code) => {
        tried.push(code);
        if (tried.length < 3) throw dup('uq_orders_order_no');
        return code;
      },
    );
    expect(result).toBe('c');
    expect(tried).toEqual(['a', 'b', 'c']);
  });

  it('passes through another key’s collision (an idempotent retry) and gives up after the attempts', async () => {
    let calls = 0;
    const other = withUniqueCode(
      () => 'x',
      unique,
      async () => {
        calls++;
        throw dup('uq_orders_member_idempotency');
      },
    );
    await expect(other).rejects.toThrow('uq_orders_member_idempotency');
    expect(calls).toBe(1);
    calls = 0;
    const always = withUniqueCode(
      () => 'x',
      unique,
      async () => {
        calls++;
        throw dup('uq_orders_order_no');
      },
      3,
    );
    await expect(always).rejects.toThrow();
    expect(calls).toBe(3);
    // SQLite names the column instead of the index.
    const sqlite = Object.assign(new Error('UNIQUE constraint failed: orders.orderNo'), {});
    let n = 0;
    await withUniqueCode(
      () => 'y',
      unique,
      async () => {
        if (n++ === 0) throw sqlite;
      },
    );
    expect(n).toBe(2);
  });

  it('makes digit strings of the asked length and order numbers of the business day', () => {
    for (const len of [1, 6, 8, 13]) expect(randomDigits(len)).toMatch(new RegExp(`^\\d{${len}}$`));
    // 2026-11-30T17:00Z is already 1 December in Shanghai.
    expect(newOrderNo(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toMatch(/^261201\d{8}$/);
    expect(newOrderNo(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toMatch(/^261130\d{8}$/);
  });
});
