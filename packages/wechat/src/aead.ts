import { createCipheriv, createDecipheriv } from 'node:crypto';
import { WechatPayVerificationError } from './errors.js';
import { randomNonce } from './pay-crypto.js';

// AEAD_AES_256_GCM as WeChat Pay uses it: key = the 32-byte APIv3 key (its UTF-8 bytes), iv = the
// nonce's UTF-8 bytes (12), AAD = associated_data, ciphertext field = base64(ciphertext ‖ 16-byte tag).
const TAG_BYTES = 16;

function keyBytes(apiV3Key: string | Buffer): Buffer {
  const key = typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key;
  if (key.length !== 32) throw new RangeError(`APIv3 key must be 32 bytes, got ${key.length}`);
  return key;
}

export interface EncryptedResource {
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

/** Encrypts a notification resource; `nonce` defaults to 12 random alphanumerics like WeChat's. */
export function encryptResource(input: {
  apiV3Key: string | Buffer;
  plaintext: string;
  associatedData?: string;
  nonce?: string;
}): EncryptedResource {
  const nonce = input.nonce ?? randomNonce(12);
  const associatedData = input.associatedData ?? '';
  const cipher = createCipheriv('aes-256-gcm', keyBytes(input.apiV3Key), Buffer.from(nonce, 'utf8'), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: body.toString('base64'), associated_data: associatedData, nonce };
}

/** Decrypts and authenticates a resource; any tampering (ciphertext, tag, AAD, nonce, key) → DECRYPT_FAILED. */
export function decryptResource(input: {
  apiV3Key: string | Buffer;
  ciphertext: string;
  associatedData?: string;
  nonce: string;
}): string {
  const key = keyBytes(input.apiV3Key);
  const data = Buffer.from(input.ciphertext, 'base64');
  if (data.length < TAG_BYTES || !input.nonce)
    throw new WechatPayVerificationError('DECRYPT_FAILED', 'ciphertext too short or nonce missing');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(input.nonce, 'utf8'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new WechatPayVerificationError('DECRYPT_FAILED', 'resource does not decrypt with the APIv3 key');
  }
}
