// Business days in BUSINESS_TZ (Intl): the day boundaries every report period is cut at.
import { describe, expect, it } from '@jest/globals';
import { addDays, businessDate, businessDays, startOfBusinessDay } from '../src/common/business-time.js';

describe('business days (Intl, BUSINESS_TZ)', () => {
  it('puts the Shanghai day boundary at 16:00 UTC', () => {
    expect(startOfBusinessDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(businessDate(new Date('2026-03-01T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(businessDate(new Date('2026-03-01T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(
      businessDays('2026-02-28', '2026-03-01', 'Asia/Shanghai').map((d) => [
        d.date,
        d.start.toISOString(),
        d.end.toISOString(),
      ]),
    ).toEqual([
      ['2026-02-28', '2026-02-27T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
      ['2026-03-01', '2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z'],
    ]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('follows daylight saving, including a zone whose midnight is skipped', () => {
    const hours = (from: string, to: string, tz: string) =>
      businessDays(from, to, tz).map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(hours('2024-03-09', '2024-03-11', 'America/New_York')).toEqual([24, 23, 24]);
    // Beirut springs forward at midnight: 31 March 2024 begins at 01:00 local (22:00 UTC the day before).
    expect(startOfBusinessDay('2024-03-31', 'Asia/Beirut').toISOString()).toBe('2024-03-30T22:00:00.000Z');
    expect(hours('2024-03-30', '2024-04-01', 'Asia/Beirut')).toEqual([24, 23, 24]);
  });
});
