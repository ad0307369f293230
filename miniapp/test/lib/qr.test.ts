import { base64Ascii, qrDataUrl, qrMatrix, qrSvg } from '../../src/lib/qr';

describe('QR codes as SVG data URLs', () => {
  it('encodes base64 like btoa', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 1 1"/>']) expect(base64Ascii(s)).toBe(btoa(s));
  });

  it('builds a square matrix with the three finder patterns', () => {
    const m = qrMatrix('M1234567890');
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    // finder corners are dark
    expect(m[0][0] && m[0][n - 1] && m[n - 1][0]).toBe(true);
    // the separator next to the top-left finder is light
    expect(m[7][0]).toBe(false);
  });

  it('handles non-ASCII text (UTF-8 bytes, no TextEncoder needed)', () => {
    expect(() => qrMatrix('会员码 12345')).not.toThrow();
  });

  it('returns an SVG data URL', () => {
    expect(qrSvg('x')).toMatch(/^<svg [^>]*viewBox="0 0 25 25"/);
    const url = qrDataUrl('https://shop.test/#/pages/product/index?id=1&s=AbCdEfGhIjKlMn12345678');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(url.split(',')[1])).toContain('<path');
  });
});
