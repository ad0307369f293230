import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decryptWxData, encryptWxData, WxDataError } from './wx-data.js';

const KEY = Buffer.alloc(16, 7).toString('base64');
const OTHER = Buffer.alloc(16, 9).toString('base64');
const APPID = 'wxdemo';

const reason = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof WxDataError) return e.reason;
    throw e;
  }
  return 'OK';
};

describe('WeChat open-data encryption (AES-128-CBC)', () => {
  it('round-trips any group id with the watermark checked', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (opengid) => {
        const sealed = encryptWxData(KEY, { opengid, watermark: { appid: APPID, timestamp: 1 } });
        expect(decryptWxData<{ opengid: string }>(KEY, sealed.encryptedData, sealed.iv, APPID).opengid).toBe(opengid);
      }),
    );
  });

  it('refuses another session key, another app, tampering and garbage', () => {
    const sealed = encryptWxData(KEY, { opengid: 'G1', watermark: { appid: APPID, timestamp: 1 } });
    // A wrong key almost always breaks the padding; when it does not, the JSON or watermark fails.
    expect(reason(() => decryptWxData(OTHER, sealed.encryptedData, sealed.iv, APPID))).toBe('DECRYPT_FAILED');
    expect(reason(() => decryptWxData(KEY, sealed.encryptedData, sealed.iv, 'wxother'))).toBe('APPID_MISMATCH');
    const flipped = Buffer.from(sealed.encryptedData, 'base64');
    flipped[flipped.length - 1]! ^= 1;
    expect(reason(() => decryptWxData(KEY, flipped.toString('base64'), sealed.iv, APPID))).toBe('DECRYPT_FAILED');
    expect(reason(() => decryptWxData(KEY, 'not base64!', sealed.iv, APPID))).toBe('MALFORMED');
    expect(reason(() => decryptWxData(KEY, 'AAAA', sealed.iv, APPID))).toBe('MALFORMED');
    expect(reason(() => decryptWxData(KEY, sealed.encryptedData, 'AAAA', APPID))).toBe('MALFORMED');
    const noWatermark = encryptWxData(KEY, { opengid: 'G1' });
    expect(reason(() => decryptWxData(KEY, noWatermark.encryptedData, noWatermark.iv, APPID))).toBe('DECRYPT_FAILED');
  });
});
