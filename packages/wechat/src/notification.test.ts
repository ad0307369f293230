import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { encryptResource } from './aead.js';
import { DEMO_KEYS } from './demo-keys.js';
import { reasonOf } from './testing/errors.js';
import { buildNotification, signNotification, verifyNotification } from './notification.js';

const K = DEMO_KEYS;
const NOW_MS = 1_700_000_000_000;
const NOW = NOW_MS / 1000;
const resource = {
  out_trade_no: 'ORDER_1',
  transaction_id: '4200000001',
  trade_state: 'SUCCESS',
  amount: { total: 100 },
};

const build = (over: Partial<Parameters<typeof buildNotification>[0]> = {}) =>
  buildNotification({
    eventType: 'TRANSACTION.SUCCESS',
    resource,
    originalType: 'transaction',
    platformPrivateKeyPem: K.platformPrivateKeyPem,
    platformSerial: K.platformSerial,
    apiV3Key: K.apiV3Key,
    now: NOW_MS,
    ...over,
  });

type Headers = Record<string, string | string[] | undefined>;
function verify(headers: Headers | globalThis.Headers, rawBody: string | Buffer, over: Record<string, unknown> = {}) {
  return verifyNotification({
    headers,
    rawBody,
    platformPublicKeyPem: K.platformPublicKeyPem,
    platformSerial: K.platformSerial,
    apiV3Key: K.apiV3Key,
    nowSeconds: NOW,
    ...over,
  });
}

describe('buildNotification → verifyNotification', () => {
  it('round-trips: documented envelope, decrypted resource', () => {
    const n = build();
    const { envelope, resource: r } = verify(n.headers, n.body);
    expect(r).toEqual(resource);
    expect(envelope).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      create_time: '2023-11-15T06:13:20+08:00',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' },
    });
    expect(envelope.resource.nonce).toHaveLength(12);
    expect(n.headers).toMatchObject({
      'Wechatpay-Serial': K.platformSerial,
      'Wechatpay-Timestamp': String(NOW),
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    });
  });

  it('reads headers case-insensitively, from plain objects, arrays or fetch Headers, and Buffer bodies', () => {
    const n = build();
    const lower = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const upper = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toUpperCase(), [v]]));
    expect(verify(lower, n.body).resource).toEqual(resource);
    expect(verify(upper, Buffer.from(n.body)).resource).toEqual(resource);
    expect(verify(new Headers(n.headers), n.body).resource).toEqual(resource);
  });

  it('rejects a changed body, a re-serialised body and a foreign signer', () => {
    const n = build();
    expect(reasonOf(() => verify(n.headers, n.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ')))).toBe(
      'SIGNATURE_INVALID',
    );
    expect(reasonOf(() => verify(n.headers, JSON.stringify(JSON.parse(n.body), null, 1)))).toBe('SIGNATURE_INVALID');
    const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = build({ platformPrivateKeyPem: foreign });
    expect(reasonOf(() => verify(forged.headers, forged.body))).toBe('SIGNATURE_INVALID');
    // WeChat's signature probes ("WECHATPAY/SIGNTEST/…") must fail verification.
    expect(reasonOf(() => verify({ ...n.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abcdef' }, n.body))).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('rejects a wrong serial, stale or future timestamps, missing headers', () => {
    const n = build();
    expect(reasonOf(() => verify(n.headers, n.body, { platformSerial: 'OTHER' }))).toBe('SERIAL_MISMATCH');
    expect(reasonOf(() => verify(n.headers, n.body, { nowSeconds: NOW + 301 }))).toBe('TIMESTAMP_SKEW');
    expect(reasonOf(() => verify(n.headers, n.body, { nowSeconds: NOW - 301 }))).toBe('TIMESTAMP_SKEW');
    expect(reasonOf(() => verify(n.headers, n.body, { nowSeconds: NOW + 300 }))).toBe('PASSED');
    expect(reasonOf(() => verify(n.headers, n.body, { nowSeconds: NOW + 100, maxSkewSeconds: 60 }))).toBe(
      'TIMESTAMP_SKEW',
    );
    for (const name of ['Wechatpay-Serial', 'Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce']) {
      const { [name]: _dropped, ...rest } = n.headers;
      expect(reasonOf(() => verify(rest, n.body))).toBe('MISSING_HEADER');
    }
    expect(reasonOf(() => verify({ ...n.headers, 'Wechatpay-Timestamp': 'soon' }, n.body))).toBe('MALFORMED');
  });

  it('rejects a replayed notification whose timestamp header was moved forward', () => {
    const n = build();
    expect(
      reasonOf(() =>
        verify({ ...n.headers, 'Wechatpay-Timestamp': String(NOW + 1000) }, n.body, { nowSeconds: NOW + 1000 }),
      ),
    ).toBe('SIGNATURE_INVALID');
  });

  it('reports DECRYPT_FAILED and MALFORMED for authentic but unusable bodies', () => {
    const signed = (body: string) => ({
      headers: signNotification({
        body,
        platformPrivateKeyPem: K.platformPrivateKeyPem,
        platformSerial: K.platformSerial,
        timestamp: NOW,
      }),
      body,
    });
    const wrongKey = build({ apiV3Key: 'y'.repeat(32) });
    expect(reasonOf(() => verify(wrongKey.headers, wrongKey.body))).toBe('DECRYPT_FAILED');
    const tampered = JSON.parse(build().body);
    tampered.resource.associated_data = 'refund';
    const t = signed(JSON.stringify(tampered));
    expect(reasonOf(() => verify(t.headers, t.body))).toBe('DECRYPT_FAILED');
    const notJson = signed('not json');
    expect(reasonOf(() => verify(notJson.headers, notJson.body))).toBe('MALFORMED');
    const noResource = signed('{"event_type":"TRANSACTION.SUCCESS"}');
    expect(reasonOf(() => verify(noResource.headers, noResource.body))).toBe('MALFORMED');
    const enc = encryptResource({ apiV3Key: K.apiV3Key, plaintext: 'plain text', associatedData: '' });
    const badPlain = signed(
      JSON.stringify({ id: '1', event_type: 'X', resource: { algorithm: 'AEAD_AES_256_GCM', ...enc } }),
    );
    expect(reasonOf(() => verify(badPlain.headers, badPlain.body))).toBe('MALFORMED');
    const otherAlgo = signed(
      JSON.stringify({ id: '1', event_type: 'X', resource: { algorithm: 'AES_128_CBC', ...enc } }),
    );
    expect(reasonOf(() => verify(otherAlgo.headers, otherAlgo.body))).toBe('MALFORMED');
  });
});
