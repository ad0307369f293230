import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Member codes (会员码) — what a consumer shows at a store counter.
 *
 * Format: 18 digits, `9` + 17 digits. The leading `9` keeps them apart from WeChat Pay (10–15) and
 * Alipay (25–30) payment codes on a counter scanner that reads both; digits only, so the same string
 * works as a Code 128 barcode, a QR payload, or typed by hand.
 *
 * The 17 digits are an encryption of
 *
 *     memberNo (10 digits) ‖ step mod 10 (1 digit) ‖ tag (6 digits)
 *
 * - `memberNo` is the member's random, unique, 10-digit code number (`members.codeNo`), assigned
 *   once when the member is created — so issuing a code reads the member and writes nothing.
 * - `step` is the one-minute time step of issue; only its last digit travels, the server recovers
 *   the full step from its own clock.
 * - `tag` = HMAC-SHA256(tagKey, memberNo:step) truncated to 6 digits: it binds the code to that
 *   member and that minute.
 * - The whole 17 digits are then enciphered with a 10-round Feistel permutation over decimal
 *   strings (the structure of NIST FF1, HMAC-SHA256 as round function, key derived from
 *   MEMBER_CODE secret). Without the key a code reveals nothing — not even the member number — and
 *   consecutive codes of one member look unrelated.
 *
 * Forging: any 17 digits decipher to *some* plaintext, which is accepted only if its 6-digit tag is
 * right for its member number and a current step (≈1 in 10⁶) and the member number belongs to a
 * member (≈ members / 10¹⁰) — and only a counter holding a store key can even try. Forging a given
 * member's code means hitting one ciphertext in 10¹⁷.
 *
 * Validity: a code issued in step s is shown with `expiresAt` = start of step s + VALID_STEPS (4–5
 * minutes after issue) and accepted from step s − 1 (another API instance's clock may run ahead)
 * to the end of step s + VALID_STEPS — one extra minute for clock skew and a slow scan.
 */

export const MEMBER_CODE_PREFIX = '9';
export const MEMBER_CODE_LENGTH = 18;
export const MEMBER_NO_DIGITS = 10;
export const STEP_MS = 60_000;
/** Steps a code is shown as valid for; the server accepts one step more. */
export const VALID_STEPS = 5;
/** How far back an honest code is still recognised (as expired, or for a retried receipt). */
export const EXPIRED_LOOKBACK_STEPS = 24 * 60;

const TAG_DIGITS = 6;
const BODY_DIGITS = MEMBER_CODE_LENGTH - MEMBER_CODE_PREFIX.length;
const ROUNDS = 10;
const SHAPE = new RegExp(`^${MEMBER_CODE_PREFIX}\\d{${BODY_DIGITS}}$`);

/** A new random member code number (10 digits, leading zeros kept). */
export function newMemberNo(): string {
  return String(randomInt(0, 10 ** MEMBER_NO_DIGITS)).padStart(MEMBER_NO_DIGITS, '0');
}

export const stepAt = (ms: number) => Math.floor(ms / STEP_MS);

interface Keys {
  fpe: Buffer;
  tag: Buffer;
}

// Separate keys for separate purposes, derived from the one configured secret.
function keys(secret: string): Keys {
  return {
    fpe: createHmac('sha256', secret).update('member-code:fpe').digest(),
    tag: createHmac('sha256', secret).update('member-code:tag').digest(),
  };
}

function tag(key: Buffer, memberNo: string, step: number): string {
  const mac = createHmac('sha256', key).update(`${memberNo}:${step}`).digest();
  return String(mac.readUIntBE(0, 6) % 10 ** TAG_DIGITS).padStart(TAG_DIGITS, '0');
}

function round(key: Buffer, i: number, half: string, digits: number): bigint {
  const mac = createHmac('sha256', key).update(`${i}:${half}`).digest();
  return mac.readBigUInt64BE(0) % 10n ** BigInt(digits);
}

/** FF1-shaped Feistel permutation of a decimal string (halves of ⌊n/2⌋ and ⌈n/2⌉ digits). */
function encipher(key: Buffer, plain: string): string {
  const u = Math.floor(plain.length / 2);
  const v = plain.length - u;
  let a = plain.slice(0, u);
  let b = plain.slice(u);
  for (let i = 0; i < ROUNDS; i++) {
    const m = i % 2 === 0 ? u : v;
    const c = (BigInt(a) + round(key, i, b, m)) % 10n ** BigInt(m);
    a = b;
    b = c.toString().padStart(m, '0');
  }
  return a + b;
}

function decipher(key: Buffer, cipher: string): string {
  const u = Math.floor(cipher.length / 2);
  const v = cipher.length - u;
  let a = cipher.slice(0, u);
  let b = cipher.slice(u);
  for (let i = ROUNDS - 1; i >= 0; i--) {
    const m = i % 2 === 0 ? u : v;
    const mod = 10n ** BigInt(m);
    const c = (((BigInt(b) - round(key, i, a, m)) % mod) + mod) % mod;
    b = a;
    a = c.toString().padStart(m, '0');
  }
  return a + b;
}

/** The code for `memberNo` at time `now` (epoch ms), and when the consumer should see it expire. */
export function issueMemberCode(secret: string, memberNo: string, now: number): { code: string; expiresAt: Date } {
  if (!/^\d{10}$/.test(memberNo)) throw new RangeError('memberNo must be 10 digits');
  const step = stepAt(now);
  const k = keys(secret);
  const plain = `${memberNo}${step % 10}${tag(k.tag, memberNo, step)}`;
  return { code: MEMBER_CODE_PREFIX + encipher(k.fpe, plain), expiresAt: new Date((step + VALID_STEPS) * STEP_MS) };
}

export interface MemberCodeReading {
  memberNo: string;
  /** The step the code was issued in. */
  step: number;
  /** How many steps ago (−1 when issued by a clock one step ahead). */
  ageSteps: number;
}

/**
 * The member number and issue step of an authentic code issued at most `lookbackSteps` ago (or one
 * step ahead), else null. Says nothing about freshness: see `isFresh`.
 */
export function readMemberCode(
  secret: string,
  code: unknown,
  now: number,
  lookbackSteps = EXPIRED_LOOKBACK_STEPS,
): MemberCodeReading | null {
  if (typeof code !== 'string' || !SHAPE.test(code)) return null;
  const k = keys(secret);
  const plain = decipher(k.fpe, code.slice(MEMBER_CODE_PREFIX.length));
  const memberNo = plain.slice(0, MEMBER_NO_DIGITS);
  const residue = Number(plain[MEMBER_NO_DIGITS]);
  const claimed = Buffer.from(plain.slice(MEMBER_NO_DIGITS + 1));
  const nowStep = stepAt(now);
  // The latest step with that last digit, no later than one step ahead of our clock; then every
  // ten steps back.
  const latest = nowStep + 1 - ((((nowStep + 1 - residue) % 10) + 10) % 10);
  for (let step = latest; nowStep - step <= lookbackSteps; step -= 10) {
    if (timingSafeEqual(Buffer.from(tag(k.tag, memberNo, step)), claimed))
      return { memberNo, step, ageSteps: nowStep - step };
  }
  return null;
}

/** Whether a reading is within the accepted window: issued from one step ahead to VALID_STEPS ago. */
export function isFresh(reading: MemberCodeReading): boolean {
  return reading.ageSteps >= -1 && reading.ageSteps <= VALID_STEPS;
}
