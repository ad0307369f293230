import type { RequestPaymentParams } from '@guideshare/contracts';
import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { WechatPayVerificationError } from './errors.js';

/** Signature scheme name used in `Authorization` and `Wechatpay-Signature-Type`. */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export type PrivateKeyInput = string | KeyObject;
export type PublicKeyInput = string | KeyObject;

// PEM parsing costs ~0.1 ms per call; cache parsed keys because every request and notify reuses them.
const keyCache = new Map<string, KeyObject>();
function cachedKey(kind: 'private' | 'public', pem: string): KeyObject {
  const id = `${kind}:${pem}`;
  let key = keyCache.get(id);
  if (!key) {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    if (keyCache.size > 64) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}
const privateKey = (k: PrivateKeyInput) => (typeof k === 'string' ? cachedKey('private', k) : k);
const publicKey = (k: PublicKeyInput) => (typeof k === 'string' ? cachedKey('public', k) : k);

/** Base64(SHA256withRSA(PKCS#1 v1.5)) — the one signature primitive of WeChat Pay v3. */
export function signSha256Rsa(privateKeyPem: PrivateKeyInput, message: string | Buffer): string {
  return sign(
    'sha256',
    typeof message === 'string' ? Buffer.from(message, 'utf8') : message,
    privateKey(privateKeyPem),
  ).toString('base64');
}

/** True when `signatureB64` is a valid SHA256withRSA signature of `message`; never throws on bad input. */
export function verifySha256Rsa(publicKeyPem: PublicKeyInput, message: string | Buffer, signatureB64: string): boolean {
  // Strict base64: Node's decoder silently skips junk, which would let a mangled signature through to verify().
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureB64)) return false;
  try {
    const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
    return verify('sha256', data, publicKey(publicKeyPem), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** 32 random alphanumerics: nonce_str / nonceStr must be ≤ 32 characters. */
export function randomNonce(length = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export const unixSeconds = (ms = Date.now()) => Math.floor(ms / 1000);

/** The request message a merchant signs: METHOD\nURL\ntimestamp\nnonce\nbody\n (body empty for GET). */
export function requestMessage(
  method: string,
  urlPathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method.toUpperCase()}\n${urlPathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

export interface AuthorizationInput {
  mchid: string;
  serialNo: string;
  privateKeyPem: PrivateKeyInput;
  method: string;
  /** Path plus query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/A1?mchid=1900000109`. */
  urlPathWithQuery: string;
  /** The exact JSON text sent; '' for GET. */
  body?: string;
  timestamp?: number | string;
  nonce?: string;
}

/** `Authorization` header for a WeChat Pay v3 request. */
export function buildAuthorization(input: AuthorizationInput): string {
  const timestamp = String(input.timestamp ?? unixSeconds());
  const nonce = input.nonce ?? randomNonce();
  const signature = signSha256Rsa(
    input.privateKeyPem,
    requestMessage(input.method, input.urlPathWithQuery, timestamp, nonce, input.body ?? ''),
  );
  return `${AUTH_SCHEMA} mchid="${input.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Parses an `Authorization` header; throws MALFORMED unless every field is present exactly once. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const prefix = `${AUTH_SCHEMA} `;
  if (!header.startsWith(prefix))
    throw new WechatPayVerificationError('MALFORMED', `Authorization is not ${AUTH_SCHEMA}`);
  const fields = new Map<string, string>();
  // Values are quoted and never contain quotes (base64, digits, hex, alphanumerics).
  const re = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/y;
  const rest = header.slice(prefix.length);
  let m: RegExpExecArray | null;
  while (re.lastIndex < rest.length && (m = re.exec(rest))) {
    if (fields.has(m[1]!)) throw new WechatPayVerificationError('MALFORMED', `Authorization repeats ${m[1]}`);
    fields.set(m[1]!, m[2]!);
  }
  if (re.lastIndex !== rest.length)
    throw new WechatPayVerificationError('MALFORMED', 'Authorization is not key="value" pairs');
  const out: Partial<ParsedAuthorization> = {};
  for (const key of ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const) {
    const value = fields.get(key);
    if (!value) throw new WechatPayVerificationError('MALFORMED', `Authorization lacks ${key}`);
    out[key] = value;
  }
  return out as ParsedAuthorization;
}

export interface VerifyAuthorizationInput {
  /** The raw `Authorization` header (undefined → MISSING_HEADER). */
  header: string | undefined;
  publicKeyPem: PublicKeyInput;
  method: string;
  urlPathWithQuery: string;
  body?: string;
  /** When given, the header's serial_no / mchid must equal these. */
  expectedSerial?: string;
  expectedMchid?: string;
  nowSeconds?: number;
  maxSkewSeconds?: number;
}

/** Verifies a merchant request signature (what WeChat Pay does, and the simulator with it). Throws WechatPayVerificationError. */
export function verifyAuthorization(input: VerifyAuthorizationInput): ParsedAuthorization {
  if (!input.header) throw new WechatPayVerificationError('MISSING_HEADER', 'Authorization header is missing');
  const auth = parseAuthorization(input.header);
  if (input.expectedSerial !== undefined && auth.serial_no !== input.expectedSerial) {
    throw new WechatPayVerificationError('SERIAL_MISMATCH', `unknown serial_no ${auth.serial_no}`);
  }
  if (input.expectedMchid !== undefined && auth.mchid !== input.expectedMchid) {
    throw new WechatPayVerificationError('MCHID_MISMATCH', `mchid ${auth.mchid} does not match`);
  }
  assertFresh(auth.timestamp, input.nowSeconds, input.maxSkewSeconds);
  const message = requestMessage(
    input.method,
    input.urlPathWithQuery,
    auth.timestamp,
    auth.nonce_str,
    input.body ?? '',
  );
  if (!verifySha256Rsa(input.publicKeyPem, message, auth.signature)) {
    throw new WechatPayVerificationError('SIGNATURE_INVALID', 'request signature does not verify');
  }
  return auth;
}

/** Replay guard: a signed timestamp more than maxSkew seconds away from now is refused. */
export function assertFresh(timestamp: string, nowSeconds = unixSeconds(), maxSkewSeconds = 300): void {
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WechatPayVerificationError('MALFORMED', `timestamp ${JSON.stringify(timestamp)} is not unix seconds`);
  if (Math.abs(nowSeconds - Number(timestamp)) > maxSkewSeconds) {
    throw new WechatPayVerificationError(
      'TIMESTAMP_SKEW',
      `timestamp ${timestamp} is more than ${maxSkewSeconds}s from now (${nowSeconds})`,
    );
  }
}

/** The shape is the contract's: the mini-program passes it to wx.requestPayment as is. */
export type { RequestPaymentParams };

/** `wx.requestPayment` parameters; paySign covers appId\ntimeStamp\nnonceStr\npackage\n (signType is not signed). */
export function requestPaymentParams(input: {
  appId: string;
  prepayId: string;
  privateKeyPem: PrivateKeyInput;
  timeStamp?: string | number;
  nonceStr?: string;
}): RequestPaymentParams {
  const timeStamp = String(input.timeStamp ?? unixSeconds());
  const nonceStr = input.nonceStr ?? randomNonce();
  const pkg = `prepay_id=${input.prepayId}`;
  const paySign = signSha256Rsa(input.privateKeyPem, `${input.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}
