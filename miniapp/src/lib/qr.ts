import { create } from 'qrcode/lib/core/qrcode';

// QR codes as SVG data URLs: the `qrcode` package's core computes the modules (pure JS, no canvas,
// no TextEncoder — which the mini-program runtime lacks), and an <Image> shows the SVG in both H5 and weapp.

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (btoa is missing in the mini-program runtime). */
export function base64Ascii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i);
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN;
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += Number.isNaN(b) ? '=' : B64[(n >> 6) & 63];
    out += Number.isNaN(c) ? '=' : B64[n & 63];
  }
  return out;
}

/** The QR module matrix of a text (rows of booleans), error correction M. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = create([{ data: utf8Bytes(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/** An SVG of the QR code with a 2-module quiet zone, one path of unit squares. */
export function qrSvg(text: string, color = '#111111'): string {
  const m = qrMatrix(text);
  const size = m.length + 4;
  let d = '';
  m.forEach((row, r) => {
    row.forEach((on, c) => {
      if (on) d += `M${c + 2} ${r + 2}h1v1h-1z`;
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#ffffff"/><path fill="${color}" d="${d}"/></svg>`;
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}

export function qrDataUrl(text: string): string {
  return svgDataUrl(qrSvg(text));
}
