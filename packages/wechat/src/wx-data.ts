import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// WeChat's open-data encryption (wx.getGroupEnterInfo, wx.getShareInfo, legacy getPhoneNumber):
// AES-128-CBC with PKCS#7 padding, key = base64-decoded session_key, iv = base64-decoded iv, the
// plaintext a JSON object whose `watermark.appid` names the mini-program it was meant for.

/** Why encrypted open data was refused; stable codes for the API's error mapping and tests. */
export class WxDataError extends Error {
  override name = 'WxDataError';
  constructor(
    readonly reason: 'MALFORMED' | 'DECRYPT_FAILED' | 'APPID_MISMATCH',
    message: string = reason,
  ) {
    super(message);
  }
}

export interface WxWatermark {
  appid: string;
  timestamp: number;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function b64(value: string, what: string, length?: number): Buffer {
  if (typeof value !== 'string' || !BASE64.test(value)) throw new WxDataError('MALFORMED', `${what} is not base64`);
  const bytes = Buffer.from(value, 'base64');
  if (length !== undefined && bytes.length !== length)
    throw new WxDataError('MALFORMED', `${what} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}

/** Decrypts `encryptedData` and checks that its watermark names `appId`. */
export function decryptWxData<T extends object>(
  sessionKey: string,
  encryptedData: string,
  iv: string,
  appId: string,
): T & { watermark: WxWatermark } {
  const key = b64(sessionKey, 'session_key', 16);
  const ivBytes = b64(iv, 'iv', 16);
  const data = b64(encryptedData, 'encryptedData');
  if (data.length === 0 || data.length % 16 !== 0)
    throw new WxDataError('MALFORMED', 'encryptedData is not whole AES blocks');
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    const plain = Buffer.concat([decipher.update(data), decipher.final()]);
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new WxDataError('DECRYPT_FAILED', 'encryptedData does not decrypt with this session key');
  }
  const watermark = (parsed as { watermark?: Partial<WxWatermark> } | null)?.watermark;
  if (typeof parsed !== 'object' || parsed === null || !watermark)
    throw new WxDataError('DECRYPT_FAILED', 'decrypted data has no watermark');
  if (watermark.appid !== appId) throw new WxDataError('APPID_MISMATCH', 'the data was encrypted for another app');
  return parsed as T & { watermark: WxWatermark };
}

/** What WeChat does on the phone: the simulator uses it to hand out group data for a session. */
export function encryptWxData(sessionKey: string, payload: object): { encryptedData: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', b64(sessionKey, 'session_key', 16), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return { encryptedData: data.toString('base64'), iv: iv.toString('base64') };
}
