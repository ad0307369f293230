import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { DEMO_KEYS } from './demo-keys.js';
import { reasonOf } from './testing/errors.js';
import {
  buildAuthorization,
  parseAuthorization,
  requestPaymentParams,
  signSha256Rsa,
  verifyAuthorization,
  verifySha256Rsa,
} from './pay-crypto.js';

const K = DEMO_KEYS;
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherPrivatePem = other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('signSha256Rsa / verifySha256Rsa', () => {
  it('matches signatures computed independently with `openssl dgst -sha256 -sign`', () => {
    // Vector generated once with openssl from demo-keys/merchant_private_key.pem (PKCS#1 v1.5 is deterministic).
    const message =
      'POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"appid":"wx9d33e2a5e97bc8b1"}\n';
    const expected =
      'QrmC1E0ujHEEs/yW4jwBiXHUz7VrMmvQbbZ/rdIx1LY8bu/MA/FFatOwAtJwsQUmmyORWbjPVX+0CAc5bUKf3FJPPom9SUMNT8T+V1CMqRswWZpOXGdhtPCAis1YTkoUtluD7St7QZQQQ/gBLXbCe/akCCgJIq+fAEGRx41kjUDwC0DlMWlxrAFpZJC6MPTqj1yrSVq7IRUxXazBtthmLTd4VydvA+D4DpZLRoPOvCjoQsqz+W4NmgzbfnfwIWln28lLOtB0pDn74v7w03C6W3p9GZEpsgjhnR4hxGgDzxTh4+FITr60a5rrv6zQHbF2mi6IMloIYIIP306c28LqvQ==';
    expect(signSha256Rsa(K.merchantPrivateKeyPem, message)).toBe(expected);
    expect(verifySha256Rsa(K.merchantPublicKeyPem, message, expected)).toBe(true);
  });

  it('round-trips any message and rejects any other message, key or mangled signature', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const sig = signSha256Rsa(K.merchantPrivateKeyPem, a);
        expect(verifySha256Rsa(K.merchantPublicKeyPem, a, sig)).toBe(true);
        if (a !== b) expect(verifySha256Rsa(K.merchantPublicKeyPem, b, sig)).toBe(false);
        expect(verifySha256Rsa(K.platformPublicKeyPem, a, sig)).toBe(false);
      }),
      { numRuns: 30 },
    );
    const sig = signSha256Rsa(K.merchantPrivateKeyPem, 'x');
    expect(verifySha256Rsa(K.merchantPublicKeyPem, 'x', `${sig.slice(0, -4)}AAAA`)).toBe(false);
    expect(verifySha256Rsa(K.merchantPublicKeyPem, 'x', `${sig}!`)).toBe(false);
    expect(verifySha256Rsa(K.merchantPublicKeyPem, 'x', 'WECHATPAY/SIGNTEST/abc')).toBe(false);
    expect(verifySha256Rsa(K.merchantPublicKeyPem, 'x', '')).toBe(false);
  });
});

describe('buildAuthorization / parseAuthorization / verifyAuthorization', () => {
  const base = {
    mchid: K.mchid,
    serialNo: K.merchantSerial,
    privateKeyPem: K.merchantPrivateKeyPem,
    method: 'POST',
    urlPathWithQuery: '/v3/pay/transactions/jsapi',
    body: '{"a":1}',
  };
  const now = 1_700_000_000;

  it('has the exact documented header format', () => {
    const header = buildAuthorization({ ...base, timestamp: now, nonce: 'NONCE123' });
    const sig = signSha256Rsa(K.merchantPrivateKeyPem, `POST\n/v3/pay/transactions/jsapi\n${now}\nNONCE123\n{"a":1}\n`);
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="${K.mchid}",nonce_str="NONCE123",signature="${sig}",timestamp="${now}",serial_no="${K.merchantSerial}"`,
    );
    expect(parseAuthorization(header)).toEqual({
      mchid: K.mchid,
      nonce_str: 'NONCE123',
      signature: sig,
      timestamp: String(now),
      serial_no: K.merchantSerial,
    });
  });

  it('parses fields in any order and with spaces after commas', () => {
    const p = parseAuthorization(
      'WECHATPAY2-SHA256-RSA2048 serial_no="S", timestamp="1", signature="c2ln", nonce_str="n", mchid="m"',
    );
    expect(p).toEqual({ mchid: 'm', nonce_str: 'n', signature: 'c2ln', timestamp: '1', serial_no: 'S' });
    expect(reasonOf(() => parseAuthorization('Bearer x'))).toBe('MALFORMED');
    expect(reasonOf(() => parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="m"'))).toBe('MALFORMED');
    expect(
      reasonOf(() =>
        parseAuthorization(
          'WECHATPAY2-SHA256-RSA2048 mchid="m",mchid="n",nonce_str="n",signature="s",timestamp="1",serial_no="S"',
        ),
      ),
    ).toBe('MALFORMED');
  });

  const verify = (header: string | undefined, over: Partial<Parameters<typeof verifyAuthorization>[0]> = {}) =>
    reasonOf(() =>
      verifyAuthorization({
        header,
        publicKeyPem: K.merchantPublicKeyPem,
        method: 'POST',
        urlPathWithQuery: base.urlPathWithQuery,
        body: base.body,
        expectedSerial: K.merchantSerial,
        expectedMchid: K.mchid,
        nowSeconds: now,
        ...over,
      }),
    );

  it('verifies a genuine request and detects every tampering', () => {
    const header = buildAuthorization({ ...base, timestamp: now });
    expect(verify(header)).toBe('PASSED');
    expect(verify(header, { body: '{"a":2}' })).toBe('SIGNATURE_INVALID');
    expect(verify(header, { urlPathWithQuery: '/v3/pay/transactions/jsapi?x=1' })).toBe('SIGNATURE_INVALID');
    expect(verify(header, { method: 'GET' })).toBe('SIGNATURE_INVALID');
    expect(verify(header, { publicKeyPem: K.platformPublicKeyPem })).toBe('SIGNATURE_INVALID');
    expect(verify(buildAuthorization({ ...base, privateKeyPem: otherPrivatePem, timestamp: now }))).toBe(
      'SIGNATURE_INVALID',
    );
    expect(verify(buildAuthorization({ ...base, serialNo: 'WRONG', timestamp: now }))).toBe('SERIAL_MISMATCH');
    expect(verify(buildAuthorization({ ...base, mchid: '1234567890', timestamp: now }))).toBe('MCHID_MISMATCH');
    expect(verify(buildAuthorization({ ...base, timestamp: now - 301 }))).toBe('TIMESTAMP_SKEW');
    expect(verify(buildAuthorization({ ...base, timestamp: now + 301 }))).toBe('TIMESTAMP_SKEW');
    expect(verify(buildAuthorization({ ...base, timestamp: now - 300 }))).toBe('PASSED');
    expect(verify(undefined)).toBe('MISSING_HEADER');
    // Swapping the timestamp in the header breaks the signature even within the window.
    expect(verify(header.replace(`timestamp="${now}"`, `timestamp="${now + 1}"`))).toBe('SIGNATURE_INVALID');
  });
});

describe('requestPaymentParams', () => {
  it('paySign equals an independent openssl computation over appId\\ntimeStamp\\nnonceStr\\npackage\\n', () => {
    const params = requestPaymentParams({
      appId: K.appId,
      prepayId: 'wx201410272009395522657a690389285100',
      privateKeyPem: K.merchantPrivateKeyPem,
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    });
    // printf 'APPID\n1414561699\n5K82…\nprepay_id=wx2014…\n' | openssl dgst -sha256 -sign merchant_private_key.pem | base64
    expect(params).toEqual({
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
      paySign:
        'IC0gqMx5yauFsoiKqpikmMy8Ww+vgHOYkMTtTHja8baGqgfoWLule1sD2RG8P4gibPsM1av4RpK6X/sRB6WS1KZzhkxLKrA0CGMrMXPpRmHBptn2fWQ7qPXrVk+mlaYDG5ZS4yh/1uxhyMWHYfoJ9m4ORAyTxHoOBY6gpgwWafdHwkgRS1KVqxB8JeObS5dr/MKaANAWBuRpb7raiOoadYp2vY1qLTvsJwWsbtJvR/YqMRhhr1nUPvl+3L7ma9V3tzxlstY4BPWXXaPuPUWT5yp0TLNqphsaFLR1I4a6GQYsl3d0G5yhl/wcuO1vqJQw1OHYy1N8WOwaB3TDjxB1Rg==',
    });
  });

  it('defaults to a current timestamp string and a ≤32-char nonce', () => {
    const p = requestPaymentParams({ appId: K.appId, prepayId: 'wx1', privateKeyPem: K.merchantPrivateKeyPem });
    expect(p.timeStamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(p.timeStamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(p.nonceStr.length).toBeLessThanOrEqual(32);
    expect(
      verifySha256Rsa(K.merchantPublicKeyPem, `${K.appId}\n${p.timeStamp}\n${p.nonceStr}\nprepay_id=wx1\n`, p.paySign),
    ).toBe(true);
  });
});
