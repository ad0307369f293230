import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isShareCodeShape, SHARE_CODE_ID_LENGTH, SHARE_CODE_LENGTH } from '@guideshare/contracts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(bytes: Buffer, length: number): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (out.length < length) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

const TAG_LENGTH = SHARE_CODE_LENGTH - SHARE_CODE_ID_LENGTH;

function tag(secret: string, id: string): string {
  return base62(createHmac('sha256', secret).update(id).digest().subarray(0, 12), TAG_LENGTH);
}

/**
 * Share codes: 14 random base62 characters (~83 bits, unguessable) + an 8-character HMAC tag, so a
 * forged or altered code is rejected before any database read.
 */
export function issueShareCode(secret: string): string {
  const id = base62(randomBytes(12), SHARE_CODE_ID_LENGTH);
  return id + tag(secret, id);
}

export function isAuthenticShareCode(secret: string, code: unknown): code is string {
  if (!isShareCodeShape(code)) return false;
  const expected = Buffer.from(tag(secret, code.slice(0, SHARE_CODE_ID_LENGTH)));
  return timingSafeEqual(expected, Buffer.from(code.slice(SHARE_CODE_ID_LENGTH)));
}
