/** A value for one CSV cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/** How toCsv writes the file. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8 rather than the system code page. */
  readonly bom?: boolean;
}

// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain negative decimal number such as -3, -0.5, -.5 or -1.5e3: Excel reads it as a number, never a formula.
const NEGATIVE_NUMBER = /^-(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Makes text safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as text
 * instead of running it as a formula. The one exception is a plain negative number (`-3`, `-0.5`,
 * `-1.5e3`), kept so numbers stay numbers; `+1` and `-2+3` are neutralised.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180): null and undefined are empty; a number is written as a number (NaN
 * and infinities as empty) and never neutralised; text is neutralised (see neutraliseFormula),
 * then quoted, with quotes doubled, when it holds a comma, a quote, a CR or an LF.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV (RFC 4180): comma-separated fields from csvCell, every record ended by CRLF,
 * optionally after a UTF-8 byte-order mark. Rows may differ in length.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const lines = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`);
  return (options.bom === true ? '\uFEFF' : '') + lines.join('');
}
