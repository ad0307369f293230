/** Headers as Node (`IncomingMessage.headers`, Fastify) or fetch (`Headers`) present them. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Case-insensitive header lookup: HTTP header names are case-insensitive and proxies lowercase them. */
export function getHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
