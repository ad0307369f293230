import { DEMO_KEYS, isDemoKey } from '@guideshare/wechat';
import type { DemoDefaults } from './app-config.js';

/** The demo's well-known values (packages/wechat/demo-keys): marked, public, refused in production. */
export const DEMO_DEFAULTS: DemoDefaults = {
  tokenSecret: 'DEMO-ONLY-token-secret-never-use-in-production',
  appId: DEMO_KEYS.appId,
  appSecret: DEMO_KEYS.appSecret,
  mchid: DEMO_KEYS.mchid,
  merchantSerial: DEMO_KEYS.merchantSerial,
  merchantPrivateKeyPem: DEMO_KEYS.merchantPrivateKeyPem,
  platformPublicKeyPem: DEMO_KEYS.platformPublicKeyPem,
  platformSerial: DEMO_KEYS.platformSerial,
  apiV3Key: DEMO_KEYS.apiV3Key,
  corpId: DEMO_KEYS.corpId,
  corpSecret: DEMO_KEYS.corpSecret,
  adminUsername: 'admin',
  adminPassword: 'admin-demo-password',
  isDemoKey,
};
