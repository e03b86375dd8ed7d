/** A value for one CSV cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/** How toCsv writes the file. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8 rather than the system code page. */
  readonly bom?: boolean;
}

// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), spaces before
// them included: a spreadsheet that trims cells (LibreOffice's "Trim spaces") would still run it.
const FORMULA_START = /^ *[=+\-@]/;
// A plain negative decimal number such as -3, -0.5, -.5 or -1.5e3: Excel reads it as a number, never a formula.
const NEGATIVE_NUMBER = /^ *-(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/**
 * Every character a spreadsheet may split cells or records on, whatever the locale: Excel with a
 * `;` list separator, a tab or a `|` chosen in an import dialog, a line break when quoting is lost.
 */
export const CSV_SEPARATORS = [',', ';', '\t', '|', '\r', '\n'] as const;
// Splitting on it keeps the separators, at the odd indexes.
const SEPARATOR = /([,;\t|\r\n])/;

function neutralisePiece(piece: string): string {
  return FORMULA_START.test(piece) && !NEGATIVE_NUMBER.test(piece) ? `'${piece}` : piece;
}

/**
 * Makes text safe to open in a spreadsheet in any locale. The text is cut at every character a
 * spreadsheet may split on (`,` `;` tab `|`, line breaks: see CSV_SEPARATORS), since a spreadsheet
 * using that separator makes each piece a cell of its own; a piece starting with `=`, `+`, `-` or
 * `@` (after spaces, if any) gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as
 * text instead of running it as a formula. Plain negative numbers (`-3`, `-0.5`, `-1.5e3`) stay as
 * they are; `+1` and `-2+3` are neutralised. Nothing else changes.
 */
export function neutraliseFormula(text: string): string {
  return text
    .split(SEPARATOR)
    .map((part, index) => (index % 2 === 0 ? neutralisePiece(part) : part))
    .join('');
}

/**
 * One CSV field (RFC 4180): null, undefined and empty text are empty; a number is written as a
 * number (NaN and infinities as empty), unquoted and never neutralised; text is neutralised (see
 * neutraliseFormula) and always quoted, with quotes doubled, so no separator inside it can split it.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${neutraliseFormula(value).replaceAll('"', '""')}"`;
}

/**
 * Writes rows as CSV (RFC 4180): comma-separated fields from csvCell, every record ended by CRLF,
 * optionally after a UTF-8 byte-order mark. Rows may differ in length. The one CSV writer of the
 * app: every CSV export goes through it.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const lines = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`);
  return (options.bom === true ? '\uFEFF' : '') + lines.join('');
}
