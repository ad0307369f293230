import { svgDataUrl } from './qr';

// Code 128 barcodes for digit strings (the 18-digit member code), as SVG data URLs like the QR codes:
// pure JS, no canvas. Digits go two per symbol in code set C; an odd last digit switches to set B.

/**
 * Bar/space widths (in modules) of symbol values 0…106: six elements, bar first, 11 modules each;
 * 103–105 are Start A/B/C, 106 is Stop (seven elements, 13 modules).
 */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 ' +
  '221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 ' +
  '231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

export const CODE128 = { PATTERNS, START_C: 105, CODE_B: 100, STOP: 106 } as const;

/** The symbol values of a digit string in Code 128, start and check symbol included; null if not digits. */
export function code128Values(digits: string): number[] | null {
  if (!/^\d+$/.test(digits)) return null;
  const values: number[] = [CODE128.START_C];
  const pairs = digits.length - (digits.length % 2);
  for (let i = 0; i < pairs; i += 2) values.push(Number(digits.slice(i, i + 2)));
  if (pairs < digits.length) values.push(CODE128.CODE_B, digits.charCodeAt(pairs) - 32);
  const check = values.reduce((sum, v, i) => sum + v * (i === 0 ? 1 : i), 0) % 103;
  values.push(check, CODE128.STOP);
  return values;
}

/** Bars as [x, width] in modules, after a 10-module quiet zone; `width` is the whole symbol with both quiet zones. */
export function code128Bars(digits: string): { bars: Array<[number, number]>; width: number } | null {
  const values = code128Values(digits);
  if (!values) return null;
  const QUIET = 10;
  const bars: Array<[number, number]> = [];
  let x = QUIET;
  for (const v of values) {
    const widths = PATTERNS[v];
    for (let i = 0; i < widths.length; i++) {
      const w = widths.charCodeAt(i) - 48;
      if (i % 2 === 0) bars.push([x, w]);
      x += w;
    }
  }
  return { bars, width: x + QUIET };
}

/** An SVG of the barcode; stretched to its box (preserveAspectRatio none), bars stay crisp. */
export function barcodeSvg(digits: string, color = '#111111'): string | null {
  const shape = code128Bars(digits);
  if (!shape) return null;
  const H = 60;
  const d = shape.bars.map(([x, w]) => `M${x} 0h${w}v${H}h-${w}z`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${shape.width} ${H}" preserveAspectRatio="none" shape-rendering="crispEdges"><rect width="${shape.width}" height="${H}" fill="#ffffff"/><path fill="${color}" d="${d}"/></svg>`;
}

export function barcodeDataUrl(digits: string): string {
  const svg = barcodeSvg(digits);
  return svg ? svgDataUrl(svg) : '';
}
