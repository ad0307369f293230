import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatFen, formatPrice, parseYuanToFen } from './money.js';

const safeFen = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const decimals = fc.integer({ min: 2, max: 5 });

describe('yuan ↔ fen', () => {
  it('converts exactly, never through floating point', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(1)).toBe('0.01');
    expect(formatFen(12345)).toBe('123.45');
    expect(formatFen(-2, 5)).toBe('-0.02000');
    expect(formatFen(74, 5)).toBe('0.74000');
    expect(formatPrice(-1050)).toBe('-¥10.50');
    expect(parseYuanToFen('0.01000', 5)).toBe(1);
    expect(parseYuanToFen('45.0')).toBe(4500);
    expect(parseYuanToFen('-3.5')).toBe(-350);
    expect(parseYuanToFen(' 12 ')).toBe(1200);
    expect(parseYuanToFen('-0.00')).toBe(0);
    expect(() => parseYuanToFen('0.005', 5)).toThrow(RangeError);
    expect(() => parseYuanToFen('0.010')).toThrow(RangeError);
    expect(() => parseYuanToFen('0.010000', 5)).toThrow(RangeError);
    for (const bad of ['1e3', '12.', '.5', '+1', '1,000', '', 'NaN', '0x10', '９'])
      expect(() => parseYuanToFen(bad)).toThrow(RangeError);
    expect(() => parseYuanToFen('90071992547409.92')).toThrow(RangeError);
    expect(() => formatFen(0.5)).toThrow(RangeError);
    expect(() => formatFen(1, 1)).toThrow(RangeError);
  });

  it('round-trips every safe fen amount at every width', () => {
    fc.assert(fc.property(safeFen, decimals, (fen, d) => expect(parseYuanToFen(formatFen(fen, d), d)).toBe(fen)));
  });

  it('round-trips every canonical yuan text', () => {
    const text = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 90_071_992_547_408n }), fc.integer({ min: 0, max: 99 }))
      .filter(([neg, y, c]) => !neg || y > 0n || c > 0)
      .map(([neg, y, c]) => `${neg ? '-' : ''}${y}.${String(c).padStart(2, '0')}`);
    fc.assert(fc.property(text, (t) => expect(formatFen(parseYuanToFen(t))).toBe(t)));
  });

  it('agrees with exact big-integer arithmetic on any digits, or refuses', () => {
    const input = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,17}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([neg, int, dec]) => `${neg ? '-' : ''}${int}${dec === null ? '' : `.${dec}`}`);
    fc.assert(
      fc.property(input, (t) => {
        const [, sign, int, dec = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t)!;
        const exact = (BigInt(int!) * 100n + BigInt(dec.slice(0, 2).padEnd(2, '0'))) * (sign ? -1n : 1n);
        const valid = dec.length <= 5 && !/[1-9]/.test(dec.slice(2)) && exact <= BigInt(Number.MAX_SAFE_INTEGER);
        if (valid && exact >= -BigInt(Number.MAX_SAFE_INTEGER)) expect(parseYuanToFen(t, 5)).toBe(Number(exact));
        else expect(() => parseYuanToFen(t, 5)).toThrow(RangeError);
      }),
    );
  });

  it("with subFen 'round', rounds what lies beyond the fen half away from zero", () => {
    const fen = fc.integer({ min: -1e12, max: 1e12 });
    const beyond = fc.integer({ min: 0, max: 999 });
    fc.assert(
      fc.property(fen, beyond, (f, b) => {
        const digits = String(b).padStart(3, '0');
        const away = b >= 500 ? 1 : 0;
        const expected = f < 0 ? f - away : f + away;
        expect(parseYuanToFen(`${formatFen(f)}${digits}`, 5, 'round')).toBe(expected);
      }),
    );
  });
});
