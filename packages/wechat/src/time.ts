// WeChat renders times in China Standard Time. Asia/Shanghai has had a fixed +08:00 offset since 1991,
// so a constant offset is exact and avoids depending on the host's time-zone database.
const CST_OFFSET_MS = 8 * 3600_000;

const cstParts = (ms: number) => new Date(ms + CST_OFFSET_MS).toISOString(); // "2024-05-01T12:00:00.000Z" in CST digits

/** RFC 3339 with +08:00, as WeChat Pay writes create_time / success_time: 2024-05-01T12:00:00+08:00. */
export function rfc3339Cst(ms: number): string {
  return `${cstParts(ms).slice(0, 19)}+08:00`;
}

/** The business day in China, YYYY-MM-DD (trade-bill dates). */
export function cstDate(ms: number): string {
  return cstParts(ms).slice(0, 10);
}

/** "YYYY-MM-DD HH:mm:ss" in China time, the trade bill's 交易时间. */
export function cstDateTime(ms: number): string {
  const iso = cstParts(ms);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Milliseconds of a WeChat RFC 3339 time (any offset); NaN when unparseable. */
export function parseRfc3339(text: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
}
