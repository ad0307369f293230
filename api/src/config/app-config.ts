import { readFileSync } from 'node:fs';

/** Everything the API reads from its environment (API.md "Configuration"), resolved once at boot. */
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

export function loadConfig(env: NodeJS.ProcessEnv, demo: DemoDefaults): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const file = (name: string) => (env[name] ? readFileSync(env[name] as string, 'utf8') : undefined);
  const tokenSecret = env.TOKEN_SECRET ?? (production ? '' : demo.tokenSecret);
  const config: AppConfig = {
    production,
    databaseUrl: env.DATABASE_URL ?? 'sqlite:.data/guideshare.sqlite',
    port,
    businessTz: env.BUSINESS_TZ ?? 'Asia/Shanghai',
    tokenSecret,
    // Derived keys: one secret, separate purposes, so a token can never pass as a share code.
    shareCodeSecret: `${tokenSecret}:share-code`,
    memberCodeSecret: `${tokenSecret}:member-code`,
    sessionKeySecret: `${tokenSecret}:session-key`,
    wechat: {
      appId: env.WECHAT_APPID ?? demo.appId,
      secret: env.WECHAT_SECRET ?? demo.appSecret,
      apiBase: env.WECHAT_API_BASE ?? 'http://127.0.0.1:3100',
    },
    wechatPay: {
      apiBase: env.WECHATPAY_API_BASE ?? env.WECHAT_API_BASE ?? 'http://127.0.0.1:3100',
      mchid: env.WECHATPAY_MCHID ?? demo.mchid,
      serialNo: env.WECHATPAY_MCH_SERIAL ?? demo.merchantSerial,
      privateKeyPem: file('WECHATPAY_MCH_PRIVATE_KEY_FILE') ?? demo.merchantPrivateKeyPem,
      platformPublicKeyPem: file('WECHATPAY_PLATFORM_PUBLIC_KEY_FILE') ?? demo.platformPublicKeyPem,
      platformSerial: env.WECHATPAY_PLATFORM_SERIAL ?? demo.platformSerial,
      apiV3Key: env.WECHATPAY_APIV3_KEY ?? demo.apiV3Key,
      notifyUrl: env.WECHATPAY_NOTIFY_URL ?? `http://127.0.0.1:${port}/api/payments/wechat/notify`,
    },
    wecom: { corpId: env.WECOM_CORPID ?? demo.corpId, secret: env.WECOM_SECRET ?? demo.corpSecret },
    officialAccount:
      env.WECHAT_OA_APPID && env.WECHAT_OA_SECRET
        ? { appId: env.WECHAT_OA_APPID, secret: env.WECHAT_OA_SECRET }
        : production
          ? null
          : { appId: demo.appId, secret: demo.appSecret },
    admin:
      env.ADMIN_USERNAME && env.ADMIN_PASSWORD
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : production
          ? null
          : { username: demo.adminUsername, password: demo.adminPassword },
    staticDir: env.STATIC_DIR ?? null,
    consoleDir: env.CONSOLE_DIR ?? null,
    simulatorUrl: env.WECHAT_SIMULATOR_URL ?? null,
    autoReceiptDays: Number(env.AUTO_RECEIPT_DAYS ?? 7),
    posterFontFile: env.POSTER_FONT_FILE ?? null,
  };
  if (!Number.isInteger(config.autoReceiptDays) || config.autoReceiptDays < 1 || config.autoReceiptDays > 90)
    throw new ConfigError(`AUTO_RECEIPT_DAYS must be a whole number of days from 1 to 90: ${env.AUTO_RECEIPT_DAYS}`);
  if (production) assertProductionReady(config, demo);
  return config;
}

/** Production refuses to start on demo keys or without a token secret. */
function assertProductionReady(config: AppConfig, demo: DemoDefaults) {
  const problems: string[] = [];
  if (config.tokenSecret.length < 32) problems.push('TOKEN_SECRET must be set (at least 32 characters)');
  if (config.tokenSecret === demo.tokenSecret) problems.push('TOKEN_SECRET is the demo secret');
  const demoValues: Array<[string, string, string]> = [
    ['WECHAT_SECRET', config.wechat.secret, demo.appSecret],
    ['WECHATPAY_APIV3_KEY', config.wechatPay.apiV3Key, demo.apiV3Key],
    ['WECOM_SECRET', config.wecom.secret, demo.corpSecret],
  ];
  for (const [name, value, demoValue] of demoValues)
    if (value === demoValue) problems.push(`${name} is the demo value`);
  if (demo.isDemoKey(config.wechatPay.privateKeyPem)) problems.push('WECHATPAY_MCH_PRIVATE_KEY_FILE is the demo key');
  if (demo.isDemoKey(config.wechatPay.platformPublicKeyPem))
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEY_FILE is the demo key');
  if (!/^(mysql|mariadb):\/\//.test(config.databaseUrl))
    problems.push('DATABASE_URL must be a mysql:// (or mariadb://) URL');
  if (problems.length) throw new ConfigError(`Refusing to start in production:\n - ${problems.join('\n - ')}`);
}
