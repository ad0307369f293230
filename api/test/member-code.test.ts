// The member code format, as pure functions (no database): round trip, validity window, forgery.
import { describe, expect, it } from '@jest/globals';
import { isFresh, issueMemberCode, readMemberCode, STEP_MS, VALID_STEPS } from '../src/members/member-code.js';

const SECRET = 'test-secret:member-code';
const T0 = 1_790_000_000_000; // a fixed clock: every outcome below is deterministic
const MEMBER = '0123456789';

const at = (steps: number) => T0 + steps * STEP_MS;

describe('member codes', () => {
  it('are 18 digits starting with 9, and read back to the member and step that issued them', () => {
    const { code, expiresAt } = issueMemberCode(SECRET, MEMBER, T0);
    expect(code).toMatch(/^9\d{17}$/);
    const reading = readMemberCode(SECRET, code, T0);
    expect(reading).toEqual({ memberNo: MEMBER, step: Math.floor(T0 / STEP_MS), ageSteps: 0 });
    // Shown as valid for 4–5 minutes: until the start of step + VALID_STEPS.
    expect(expiresAt.getTime()).toBe((Math.floor(T0 / STEP_MS) + VALID_STEPS) * STEP_MS);
    expect(expiresAt.getTime() - T0).toBeGreaterThan(4 * 60_000);
    expect(expiresAt.getTime() - T0).toBeLessThanOrEqual(5 * 60_000);
  });

  it('hide the member number and change every step', () => {
    const codes = Array.from({ length: 12 }, (_, i) => issueMemberCode(SECRET, MEMBER, at(i)).code);
    expect(new Set(codes).size).toBe(12);
    for (const code of codes) expect(code).not.toContain(MEMBER);
    // Neighbouring member numbers give unrelated codes (no shared prefix beyond chance).
    const a = issueMemberCode(SECRET, '0000000001', T0).code;
    const b = issueMemberCode(SECRET, '0000000002', T0).code;
    expect(a).not.toBe(b);
    expect(a.slice(0, 6)).not.toBe(b.slice(0, 6));
  });

  it('are accepted from one step ahead to VALID_STEPS old, then expired, then unknown', () => {
    const { code } = issueMemberCode(SECRET, MEMBER, T0);
    for (let age = -1; age <= VALID_STEPS; age++) {
      const reading = readMemberCode(SECRET, code, at(age));
      expect(reading).toMatchObject({ memberNo: MEMBER, ageSteps: age });
      expect(isFresh(reading!)).toBe(true);
    }
    for (const age of [VALID_STEPS + 1, 9, 10, 11, 60, 24 * 60]) {
      const reading = readMemberCode(SECRET, code, at(age));
      expect(reading).toMatchObject({ memberNo: MEMBER, ageSteps: age });
      expect(isFresh(reading!)).toBe(false);
    }
    // Two steps ahead of the reader's clock, or older than the lookback: not recognised at all.
    expect(readMemberCode(SECRET, code, at(-2))).toBeNull();
    expect(readMemberCode(SECRET, code, at(24 * 60 + 10))).toBeNull();
    // A longer lookback (a retried receipt) still names the member.
    expect(readMemberCode(SECRET, code, at(3 * 24 * 60), 7 * 24 * 60)).toMatchObject({ memberNo: MEMBER });
  });

  it('reject every one-digit alteration, another secret, and malformed input', () => {
    const { code } = issueMemberCode(SECRET, MEMBER, T0);
    for (let i = 1; i < code.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        const altered = code.slice(0, i) + d + code.slice(i + 1);
        expect(readMemberCode(SECRET, altered, T0)).toBeNull();
      }
    }
    expect(readMemberCode('another-secret', code, T0)).toBeNull();
    expect(readMemberCode(SECRET, issueMemberCode('another-secret', MEMBER, T0).code, T0)).toBeNull();
    for (const bad of [
      '',
      '9',
      code.slice(0, -1),
      `${code}0`,
      `1${code.slice(1)}`,
      code.replace(/\d$/, 'x'),
      12345,
      null,
      undefined,
    ]) {
      expect(readMemberCode(SECRET, bad, T0)).toBeNull();
    }
  });

  it('refuse member numbers that are not 10 digits', () => {
    expect(() => issueMemberCode(SECRET, '123', T0)).toThrow(RangeError);
    expect(() => issueMemberCode(SECRET, '12345678901', T0)).toThrow(RangeError);
  });
});
