// Bills print yuan; the rest of the system counts integer fen. Convert with string arithmetic only:
// floating point would drift by a fen on sums like 0.1 + 0.2.

/** Integer fen → yuan text with `decimals` (≥ 2) places: 12345 → "123.45", 1 with 5 → "0.01000". */
export function formatYuan(fen: number, decimals = 2): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const abs = Math.abs(fen);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}${'0'.repeat(Math.max(0, decimals - 2))}`;
  return fen < 0 ? `-${text}` : text;
}

/** Yuan text → integer fen, exactly. Extra decimals must be zeros ("0.01000" ok, "0.005" throws). */
export function parseYuan(text: string): number {
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${JSON.stringify(text)}`);
  const decimals = m[3] ?? '';
  if (/[1-9]/.test(decimals.slice(2))) throw new RangeError(`amount has fractions of a fen: ${text}`);
  const fen = Number(m[2]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${text}`);
  return m[1] && fen !== 0 ? -fen : fen;
}
