import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every credential the simulator (and a zero-setup demo) needs; field names match the API's config. */
export interface WechatKeys {
  appId: string;
  appSecret: string;
  mchid: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  merchantPublicKeyPem: string;
  platformSerial: string;
  platformPrivateKeyPem: string;
  platformPublicKeyPem: string;
  /** 32 bytes */
  apiV3Key: string;
  corpId: string;
  corpSecret: string;
}

// src/ and dist/ both sit one level below the package root, so '../demo-keys' works compiled or not.
export const DEMO_KEYS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../demo-keys');

let loaded: WechatKeys | undefined;
function load(): WechatKeys {
  if (loaded) return loaded;
  const read = (name: string) => readFileSync(join(DEMO_KEYS_DIR, name), 'utf8');
  const json = JSON.parse(read('demo.json')) as Omit<WechatKeys, `${string}Pem`>;
  loaded = {
    appId: json.appId,
    appSecret: json.appSecret,
    mchid: json.mchid,
    merchantSerial: json.merchantSerial,
    platformSerial: json.platformSerial,
    apiV3Key: json.apiV3Key,
    corpId: json.corpId,
    corpSecret: json.corpSecret,
    merchantPrivateKeyPem: read('merchant_private_key.pem'),
    merchantPublicKeyPem: read('merchant_public_key.pem'),
    platformPrivateKeyPem: read('platform_private_key.pem'),
    platformPublicKeyPem: read('platform_public_key.pem'),
  };
  return loaded;
}

/**
 * DEMO KEYS — NEVER USE IN PRODUCTION (packages/wechat/demo-keys/). Read lazily on first property
 * access, so importing this package in production does no file I/O and needs no demo-keys directory.
 */
export const DEMO_KEYS: Readonly<WechatKeys> = Object.defineProperties(
  {} as WechatKeys,
  Object.fromEntries(
    (
      [
        'appId',
        'appSecret',
        'mchid',
        'merchantSerial',
        'merchantPrivateKeyPem',
        'merchantPublicKeyPem',
        'platformSerial',
        'platformPrivateKeyPem',
        'platformPublicKeyPem',
        'apiV3Key',
        'corpId',
        'corpSecret',
      ] as const
    ).map((key) => [key, { enumerable: true, get: () => load()[key] }]),
  ),
);

// Hard-coded so isDemoKey works even where demo-keys/ is not deployed; a test pins them to the files.
/** SHA-256 of the SPKI DER of the demo merchant and platform public keys. */
export const DEMO_KEY_FINGERPRINTS: readonly string[] = [
  '63ccc2ab28c90daf29a4083465788bd67a3db9bbc9149393d9579ec4209b0c41',
  '684d9472ff27c3f8449bc0d24a2ea7b994b644e8c2b1509262c99c978498a34f',
];
/** The demo's non-PEM secrets and serials (public: they are in demo.json). */
export const DEMO_SECRET_VALUES: readonly string[] = [
  '9bb986122e0b058279cd67955cc5699f',
  'DemoApiV3Key9bb986122e0b058279cd',
  'jfwi-EWt6BkPdkShMSHWEXeIBkqd09edh70V5FozI2A',
  '85945A3ED1C5ACE80BEC7A3A144EFA749C6C2894',
  '16A738FC522C36CD83C19F3C2B7C07AF418DF43B',
];

/** SHA-256 (hex) of a key's public half in SPKI DER: the same for a private key and its public key. */
export function publicKeyFingerprint(key: string | KeyObject): string {
  // createPublicKey derives the public half of a private key but refuses a public KeyObject.
  const pub = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key as string);
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * True when `value` is one of the demo credentials: a PEM (private or public, any encoding of the same
 * key) or KeyObject of a demo key pair, or the demo APIv3 key, app/corp secret or a demo serial.
 * Production startup should refuse any such value.
 */
export function isDemoKey(value: string | KeyObject): boolean {
  if (typeof value !== 'string' || value.includes('-----BEGIN')) {
    try {
      return DEMO_KEY_FINGERPRINTS.includes(publicKeyFingerprint(value));
    } catch {
      return false; // not a key we can read, so not ours
    }
  }
  return DEMO_SECRET_VALUES.includes(value.trim());
}
