// Business months in BUSINESS_TZ (Asia/Shanghai by default) with the platform's Intl time-zone data:
// no dependency, correct for zones with daylight saving too. Instants stay UTC `Date`s.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
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

/** Wall-clock fields of an instant in a zone. */
function wallClock(instantMs: number, timeZone: string) {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in ms (+08:00 → 28 800 000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which the given local date begins (00:00) in the zone. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  // Around an offset change the first guess can use the wrong side's offset: correct once.
  const corrected = wall - zoneOffsetMs(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** A settlement period "YYYY-MM" as the half-open range of instants [start, end) in the zone. */
export function monthRange(period: string, timeZone: string): { start: Date; end: Date } {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period YYYY-MM: ${period}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return {
    start: startOfLocalDay(year, month, 1, timeZone),
    end: month === 12 ? startOfLocalDay(year + 1, 1, 1, timeZone) : startOfLocalDay(year, month + 1, 1, timeZone),
  };
}

/** The period "YYYY-MM" an instant falls in, in the zone. */
export function periodOf(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}`;
}
