import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decryptResource, encryptResource } from './aead.js';
import { DEMO_KEYS } from './demo-keys.js';
import { reasonOf } from './testing/errors.js';

const key = DEMO_KEYS.apiV3Key;

describe('AEAD_AES_256_GCM resources', () => {
  const plaintext = '{"out_trade_no":"X1","amount":{"total":1},"note":"支付"}';
  // Generated independently with Python's `cryptography` AESGCM(key).encrypt(nonce, plaintext, aad): ciphertext ‖ tag.
  const vector = 'ZuDgGK13vI3nx0otJfPaGdQ/JCTEw6zZ+nHSRUzv1K9DtIMC2w85151uCqDiQU0+TccltYKzJ1YbYLQEcCgZYEnH1Jrb62ejOFE=';

  it('matches an independent implementation (tag = last 16 bytes)', () => {
    expect(
      encryptResource({ apiV3Key: key, plaintext, associatedData: 'transaction', nonce: 'abcdefghijkl' }).ciphertext,
    ).toBe(vector);
    expect(
      decryptResource({ apiV3Key: key, ciphertext: vector, associatedData: 'transaction', nonce: 'abcdefghijkl' }),
    ).toBe(plaintext);
    expect(Buffer.from(vector, 'base64').length).toBe(Buffer.byteLength(plaintext) + 16);
  });

  it('round-trips any text, AAD (including empty) and 12-char nonce', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        fc.string({ minLength: 12, maxLength: 12, unit: fc.constantFrom(...'abcXYZ0189') }),
        (text, aad, nonce) => {
          const enc = encryptResource({ apiV3Key: key, plaintext: text, associatedData: aad, nonce });
          expect(enc).toMatchObject({ associated_data: aad, nonce });
          expect(decryptResource({ apiV3Key: key, ciphertext: enc.ciphertext, associatedData: aad, nonce })).toBe(text);
        },
      ),
    );
  });

  it('detects tampering with ciphertext, tag, AAD, nonce or key', () => {
    const enc = encryptResource({ apiV3Key: key, plaintext, associatedData: 'transaction' });
    const bytes = Buffer.from(enc.ciphertext, 'base64');
    const flip = (i: number) => {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 1;
      return copy.toString('base64');
    };
    const dec = (over: Partial<Parameters<typeof decryptResource>[0]>) =>
      reasonOf(() =>
        decryptResource({
          apiV3Key: key,
          ciphertext: enc.ciphertext,
          associatedData: 'transaction',
          nonce: enc.nonce,
          ...over,
        }),
      );
    expect(dec({})).toBe('PASSED');
    expect(dec({ ciphertext: flip(0) })).toBe('DECRYPT_FAILED');
    expect(dec({ ciphertext: flip(bytes.length - 1) })).toBe('DECRYPT_FAILED'); // the tag
    expect(dec({ ciphertext: bytes.subarray(0, bytes.length - 1).toString('base64') })).toBe('DECRYPT_FAILED');
    expect(dec({ ciphertext: 'AAAA' })).toBe('DECRYPT_FAILED');
    expect(dec({ associatedData: 'refund' })).toBe('DECRYPT_FAILED');
    expect(dec({ nonce: 'XXXXXXXXXXXX' })).toBe('DECRYPT_FAILED');
    expect(dec({ apiV3Key: 'x'.repeat(32) })).toBe('DECRYPT_FAILED');
  });

  it('refuses an APIv3 key that is not 32 bytes', () => {
    expect(() => encryptResource({ apiV3Key: 'short', plaintext: 'x' })).toThrow(RangeError);
  });
});
