import { barcodeDataUrl, barcodeSvg, CODE128, code128Bars, code128Values } from '../../src/lib/barcode';

const widths = (p: string) => [...p].map(Number);

describe('Code 128 table', () => {
  it('has 107 distinct symbols of 11 modules (stop: 13) with an even bar width', () => {
    expect(CODE128.PATTERNS).toHaveLength(107);
    expect(new Set(CODE128.PATTERNS).size).toBe(107);
    CODE128.PATTERNS.forEach((p, v) => {
      const w = widths(p);
      expect(w.length).toBe(v === CODE128.STOP ? 7 : 6);
      expect(w.reduce((a, b) => a + b, 0)).toBe(v === CODE128.STOP ? 13 : 11);
      // Code 128 parity: bars (odd elements) add up to an even number of modules, spaces to odd
      if (v !== CODE128.STOP) expect((w[0] + w[2] + w[4]) % 2).toBe(0);
      w.forEach((x) => expect(x).toBeGreaterThanOrEqual(1));
    });
  });
});

describe('code128Values', () => {
  it('packs digit pairs in code set C with the mod-103 check symbol', () => {
    // start C (105) + 1×12 + 2×34 + 3×56 = 353 → 353 mod 103 = 44
    expect(code128Values('123456')).toEqual([105, 12, 34, 56, 44, 106]);
  });

  it('an 18-digit member code is 9 pairs', () => {
    const values = code128Values('912345678901234567')!;
    expect(values.slice(1, 10)).toEqual([91, 23, 45, 67, 89, 1, 23, 45, 67]);
    const check = values.slice(0, 10).reduce((s, v, i) => s + v * (i === 0 ? 1 : i), 0) % 103;
    expect(values[10]).toBe(check);
    expect(values).toHaveLength(12);
  });

  it('an odd last digit switches to code set B', () => {
    // 105 + 1×12 + 2×100 + 3×('3' − 32 = 19) = 374 → 374 mod 103 = 65
    expect(code128Values('123')).toEqual([105, 12, 100, 19, 65, 106]);
  });

  it('refuses anything but digits', () => {
    expect(code128Values('12a4')).toBeNull();
    expect(code128Values('')).toBeNull();
    expect(barcodeSvg('x')).toBeNull();
    expect(barcodeDataUrl('x')).toBe('');
  });
});

describe('barcode SVG', () => {
  it('lays out quiet zones, symbols and the stop bar', () => {
    const shape = code128Bars('912345678901234567')!;
    // 10 quiet + 11 symbols × 11 + stop 13 + 10 quiet
    expect(shape.width).toBe(10 + 11 * 11 + 13 + 10);
    expect(shape.bars[0]).toEqual([10, 2]); // start C: 2 1 1 2 3 2
    const last = shape.bars[shape.bars.length - 1];
    expect(last[0] + last[1]).toBe(shape.width - 10); // the stop's final 2-module bar ends at the quiet zone
    expect(shape.bars).toHaveLength(3 * 11 + 4);
    const svg = barcodeSvg('912345678901234567')!;
    expect(svg).toContain(`viewBox="0 0 ${shape.width} 60"`);
    expect(barcodeDataUrl('912345678901234567')).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
