import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The shape of each environment variable the API reads (docs/DOMAIN.md "Configuration"), one zod schema per
 * variable, so that every bad variable is reported at once rather than the first one only.
 */

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A request limit: how many requests a key may make per window. */
export interface RateLimit {
  limit: number;
  ttlMs: number;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `N/DURATION`, e.g. `10/15m`: N requests per 15 minutes (units s, m, h). */
const rateLimit = z
  .string()
  .regex(/^\d{1,9}\/\d{1,6}[smh]$/, 'must look like 10/15m (requests per duration in s, m or h)')
  .transform((text): RateLimit => {
    const [limit, window] = text.split('/');
    const unit = window.slice(-1) as keyof typeof UNIT_MS;
    return { limit: Number(limit), ttlMs: Number(window.slice(0, -1)) * UNIT_MS[unit] };
  })
  .refine((r) => r.limit > 0 && r.ttlMs > 0, 'must allow at least 1 request per non-empty window');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Proxy addresses whose X-Forwarded-For is believed: IPs, CIDRs or proxy-addr's names. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
const trustProxy = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every(isProxyAddress),
    'must be a comma-separated list of proxy IPs or CIDRs (or loopback, linklocal, uniquelocal)',
  );

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Defaults of the request limits (docs/DOMAIN.md "Operations"); each can be changed by its variable. */
export const RATE_LIMIT_DEFAULTS = {
  THROTTLE_AUTH_PER_CLIENT: '60/1m',
  THROTTLE_STAFF_PER_CLIENT: '20/10m',
  THROTTLE_STAFF_PER_USERNAME: '10/10m',
  THROTTLE_POS_PER_KEY: '6000/1m',
} as const;

export const ENV_SCHEMA = {
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'is not a port')
    .transform(Number)
    .refine((p) => p <= 65535, 'is not a port')
    .default(3000),
  BUSINESS_TZ: z.string().refine(isTimeZone, 'is not an IANA time zone (e.g. Asia/Shanghai)').default('Asia/Shanghai'),
  DATABASE_URL: z.string().min(1).default('sqlite:.data/guideshare.sqlite'),
  WECHAT_API_BASE: httpUrl.optional(),
  WECHATPAY_API_BASE: httpUrl.optional(),
  WECHATPAY_NOTIFY_URL: httpUrl.optional(),
  WECHAT_SIMULATOR_URL: httpUrl.optional(),
  WECHATPAY_APIV3_KEY: z
    .string()
    .refine((key) => Buffer.byteLength(key) === 32, 'must be exactly 32 bytes')
    .optional(),
  TRUST_PROXY: trustProxy.optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'must be 1–64 letters, digits, _ : . -')
    .default('guideshare:'),
  AUTO_RECEIPT_DAYS: z
    .string()
    .regex(/^\d{1,2}$/, 'must be a whole number of days from 1 to 90')
    .transform(Number)
    .refine((days) => days >= 1 && days <= 90, 'must be a whole number of days from 1 to 90')
    .default(7),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  THROTTLE_AUTH_PER_CLIENT: rateLimit.prefault(RATE_LIMIT_DEFAULTS.THROTTLE_AUTH_PER_CLIENT),
  THROTTLE_STAFF_PER_CLIENT: rateLimit.prefault(RATE_LIMIT_DEFAULTS.THROTTLE_STAFF_PER_CLIENT),
  THROTTLE_STAFF_PER_USERNAME: rateLimit.prefault(RATE_LIMIT_DEFAULTS.THROTTLE_STAFF_PER_USERNAME),
  THROTTLE_POS_PER_KEY: rateLimit.prefault(RATE_LIMIT_DEFAULTS.THROTTLE_POS_PER_KEY),
};

type Schema = typeof ENV_SCHEMA;
export type ParsedEnv = { [K in keyof Schema]: z.output<Schema[K]> };

/**
 * Parses every variable of ENV_SCHEMA on its own: the values, and one line per bad variable. An empty
 * string counts as unset. A bad variable gets its default (or undefined) so later checks can still run.
 */
/** Never echoed in a problem: a key, and URLs that may carry a password. */
const SECRET = new Set(['WECHATPAY_APIV3_KEY', 'REDIS_URL', 'DATABASE_URL']);

export function parseEnv(env: NodeJS.ProcessEnv): { values: ParsedEnv; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(ENV_SCHEMA) as Array<[string, z.ZodType]>) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else {
      const shown = raw !== undefined && !SECRET.has(name) ? ` (got "${raw}")` : '';
      problems.push(`${name} ${result.error.issues[0].message}${shown}`);
      values[name] = schema.safeParse(undefined).data;
    }
  }
  return { values: values as ParsedEnv, problems };
}
