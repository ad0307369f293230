import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { DEMO_DEFAULTS } from '../src/config/demo-defaults.js';

const random = (n: number) => randomBytes(n).toString('base64url').slice(0, n);
const strongSecret = random(48);

/** A production environment that passes: fresh keys on disk, real-looking secrets. */
let keyFiles: { privateFile: string; publicFile: string } | undefined;
function productionEnv(): Record<string, string> {
  if (!keyFiles) {
    const dir = mkdtempSync(join(tmpdir(), 'gs-config-'));
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keyFiles = { privateFile: join(dir, 'merchant.pem'), publicFile: join(dir, 'platform.pem') };
    writeFileSync(keyFiles.privateFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(keyFiles.publicFile, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  }
  const { privateFile, publicFile } = keyFiles;
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://u@h/db',
    TOKEN_SECRET: strongSecret,
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHATPAY_API_BASE: 'https://api.mch.weixin.qq.com',
    WECHAT_SECRET: random(32),
    WECHATPAY_APIV3_KEY: random(32),
    WECOM_SECRET: random(43),
    WECHATPAY_MCH_PRIVATE_KEY_FILE: privateFile,
    WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: publicFile,
    ADMIN_USERNAME: 'ops',
    ADMIN_PASSWORD: random(16),
  };
}

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env, DEMO_DEFAULTS);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('production configuration', () => {
  it('accepts a complete production environment', () => {
    const config = loadConfig(productionEnv(), DEMO_DEFAULTS);
    expect(config.production).toBe(true);
    expect(config.admin?.username).toBe('ops');
    expect(config.trustProxy).toEqual([]);
    expect(config.redis).toBeNull();
  });

  it('lists every problem in one message', () => {
    const message = problemsOf({
      ...productionEnv(),
      TOKEN_SECRET: 'short',
      ADMIN_PASSWORD: 'admin',
      WECHATPAY_APIV3_KEY: 'k'.repeat(31),
      WECHAT_API_BASE: '',
      WECHATPAY_API_BASE: '',
      BUSINESS_TZ: 'Mars/Olympus_Mons',
      WECHATPAY_MCH_PRIVATE_KEY_FILE: '/nonexistent/merchant.pem',
    });
    const lines = message.split('\n').slice(1);
    expect(message).toMatch(/^Refusing to start in production/);
    expect(lines).toEqual(
      expect.arrayContaining([
        ' - TOKEN_SECRET is weak (use at least 32 random characters)',
        ' - ADMIN_PASSWORD is weak (at least 12 characters, not containing "admin")',
        ' - WECHATPAY_APIV3_KEY must be exactly 32 bytes',
        ' - WECHAT_API_BASE must be set (production never talks to the WeChat simulator)',
        ' - WECHATPAY_API_BASE must be set (production never talks to the WeChat simulator)',
        ' - BUSINESS_TZ is not an IANA time zone (e.g. Asia/Shanghai) (got "Mars/Olympus_Mons")',
        ' - WECHATPAY_MCH_PRIVATE_KEY_FILE: cannot read /nonexistent/merchant.pem (ENOENT)',
      ]),
    );
    expect(message).not.toContain('k'.repeat(31)); // a key is never echoed
  });

  it('refuses the demo password, a short one, and one without its username', () => {
    expect(problemsOf({ ...productionEnv(), ADMIN_PASSWORD: DEMO_DEFAULTS.adminPassword })).toContain(
      'ADMIN_PASSWORD is the demo password',
    );
    expect(problemsOf({ ...productionEnv(), ADMIN_PASSWORD: 'Xy7#short' })).toContain('ADMIN_PASSWORD is weak');
    expect(problemsOf({ ...productionEnv(), ADMIN_USERNAME: '' })).toContain('set both or neither');
  });

  it('refuses a missing, demo or repetitive TOKEN_SECRET', () => {
    expect(problemsOf({ ...productionEnv(), TOKEN_SECRET: '' })).toContain('TOKEN_SECRET must be set');
    expect(problemsOf({ ...productionEnv(), TOKEN_SECRET: DEMO_DEFAULTS.tokenSecret })).toContain(
      'TOKEN_SECRET is the demo secret',
    );
    expect(problemsOf({ ...productionEnv(), TOKEN_SECRET: 'p'.repeat(48) })).toContain('TOKEN_SECRET is weak');
  });

  it('refuses the demo WeChat keys and secrets', () => {
    const message = problemsOf({ NODE_ENV: 'production', TOKEN_SECRET: strongSecret, DATABASE_URL: 'mysql://u@h/db' });
    expect(message).toContain('WECHATPAY_MCH_PRIVATE_KEY_FILE is the demo key');
    expect(message).toContain('WECHATPAY_APIV3_KEY is the demo value');
    expect(message).toContain('WECHAT_SECRET is the demo value');
  });

  it('refuses the embedded demo database', () => {
    expect(problemsOf({ ...productionEnv(), DATABASE_URL: 'sqlite:x.sqlite' })).toContain(
      'DATABASE_URL must be a mysql',
    );
  });
});

describe('configuration in every mode', () => {
  it('refuses an invalid BUSINESS_TZ, a missing key file and a non-PEM key file outside production too', () => {
    const notPem = join(mkdtempSync(join(tmpdir(), 'gs-config-')), 'x.pem');
    writeFileSync(notPem, 'not a key');
    const message = problemsOf({
      BUSINESS_TZ: 'Asia/Shanghia',
      WECHATPAY_MCH_PRIVATE_KEY_FILE: '/nonexistent/k.pem',
      WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: notPem,
    });
    expect(message).toMatch(/^Refusing to start; fix the environment/);
    expect(message).toContain('BUSINESS_TZ is not an IANA time zone');
    expect(message).toContain('WECHATPAY_MCH_PRIVATE_KEY_FILE: cannot read /nonexistent/k.pem (ENOENT)');
    expect(message).toContain(`WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: ${notPem} is not a PEM public key`);
  });

  it('reads TRUST_PROXY, REDIS_URL and the request limits, and refuses malformed ones', () => {
    const config = loadConfig(
      {
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback',
        REDIS_URL: 'redis://127.0.0.1:6379',
        THROTTLE_STAFF_PER_USERNAME: '5/15m',
        THROTTLE_POS_PER_KEY: '100/30s',
      },
      DEMO_DEFAULTS,
    );
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback']);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'guideshare:' });
    expect(config.rateLimits.staffPerUsername).toEqual({ limit: 5, ttlMs: 15 * 60_000 });
    expect(config.rateLimits.posPerKey).toEqual({ limit: 100, ttlMs: 30_000 });
    expect(config.rateLimits.authPerClient).toEqual({ limit: 60, ttlMs: 60_000 });
    const message = problemsOf({
      TRUST_PROXY: 'true',
      REDIS_URL: 'http://x',
      THROTTLE_AUTH_PER_CLIENT: 'lots',
      PORT: '99999',
    });
    expect(message).toContain('TRUST_PROXY must be a comma-separated list of proxy IPs or CIDRs');
    expect(message).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(message).toContain('THROTTLE_AUTH_PER_CLIENT must look like 10/15m');
    expect(message).toContain('PORT is not a port');
  });

  it('uses demo values outside production, with the documented defaults', () => {
    const config = loadConfig({}, DEMO_DEFAULTS);
    expect(config.production).toBe(false);
    expect(config.databaseUrl).toBe('sqlite:.data/guideshare.sqlite');
    expect(config.port).toBe(3000);
    expect(config.businessTz).toBe('Asia/Shanghai');
    expect(config.wechatPay.notifyUrl).toBe('http://127.0.0.1:3000/api/payments/wechat/notify');
    expect(config.admin).toEqual({ username: 'admin', password: 'admin-demo-password' });
  });
});

describe('the built API (api/dist/main.js)', () => {
  it('exits 78 with one message listing every problem, without a stack trace', () => {
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    expect(existsSync(main)).toBe(true); // built by `tsc -b` (pnpm test's first step)
    const result = spawnSync(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        ...productionEnv(),
        ADMIN_PASSWORD: 'admin',
        BUSINESS_TZ: 'Nowhere/Special',
        WECHAT_API_BASE: '',
        WECHATPAY_MCH_PRIVATE_KEY_FILE: '/nonexistent/merchant.pem',
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/^Refusing to start in production/);
    expect(result.stderr).toContain('ADMIN_PASSWORD is weak');
    expect(result.stderr).toContain('BUSINESS_TZ is not an IANA time zone');
    expect(result.stderr).toContain('WECHAT_API_BASE must be set');
    expect(result.stderr).toContain('WECHATPAY_MCH_PRIVATE_KEY_FILE: cannot read /nonexistent/merchant.pem');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
