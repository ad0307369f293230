/**
 * Business days in the business time zone (BUSINESS_TZ), with Intl only. Timestamps are stored in
 * UTC; a business day is the half-open interval [local midnight, next local midnight) — in
 * Asia/Shanghai (UTC+8, no DST) that is [16:00Z of the day before, 16:00Z).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface BusinessDay {
  /** YYYY-MM-DD in the business time zone */
  date: string;
  /** first instant of the day (inclusive) */
  start: Date;
  /** first instant of the next day (exclusive) */
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(t: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Local wall time minus UTC at instant `t`, in ms (+8 h for Shanghai). */
function offsetMs(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function isBusinessDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The business date (YYYY-MM-DD) of an instant. */
export function businessDate(at: Date | number, timeZone: string): string {
  const p = localParts(typeof at === 'number' ? at : at.getTime(), timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** YYYY-MM-DD plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant whose business date is `date`. Usually local midnight; where a DST change skips
 * midnight (e.g. Asia/Beirut in spring) it is the transition instant.
 */
export function startOfBusinessDay(date: string, timeZone: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const wallMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two fixed-point passes find local midnight when it exists (the offset may differ across it).
  const first = wallMidnight - offsetMs(wallMidnight, timeZone);
  const second = wallMidnight - offsetMs(first, timeZone);
  let t = Math.min(first, second);
  if (businessDate(t, timeZone) !== date) t = Math.max(first, second);
  if (businessDate(t, timeZone) !== date) throw new RangeError(`cannot place ${date} in ${timeZone}`);
  const p = localParts(t, timeZone);
  if (p.hour === 0 && p.minute === 0 && p.second === 0) return new Date(t);
  // Midnight skipped by a DST change: the day begins at the transition, found by bisection between
  // an instant of the previous day and `t`.
  let lo = t - 3 * 3_600_000;
  let hi = t;
  if (businessDate(lo, timeZone) === date) return new Date(t);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessDate(mid, timeZone) === date) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Every business day from `from` to `to`, both inclusive. */
export function businessDays(from: string, to: string, timeZone: string): BusinessDay[] {
  const days: BusinessDay[] = [];
  let start = startOfBusinessDay(from, timeZone);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const end = startOfBusinessDay(addDays(date, 1), timeZone);
    days.push({ date, start, end });
    start = end;
  }
  return days;
}

// ---- business months (settlement periods "YYYY-MM") ----

/** Settlement periods: months of the years 2000–2999 (a year like 9999 has no month after its last). */
export const PERIOD = /^(2\d{3})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** A settlement period "YYYY-MM" as the half-open range of instants [start, end) in the zone. */
export function monthRange(period: string, timeZone: string): { start: Date; end: Date } {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period YYYY-MM: ${period}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const next =
    month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}`;
  return { start: startOfBusinessDay(`${period}-01`, timeZone), end: startOfBusinessDay(`${next}-01`, timeZone) };
}

/** The period "YYYY-MM" an instant falls in, in the zone. */
export function periodOf(instant: Date, timeZone: string): string {
  return businessDate(instant, timeZone).slice(0, 7);
}
