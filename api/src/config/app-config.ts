import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseEnv, type ParsedEnv, type RateLimit } from './env-schema.js';

/** Everything the API reads from its environment (docs/DOMAIN.md "Configuration"), resolved once at boot. */
export interface AppConfig {
  production: boolean;
  databaseUrl: string;
  port: number;
  businessTz: string;
  tokenSecret: string;
  shareCodeSecret: string;
  memberCodeSecret: string;
  /** Encrypts members' WeChat session keys at rest. */
  sessionKeySecret: string;
  wechat: { appId: string; secret: string; apiBase: string };
  wechatPay: {
    apiBase: string;
    mchid: string;
    serialNo: string;
    privateKeyPem: string;
    platformPublicKeyPem: string;
    platformSerial: string;
    apiV3Key: string;
    notifyUrl: string;
  };
  wecom: { corpId: string; secret: string };
  /** The Official Account (follower sync); null when not configured. */
  officialAccount: { appId: string; secret: string } | null;
  admin: { username: string; password: string } | null;
  staticDir: string | null;
  /** the web console's build, served at /console/ (default: packages/console/dist) */
  consoleDir: string | null;
  simulatorUrl: string | null;
  /** Shipped deliveries count as received this many days after shipping (AUTO_RECEIPT_DAYS, default 7). */
  autoReceiptDays: number;
  /** A font with Chinese glyphs for posters (POSTER_FONT_FILE); null: look in the usual system places. */
  posterFontFile: string | null;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy: string[];
  /** Shared store of the request counters (several API instances); in memory when null. */
  redis: { url: string; keyPrefix: string } | null;
  logLevel: ParsedEnv['LOG_LEVEL'];
  rateLimits: {
    authPerClient: RateLimit;
    staffPerClient: RateLimit;
    staffPerUsername: RateLimit;
    posPerKey: RateLimit;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Demo values: safe to print, useless in production (and refused there). */
export interface DemoDefaults {
  tokenSecret: string;
  appId: string;
  appSecret: string;
  mchid: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  platformPublicKeyPem: string;
  platformSerial: string;
  apiV3Key: string;
  corpId: string;
  corpSecret: string;
  adminUsername: string;
  adminPassword: string;
  isDemoKey(value: string): boolean;
}

export class ConfigError extends Error {}

/**
 * Reads the environment once, at boot. Every problem is collected and reported together in one
 * ConfigError (main.ts exits 78 with it): bad values in any mode, and in production also weak secrets,
 * demo keys and anything that would point at the simulator.
 */
export function loadConfig(env: NodeJS.ProcessEnv, demo: DemoDefaults): AppConfig {
  const production = env.NODE_ENV === 'production';
  const { values: v, problems } = parseEnv(env);
  const file = (name: string, kind: 'private' | 'public'): string | undefined => {
    const path = env[name];
    if (!path) return undefined;
    let pem: string;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push(`${name}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return undefined;
    }
    try {
      if (kind === 'private') createPrivateKey(pem);
      else createPublicKey(pem);
    } catch {
      problems.push(`${name}: ${path} is not a PEM ${kind} key`);
    }
    return pem;
  };
  const tokenSecret = env.TOKEN_SECRET ?? (production ? '' : demo.tokenSecret);
  const simulator = 'http://127.0.0.1:3100';
  /** Two variables that go together: both set, else the demo's pair (none in production). */
  const pairOrDemo = (a: string | undefined, b: string | undefined, demoA: string, demoB: string) =>
    a && b ? [a, b] : production ? null : [demoA, demoB];
  const oa = pairOrDemo(env.WECHAT_OA_APPID, env.WECHAT_OA_SECRET, demo.appId, demo.appSecret);
  const admin = pairOrDemo(env.ADMIN_USERNAME, env.ADMIN_PASSWORD, demo.adminUsername, demo.adminPassword);
  const config: AppConfig = {
    production,
    databaseUrl: v.DATABASE_URL,
    port: v.PORT,
    businessTz: v.BUSINESS_TZ,
    tokenSecret,
    // Derived keys: one secret, separate purposes, so a token can never pass as a share code.
    shareCodeSecret: `${tokenSecret}:share-code`,
    memberCodeSecret: `${tokenSecret}:member-code`,
    sessionKeySecret: `${tokenSecret}:session-key`,
    wechat: {
      appId: env.WECHAT_APPID ?? demo.appId,
      secret: env.WECHAT_SECRET ?? demo.appSecret,
      apiBase: v.WECHAT_API_BASE ?? simulator,
    },
    wechatPay: {
      apiBase: v.WECHATPAY_API_BASE ?? v.WECHAT_API_BASE ?? simulator,
      mchid: env.WECHATPAY_MCHID ?? demo.mchid,
      serialNo: env.WECHATPAY_MCH_SERIAL ?? demo.merchantSerial,
      privateKeyPem: file('WECHATPAY_MCH_PRIVATE_KEY_FILE', 'private') ?? demo.merchantPrivateKeyPem,
      platformPublicKeyPem: file('WECHATPAY_PLATFORM_PUBLIC_KEY_FILE', 'public') ?? demo.platformPublicKeyPem,
      platformSerial: env.WECHATPAY_PLATFORM_SERIAL ?? demo.platformSerial,
      apiV3Key: v.WECHATPAY_APIV3_KEY ?? demo.apiV3Key,
      notifyUrl: v.WECHATPAY_NOTIFY_URL ?? `http://127.0.0.1:${v.PORT}/api/payments/wechat/notify`,
    },
    wecom: { corpId: env.WECOM_CORPID ?? demo.corpId, secret: env.WECOM_SECRET ?? demo.corpSecret },
    officialAccount: oa && { appId: oa[0], secret: oa[1] },
    admin: admin && { username: admin[0], password: admin[1] },
    staticDir: env.STATIC_DIR || null,
    consoleDir: env.CONSOLE_DIR || null,
    simulatorUrl: v.WECHAT_SIMULATOR_URL ?? null,
    autoReceiptDays: v.AUTO_RECEIPT_DAYS,
    posterFontFile: env.POSTER_FONT_FILE || null,
    trustProxy: v.TRUST_PROXY ?? [],
    redis: v.REDIS_URL ? { url: v.REDIS_URL, keyPrefix: v.REDIS_KEY_PREFIX } : null,
    logLevel: v.LOG_LEVEL,
    rateLimits: {
      authPerClient: v.THROTTLE_AUTH_PER_CLIENT,
      staffPerClient: v.THROTTLE_STAFF_PER_CLIENT,
      staffPerUsername: v.THROTTLE_STAFF_PER_USERNAME,
      posPerKey: v.THROTTLE_POS_PER_KEY,
    },
  };
  if (production) problems.push(...productionProblems(config, env, demo));
  if (problems.length)
    throw new ConfigError(
      `Refusing to start${production ? ' in production' : ''}; fix the environment:\n - ${problems.join('\n - ')}`,
    );
  return config;
}

/** A secret nobody could guess: long, and not one character repeated. */
const weakSecret = (s: string, minLength: number) => s.length < minLength || new Set(s).size < 8;

/** Production refuses demo keys, weak secrets and the simulator. */
function productionProblems(config: AppConfig, env: NodeJS.ProcessEnv, demo: DemoDefaults): string[] {
  const problems: string[] = [];
  if (!env.TOKEN_SECRET) problems.push('TOKEN_SECRET must be set (at least 32 random characters)');
  else if (config.tokenSecret === demo.tokenSecret) problems.push('TOKEN_SECRET is the demo secret');
  else if (weakSecret(config.tokenSecret, 32))
    problems.push('TOKEN_SECRET is weak (use at least 32 random characters)');
  for (const name of ['WECHAT_API_BASE', 'WECHATPAY_API_BASE'])
    if (!env[name]) problems.push(`${name} must be set (production never talks to the WeChat simulator)`);
  if (env.WECHAT_SIMULATOR_URL) problems.push('WECHAT_SIMULATOR_URL must not be set in production');
  const demoValues: Array<[string, string, string]> = [
    ['WECHAT_SECRET', config.wechat.secret, demo.appSecret],
    ['WECHATPAY_APIV3_KEY', config.wechatPay.apiV3Key, demo.apiV3Key],
    ['WECOM_SECRET', config.wecom.secret, demo.corpSecret],
  ];
  for (const [name, value, demoValue] of demoValues)
    if (value === demoValue) problems.push(`${name} is the demo value (or unset)`);
  if (demo.isDemoKey(config.wechatPay.privateKeyPem))
    problems.push('WECHATPAY_MCH_PRIVATE_KEY_FILE is the demo key (or unset)');
  if (demo.isDemoKey(config.wechatPay.platformPublicKeyPem))
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEY_FILE is the demo key (or unset)');
  if (!/^(mysql|mariadb):\/\//.test(config.databaseUrl))
    problems.push('DATABASE_URL must be a mysql:// (or mariadb://) URL');
  if (Boolean(env.ADMIN_USERNAME) !== Boolean(env.ADMIN_PASSWORD))
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither');
  const password = env.ADMIN_PASSWORD;
  if (password) {
    const lower = password.toLowerCase();
    if (password === demo.adminPassword) problems.push('ADMIN_PASSWORD is the demo password');
    else if (password.length < 12 || lower.includes('admin') || lower === env.ADMIN_USERNAME?.toLowerCase())
      problems.push('ADMIN_PASSWORD is weak (at least 12 characters, not containing "admin")');
  }
  return problems;
}
