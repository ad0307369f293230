import { randomUUID } from 'node:crypto';
import { decryptResource, encryptResource } from './aead.js';
import { WechatPayVerificationError } from './errors.js';
import { getHeader, type HeaderSource } from './headers.js';
import {
  AUTH_SCHEMA,
  assertFresh,
  randomNonce,
  signSha256Rsa,
  unixSeconds,
  verifySha256Rsa,
  type PrivateKeyInput,
  type PublicKeyInput,
} from './pay-crypto.js';
import { rfc3339Cst } from './time.js';

/** The outer JSON of a WeChat Pay v3 notification (plaintext part). */
export interface NotificationEnvelope {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  resource: {
    original_type: string;
    algorithm: string;
    ciphertext: string;
    associated_data?: string;
    nonce: string;
  };
}

/** The message WeChat Pay signs on responses and notifications: timestamp\nnonce\nbody\n over the raw bytes. */
function platformMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    Buffer.from('\n', 'utf8'),
  ]);
}

/** `Wechatpay-*` headers for a body signed with the platform key (simulator responses and notifications). */
export function signNotification(input: {
  body: string | Buffer;
  platformPrivateKeyPem: PrivateKeyInput;
  platformSerial: string;
  timestamp?: number | string;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(input.timestamp ?? unixSeconds());
  const nonce = input.nonce ?? randomNonce();
  return {
    'Wechatpay-Serial': input.platformSerial,
    'Wechatpay-Signature': signSha256Rsa(input.platformPrivateKeyPem, platformMessage(timestamp, nonce, input.body)),
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature-Type': AUTH_SCHEMA,
  };
}

export interface PlatformSignatureCheck {
  headers: HeaderSource;
  /** The raw body exactly as received: re-serialised JSON would not verify. */
  rawBody: string | Buffer;
  platformPublicKeyPem: PublicKeyInput;
  platformSerial: string;
  nowSeconds?: number;
  maxSkewSeconds?: number;
}

/** Verifies `Wechatpay-*` headers over a raw body (notifications and API responses). Throws WechatPayVerificationError. */
export function verifyWechatpaySignature(input: PlatformSignatureCheck): void {
  const serial = getHeader(input.headers, 'Wechatpay-Serial');
  const signature = getHeader(input.headers, 'Wechatpay-Signature');
  const timestamp = getHeader(input.headers, 'Wechatpay-Timestamp');
  const nonce = getHeader(input.headers, 'Wechatpay-Nonce');
  const missing = [
    ['Wechatpay-Serial', serial],
    ['Wechatpay-Signature', signature],
    ['Wechatpay-Timestamp', timestamp],
    ['Wechatpay-Nonce', nonce],
  ].filter(([, v]) => !v);
  if (missing.length)
    throw new WechatPayVerificationError('MISSING_HEADER', `missing ${missing.map(([n]) => n).join(', ')}`);
  const type = getHeader(input.headers, 'Wechatpay-Signature-Type');
  if (type && type !== AUTH_SCHEMA)
    throw new WechatPayVerificationError('MALFORMED', `unsupported signature type ${type}`);
  // A serial we do not hold means a rotated or foreign key: fail closed rather than try other keys.
  if (serial !== input.platformSerial)
    throw new WechatPayVerificationError('SERIAL_MISMATCH', `unexpected Wechatpay-Serial ${serial}`);
  assertFresh(timestamp!, input.nowSeconds, input.maxSkewSeconds);
  if (!verifySha256Rsa(input.platformPublicKeyPem, platformMessage(timestamp!, nonce!, input.rawBody), signature!)) {
    throw new WechatPayVerificationError('SIGNATURE_INVALID', 'Wechatpay-Signature does not verify');
  }
}

export interface VerifyNotificationInput extends PlatformSignatureCheck {
  apiV3Key: string | Buffer;
}

/**
 * Authenticates a WeChat Pay v3 notification and decrypts its resource.
 * Order: headers → serial → clock skew → signature → envelope shape → AES-GCM → plaintext JSON,
 * so the cheap checks run first and nothing is parsed before it is authenticated.
 */
export function verifyNotification<T = Record<string, unknown>>(
  input: VerifyNotificationInput,
): { envelope: NotificationEnvelope; resource: T } {
  verifyWechatpaySignature(input);
  const text = typeof input.rawBody === 'string' ? input.rawBody : input.rawBody.toString('utf8');
  let envelope: NotificationEnvelope;
  try {
    envelope = JSON.parse(text) as NotificationEnvelope;
  } catch {
    throw new WechatPayVerificationError('MALFORMED', 'body is not JSON');
  }
  const r = envelope?.resource;
  if (
    typeof envelope?.event_type !== 'string' ||
    typeof r !== 'object' ||
    r === null ||
    typeof r.ciphertext !== 'string' ||
    typeof r.nonce !== 'string'
  ) {
    throw new WechatPayVerificationError('MALFORMED', 'not a notification envelope');
  }
  if (r.algorithm !== 'AEAD_AES_256_GCM')
    throw new WechatPayVerificationError('MALFORMED', `unsupported algorithm ${r.algorithm}`);
  const plaintext = decryptResource({
    apiV3Key: input.apiV3Key,
    ciphertext: r.ciphertext,
    associatedData: r.associated_data ?? '',
    nonce: r.nonce,
  });
  try {
    return { envelope, resource: JSON.parse(plaintext) as T };
  } catch {
    throw new WechatPayVerificationError('MALFORMED', 'decrypted resource is not JSON');
  }
}

export interface BuildNotificationInput {
  /** e.g. TRANSACTION.SUCCESS, REFUND.SUCCESS */
  eventType: string;
  /** The plaintext resource (Transaction or RefundNotification JSON). */
  resource: object;
  /** 'transaction' | 'refund'; also used as associated_data, as WeChat does. */
  originalType: string;
  platformPrivateKeyPem: PrivateKeyInput;
  platformSerial: string;
  apiV3Key: string | Buffer;
  /** Epoch ms; drives create_time and Wechatpay-Timestamp. */
  now?: number;
  id?: string;
  summary?: string;
}

/** A complete signed + encrypted notification, ready to POST (or to tamper with in tests). */
export function buildNotification(input: BuildNotificationInput): {
  headers: Record<string, string>;
  body: string;
  envelope: NotificationEnvelope;
} {
  const now = input.now ?? Date.now();
  const encrypted = encryptResource({
    apiV3Key: input.apiV3Key,
    plaintext: JSON.stringify(input.resource),
    associatedData: input.originalType,
  });
  const envelope: NotificationEnvelope = {
    id: input.id ?? randomUUID(),
    create_time: rfc3339Cst(now),
    event_type: input.eventType,
    resource_type: 'encrypt-resource',
    summary: input.summary ?? (input.originalType === 'refund' ? '退款状态改变' : '支付成功'),
    resource: { original_type: input.originalType, algorithm: 'AEAD_AES_256_GCM', ...encrypted },
  };
  const body = JSON.stringify(envelope);
  const headers = {
    'Content-Type': 'application/json',
    ...signNotification({
      body,
      platformPrivateKeyPem: input.platformPrivateKeyPem,
      platformSerial: input.platformSerial,
      timestamp: unixSeconds(now),
    }),
  };
  return { headers, body, envelope };
}
