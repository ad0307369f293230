/** What Excel (and other spreadsheets) would run as a formula when it starts a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is defused with a quote. */
export function excelText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV cell: numbers, and text that is a plain number (e.g. "-12.34" yuan), stay as they are; other text is defused. */
export function excelCell(value: string | number): string | number {
  return typeof value !== 'string' || PLAIN_NUMBER.test(value) ? value : excelText(value);
}
