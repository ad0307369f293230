import { createHash, randomInt } from 'node:crypto';

// The simulator maps a login code to a person deterministically, so tests and demos can name users
// ("alice.1", "alice.2" → both alice) without any setup, and ids look like WeChat's (28 chars).
const b64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

export interface SimulatedUser {
  key: string;
  /** Mini-program openid */
  openid: string;
  /** Absent for keys starting with "nounion" (app not bound to an Open Platform account). */
  unionid?: string;
  sessionKey: string;
  /** The same person's Official Account openid (differs from the mini-program one, as in WeChat). */
  oaOpenid: string;
}

/** The user behind a key: openid = 'o' + base64url(sha256('mp:'+key)).slice(0,27), unionid likewise with 'union:'. */
export function simulatedUser(key: string): SimulatedUser {
  return {
    key,
    openid: `o${b64(`mp:${key}`).slice(0, 27)}`,
    ...(key.startsWith('nounion') ? {} : { unionid: `u${b64(`union:${key}`).slice(0, 27)}` }),
    sessionKey: createHash('sha256').update(`session:${key}`).digest().subarray(0, 16).toString('base64'),
    oaOpenid: `o${b64(`oa:${key}`).slice(0, 27)}`,
  };
}

/** A WeCom external_userid for a user key (wm + 30 chars, like WeCom's). */
export const simulatedExternalUserId = (key: string) => `wm${b64(`wecom:${key}`).slice(0, 30)}`;

/** The user key of a code: the part before the first '.'; null when empty or not [A-Za-z0-9_-]{1,64}. */
export function userKeyFromCode(code: string | null | undefined): string | null {
  const key = (code ?? '').split('.')[0]!;
  return /^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : null;
}

export function randomDigits(n: number): string {
  let out = '';
  while (out.length < n) out += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return out.slice(0, n);
}

// Ids carry randomness, not just a counter: the API persists them, and a restarted simulator must not
// hand out a transaction_id the API has already seen (it would be taken for a duplicate notification).
export const newTransactionId = (yyyymmdd: string) => `4200${randomDigits(3)}${yyyymmdd}${randomDigits(13)}`;
export const newRefundId = (yyyymmdd: string) => `50${randomDigits(5)}${yyyymmdd}${randomDigits(14)}`;
export const newPrepayId = (stamp14: string) => `wx${stamp14}${randomDigits(20)}`;
