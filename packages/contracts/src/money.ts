// The one yuan ↔ fen codec (API, WeChat Pay bills, mini-program, console). Money is integer fen;
// text is converted with string and integer arithmetic only: a float would drift by a fen on 0.1 + 0.2.

/**
 * Integer fen → yuan text with `decimals` (≥ 2) places, the extra ones zeros:
 * 12345 → "123.45"; 1 with 5 decimals → "0.01000" (WeChat Pay's 手续费 column).
 */
export function formatFen(fen: number, decimals = 2): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  if (!Number.isInteger(decimals) || decimals < 2) throw new RangeError(`decimals must be ≥ 2, got ${decimals}`);
  const abs = Math.abs(fen);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}${'0'.repeat(decimals - 2)}`;
  return fen < 0 ? `-${text}` : text;
}

/** "¥123.45" as shown to shoppers. */
export function formatPrice(fen: number): string {
  const s = formatFen(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}

/**
 * Yuan text → integer fen, exactly: "0.01", "12", "-3.5". At most `maxDecimals` (≥ 2) decimals, and
 * those beyond the fen must be zeros: with 5, "0.01000" is 1 fen and "0.00500" throws (half a fen).
 * With `subFen: 'round'` digits beyond the fen are rounded half away from zero instead ("0.00500" is
 * 1 fen), for figures that are informational, such as WeChat Pay's fee; still integer-only.
 */
export function parseYuanToFen(text: string, maxDecimals = 2, subFen: 'refuse' | 'round' = 'refuse'): number {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${JSON.stringify(text)}`);
  const decimals = m[3] ?? '';
  if (decimals.length > Math.max(2, maxDecimals))
    throw new RangeError(`more than ${Math.max(2, maxDecimals)} decimals: ${JSON.stringify(text)}`);
  const beyondFen = decimals.slice(2);
  if (subFen === 'refuse' && /[1-9]/.test(beyondFen)) throw new RangeError(`amount has fractions of a fen: ${text}`);
  const roundsUp = subFen === 'round' && beyondFen >= '5';
  const fen = Number(m[2]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0')) + (roundsUp ? 1 : 0);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${text}`);
  return m[1] && fen !== 0 ? -fen : fen;
}
