import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { excelCell } from '../src/common/excel.js';

describe('excelCell, the CSV formula-injection guard', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '=', '@'])
      expect(excelCell(evil)).toBe(`'${evil}`);
  });

  it('leaves numbers, plain-number text (yuan) and other text alone', () => {
    for (const safe of ['-12.34', '0.00', '12', '王小明', '', "'=1", ' =1', '门店=1', 'a-b'])
      expect(excelCell(safe)).toBe(safe);
    expect(excelCell(-1234)).toBe(-1234);
  });

  it('never lets a cell start with a formula character unless it is a plain number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string().map((s) => c + s)),
        ),
        (text) => {
          const out = String(excelCell(text));
          expect(/^[=+\-@\t\r]/.test(out) && !/^-?\d+(\.\d+)?$/.test(out)).toBe(false);
          expect(out === text || out === `'${text}`).toBe(true);
        },
      ),
    );
  });
});
