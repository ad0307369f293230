import { describe, expect, it } from '@jest/globals';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { DEMO_KEY_FINGERPRINTS, DEMO_KEYS, DEMO_SECRET_VALUES, isDemoKey, publicKeyFingerprint } from './demo-keys.js';
import { signSha256Rsa, verifySha256Rsa } from './pay-crypto.js';

describe('DEMO_KEYS', () => {
  it('loads two matching RSA-2048 key pairs and a 32-byte APIv3 key', () => {
    for (const [priv, pub] of [
      [DEMO_KEYS.merchantPrivateKeyPem, DEMO_KEYS.merchantPublicKeyPem],
      [DEMO_KEYS.platformPrivateKeyPem, DEMO_KEYS.platformPublicKeyPem],
    ] as const) {
      expect(createPrivateKey(priv).asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(verifySha256Rsa(pub, 'm', signSha256Rsa(priv, 'm'))).toBe(true);
    }
    expect(Buffer.byteLength(DEMO_KEYS.apiV3Key)).toBe(32);
    expect(DEMO_KEYS.appId).toMatch(/^wx[0-9a-f]{16}$/);
    expect(DEMO_KEYS.merchantSerial).not.toBe(DEMO_KEYS.platformSerial);
    expect(DEMO_KEYS.merchantPrivateKeyPem).toContain('NEVER USE IN PRODUCTION');
    expect(JSON.parse(JSON.stringify(DEMO_KEYS)).mchid).toBe(DEMO_KEYS.mchid); // getters are enumerable
  });

  it('hard-coded fingerprints and secrets match the files (so isDemoKey works without them)', () => {
    expect(DEMO_KEY_FINGERPRINTS).toEqual([
      publicKeyFingerprint(DEMO_KEYS.merchantPublicKeyPem),
      publicKeyFingerprint(DEMO_KEYS.platformPublicKeyPem),
    ]);
    expect([...DEMO_SECRET_VALUES].sort()).toEqual(
      [
        DEMO_KEYS.appSecret,
        DEMO_KEYS.apiV3Key,
        DEMO_KEYS.corpSecret,
        DEMO_KEYS.merchantSerial,
        DEMO_KEYS.platformSerial,
      ].sort(),
    );
  });
});

describe('isDemoKey', () => {
  it('recognises demo keys in any encoding, and demo secrets', () => {
    expect(isDemoKey(DEMO_KEYS.merchantPrivateKeyPem)).toBe(true);
    expect(isDemoKey(DEMO_KEYS.platformPublicKeyPem)).toBe(true);
    const pkcs1 = createPrivateKey(DEMO_KEYS.merchantPrivateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(isDemoKey(pkcs1)).toBe(true);
    expect(isDemoKey(createPublicKey(DEMO_KEYS.platformPublicKeyPem))).toBe(true);
    expect(isDemoKey(DEMO_KEYS.apiV3Key)).toBe(true);
    expect(isDemoKey(` ${DEMO_KEYS.appSecret}\n`)).toBe(true);
    expect(isDemoKey(DEMO_KEYS.corpSecret)).toBe(true);
  });

  it('does not flag real-looking keys or garbage', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(isDemoKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toBe(false);
    expect(isDemoKey(publicKey)).toBe(false);
    expect(isDemoKey('-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----')).toBe(false);
    expect(isDemoKey('a'.repeat(32))).toBe(false);
    expect(isDemoKey('')).toBe(false);
  });
});
