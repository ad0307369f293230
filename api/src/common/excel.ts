/** What Excel (and other spreadsheets) would run as a formula when it starts a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The one guard of every CSV cell the API writes for Excel (statements, reports): numbers, and text
 * that is a plain number (e.g. "-12.34" yuan), stay as they are; text that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) gets a quote prefix.
 */
export function excelCell(value: string | number): string | number {
  if (typeof value !== 'string' || PLAIN_NUMBER.test(value) || !FORMULA_START.test(value)) return value;
  return `'${value}`;
}
