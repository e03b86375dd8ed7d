import Papa from 'papaparse';
import { formatCount, MAX_CELL_CHARS, MAX_HEADER_LINE_CHARS, MAX_ROWS, MAX_SURVEY_COLUMNS } from '../limits/input-limits';
import { checkHeaderLine } from './check-header-line';
import { detectSurveyFormat, type SurveyFormat } from './detect-survey-format';

/** Why a survey file cannot be imported; `row` is 1-based as a spreadsheet shows it, or null. */
export interface SurveyFileProblem {
  readonly row: number | null;
  readonly message: string;
}

/** A survey file split into header rows and response rows, every row as wide as the header. */
export interface SurveyTable {
  readonly headerRows: readonly (readonly string[])[];
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: string;
  readonly format: SurveyFormat;
  /** Tab-separated text whose quote marks are ordinary text (Google Sheets' TSV download). */
  readonly quotesAsText?: boolean;
  /** Response rows whose cells were all empty (a line of tabs, Sheets' padding rows): not responses, skipped. */
  readonly skippedEmptyRows?: number;
}

/** The outcome of parsing a survey file: a table, or the one problem that stops the import. */
export type ParseSurveyTableResult = { ok: true; table: SurveyTable } | { ok: false; problem: SurveyFileProblem };

const DELIMITERS = [',', ';', '\t', '|'];

/** The size limits a table is read under (shared/limits): a survey's by default, a contacts file's own column limit. */
export interface SurveyTableLimits {
  readonly maxColumns: number;
  readonly maxRows: number;
  readonly maxCellChars: number;
  readonly maxHeaderLineChars: number;
}

export interface ParseSurveyTableOptions {
  /** Told how many characters of the text are split so far, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const SURVEY_TABLE_LIMITS: SurveyTableLimits = {
  maxColumns: MAX_SURVEY_COLUMNS,
  maxRows: MAX_ROWS,
  maxCellChars: MAX_CELL_CHARS,
  maxHeaderLineChars: MAX_HEADER_LINE_CHARS,
};

const tooManyRows = (limits: SurveyTableLimits): string =>
  `This file has more than ${formatCount(limits.maxRows)} rows; the most Discovery Desk reads is ${formatCount(limits.maxRows)}. Split the export into smaller files and import each.`;
const SEP_LINE = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r|$)/i;

const fail = (row: number | null, message: string): ParseSurveyTableResult => ({ ok: false, problem: { row, message } });

function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/**
 * Splits survey CSV/TSV text into rows with Papa Parse: honours Excel's `sep=` first line, else
 * detects `,` `;` tab or `|`; accepts CRLF, LF or CR line ends, multi-line quoted cells and doubled
 * quotes. Recognises the export format to separate header rows from responses. Refuses, naming the
 * row, an empty or header-only file, an unterminated or malformed quote, a row with more cells than
 * the header and NUL bytes; shorter rows are padded with empty cells. Duplicate or empty headers
 * are kept for column mapping to deal with. Refuses, before splitting anything, a first line with
 * more columns than the limits allow or one that never ends; stops splitting past the row limit.
 */
export function parseSurveyTable(text: string, limits: SurveyTableLimits = SURVEY_TABLE_LIMITS, options: ParseSurveyTableOptions = {}): ParseSurveyTableResult {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let delimiter: string | undefined;
  let lineOffset = 0;
  const sep = SEP_LINE.exec(body);
  if (sep !== null) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  if (body.trim() === '') return fail(null, 'The file is empty.');
  const header = checkHeaderLine(body, delimiter, { maxColumns: limits.maxColumns, maxChars: limits.maxHeaderLineChars }, 1 + lineOffset);
  if (header !== null) return { ok: false, problem: header };

  const config = {
    skipEmptyLines: true,
    // One row past the limit is enough to know the file is over it.
    preview: limits.maxRows + 1,
    ...(delimiter === undefined ? { delimitersToGuess: DELIMITERS } : { delimiter }),
  };
  const parsed = options.onProgress === undefined ? Papa.parse<string[]>(body, config) : parseReportingProgress(body, config, options.onProgress);
  // Spreadsheet row of a parsed record, counting the `sep=` line Excel hides.
  const sheetRow = (index: number): number => index + 1 + lineOffset;

  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  const quoted =
    quoteError === undefined ? surveyTableFromRows(parsed.data, { delimiter: parsed.meta.delimiter, sheetRow, limits }) : undefined;
  if (quoted?.ok === true) return quoted;
  // A TSV where quote marks are text ("word" and more): every line splits on tabs alone to one width.
  const literal = delimiter === undefined || delimiter === '\t' ? splitTabsLiterally(body) : null;
  if (literal !== null) {
    const table = surveyTableFromRows(literal, { delimiter: '\t', sheetRow, limits });
    if (table.ok) return { ok: true, table: { ...table.table, quotesAsText: true } };
  }
  if (quoted !== undefined) return quoted;
  const row = quoteError?.row === undefined ? null : sheetRow(quoteError.row);
  const message =
    quoteError?.code === 'MissingQuotes'
      ? 'A quoted cell is never closed, so the rest of the file would run into it. Check the quote (") that opens a cell on this row.'
      : 'A quoted cell has text after its closing quote. Quotes inside a quoted cell must be doubled ("").';
  return fail(row, message);
}

/** Progress reports while splitting: at most this many over the whole text. */
const PROGRESS_STEPS = 100;

/**
 * Papa Parse row by row, saying how much of the text is split (`onProgress(characters, total)`,
 * about every 1% and once at the end); the same rows, errors (by row index) and delimiter as one call.
 */
function parseReportingProgress(body: string, config: Papa.ParseConfig<string[]>, onProgress: (done: number, total: number) => void): Papa.ParseResult<string[]> {
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let meta: Papa.ParseMeta = { delimiter: typeof config.delimiter === 'string' ? config.delimiter : ',', linebreak: '\n', aborted: false, truncated: false, cursor: 0 };
  const every = Math.max(1, Math.ceil(body.length / PROGRESS_STEPS));
  let nextReport = every;
  onProgress(0, body.length);
  Papa.parse<string[]>(body, {
    ...config,
    step: (results) => {
      const row = data.length;
      data.push(results.data);
      for (const error of results.errors) errors.push({ ...error, row });
      meta = results.meta;
      if (results.meta.cursor >= nextReport) {
        onProgress(results.meta.cursor, body.length);
        nextReport = results.meta.cursor + every;
      }
    },
  });
  onProgress(body.length, body.length);
  return { data, errors, meta };
}

/**
 * Rows of tab-separated text split on tabs alone, quote marks kept as text, or null when that is
 * not how the file reads: no tab in the first line, or a non-empty line with another field count.
 */
export function splitTabsLiterally(text: string): string[][] | null {
  const lines = text.split(/\r\n|\n|\r/);
  const first = lines[0] ?? '';
  if (!first.includes('\t')) return null;
  const rows: string[][] = [];
  let width = -1;
  for (const line of lines) {
    if (line === '') continue;
    const cells = line.split('\t');
    if (width === -1) width = cells.length;
    else if (cells.length !== width) return null;
    rows.push(cells);
  }
  return rows;
}

/** Where rows handed to surveyTableFromRows came from, for the table and its messages. */
export interface SurveyRowsMeta {
  /** The delimiter the text was split on, or '' for rows read from a workbook. */
  readonly delimiter: string;
  /** The 1-based spreadsheet row of `rows[index]`; `index + 1` when absent. */
  readonly sheetRow?: (index: number) => number;
  /** SURVEY_TABLE_LIMITS when absent. */
  readonly limits?: SurveyTableLimits;
}

const COLUMN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A 1-based column number as a spreadsheet names it: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = COLUMN_LETTERS[(n - 1) % 26] + name;
  return name;
}

/**
 * Turns rows of cells (from CSV text or a workbook sheet) into a SurveyTable: recognises the
 * export format to separate header rows from responses, pads short rows to the header's width and
 * drops trailing empty cells past it. Refuses, naming the row, no rows at all, headers without
 * responses, a NUL character, a row with a value past the header's last column, and a table past
 * the limits (columns, rows, characters in a cell).
 */
export function surveyTableFromRows(rows: readonly (readonly string[])[], meta: SurveyRowsMeta): ParseSurveyTableResult {
  const isWorkbook = meta.delimiter === '';
  const sheetRow = meta.sheetRow ?? ((index: number): number => index + 1);
  const limits = meta.limits ?? SURVEY_TABLE_LIMITS;
  if (rows.length === 0) return fail(null, 'The file is empty.');
  if (rows.length > limits.maxRows) return fail(null, tooManyRows(limits));

  for (const [index, cells] of rows.entries()) {
    if (cells.length > limits.maxColumns && cells.slice(limits.maxColumns).some((cell) => cell !== '')) {
      return fail(
        sheetRow(index),
        `This file has ${formatCount(cells.length)} columns on ${isWorkbook ? 'sheet row' : 'line'} ${sheetRow(index)}; the most Discovery Desk reads is ${formatCount(limits.maxColumns)}. Export only the columns you need.`,
      );
    }
    const long = cells.findIndex((cell) => cell.length > limits.maxCellChars);
    if (long >= 0) {
      const name = isWorkbook ? `Cell ${columnLetter(long + 1)}${sheetRow(index)}` : `Cell ${long + 1} of row ${sheetRow(index)}`;
      return fail(
        sheetRow(index),
        `${name} is ${formatCount(cells[long]?.length ?? 0)} characters long; the most Discovery Desk reads in one cell is ${formatCount(limits.maxCellChars)}. Shorten it, or check that the file's quotes are closed.`,
      );
    }
    const column = cells.findIndex((cell) => cell.includes('\u0000'));
    if (column >= 0) {
      return fail(
        sheetRow(index),
        isWorkbook
          ? `Cell ${columnLetter(column + 1)}${sheetRow(index)} contains a NUL character; the workbook may be damaged.`
          : `Cell ${column + 1} contains a NUL byte; the file may be damaged or saved as UTF-16 without a byte-order mark.`,
      );
    }
  }

  const { format, headerRowCount } = detectSurveyFormat(rows);
  const width = Math.max(...rows.slice(0, Math.max(1, headerRowCount)).map((row) => row.length));
  const widened: string[][] = [];
  for (const [index, cells] of rows.entries()) {
    // Trailing empty cells past the header are what spreadsheets leave behind, not data.
    let length = cells.length;
    while (length > width && cells[length - 1] === '') length -= 1;
    if (length > width) {
      return fail(
        sheetRow(index),
        isWorkbook
          ? `Cell ${columnLetter(length)}${sheetRow(index)} holds a value but the header ends at column ${columnLetter(width)}; give that column a header or delete the value.`
          : `This row has ${length} cells but the header has ${width}; a cell may hold an unquoted ${describeDelimiter(meta.delimiter)}.`,
      );
    }
    const row = cells.slice(0, length);
    while (row.length < width) row.push('');
    widened.push(row);
  }

  // A row of empty cells (a line of tabs or commas, a spreadsheet's padding) is not a response.
  const responses = widened.slice(headerRowCount).filter((row) => row.some((cell) => cell.trim() !== ''));
  const skippedEmptyRows = widened.length - headerRowCount - responses.length;
  if (responses.length === 0) return fail(null, 'The file has headers but no responses.');
  return {
    ok: true,
    table: {
      headerRows: widened.slice(0, headerRowCount),
      rows: responses,
      delimiter: meta.delimiter,
      format,
      ...(skippedEmptyRows > 0 ? { skippedEmptyRows } : {}),
    },
  };
}
