import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/app-config.js';
import { DEMO_DEFAULTS } from '../src/config/demo-defaults.js';

const strongSecret = 'p'.repeat(48);

describe('production configuration', () => {
  it('refuses to start without TOKEN_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u@h/db' }, DEMO_DEFAULTS)).toThrow(
      /TOKEN_SECRET must be set/,
    );
  });

  it('refuses the demo WeChat keys and secrets', () => {
    const attempt = () =>
      loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: strongSecret, DATABASE_URL: 'mysql://u@h/db' }, DEMO_DEFAULTS);
    expect(attempt).toThrow(/WECHATPAY_MCH_PRIVATE_KEY_FILE is the demo key/);
    expect(attempt).toThrow(/WECHATPAY_APIV3_KEY is the demo value/);
    expect(attempt).toThrow(/WECHAT_SECRET is the demo value/);
  });

  it('refuses the embedded demo database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: strongSecret }, DEMO_DEFAULTS)).toThrow(
      /DATABASE_URL must be a mysql/,
    );
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
