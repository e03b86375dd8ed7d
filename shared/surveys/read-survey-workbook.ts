import { zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { compoundFileProblem, isCompoundFile, isZipArchive } from './detect-survey-file-kind';
import { surveyTableFromRows, type ParseSurveyTableResult } from './parse-survey-table';
import { unzipWorkbookParts } from './unzip-workbook-parts';

const fail = (message: string): ParseSurveyTableResult => ({ ok: false, problem: { row: null, message } });

const NOT_A_ZIP =
  'This file is not an Excel workbook (.xlsx): it is not a zip archive. If it is a CSV file, give it a .csv name; otherwise save it from Excel as .xlsx or CSV UTF-8.';
const DAMAGED =
  'This workbook is damaged and cannot be unzipped. Open it in Excel and save it again, or export the responses again.';

const isWorkbookPart = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * Unzips the workbook's XML parts within the XLSX limits (shared/limits: declared sizes and the
 * compression ratio checked before anything is inflated, the actual output counted while it is),
 * and zips them again without compression: read-excel-file then never inflates a large part in a
 * Worker built from a blob: URL, which the app's Content-Security-Policy (worker-src 'self') blocks.
 */
function storedWorkbookParts(bytes: Uint8Array): { ok: true; archive: Uint8Array<ArrayBuffer> } | { ok: false; result: ParseSurveyTableResult } {
  const unzipped = unzipWorkbookParts(bytes, isWorkbookPart);
  if (!unzipped.ok) return { ok: false, result: fail(unzipped.reason === 'damaged' ? DAMAGED : unzipped.message) };
  const { parts } = unzipped;
  if (parts['xl/workbook.xml'] === undefined) {
    const isOpenDocument = parts['content.xml'] !== undefined;
    return {
      ok: false,
      result: fail(
        isOpenDocument
          ? 'This is an OpenDocument spreadsheet (.ods), which cannot be read. Save it as .xlsx or CSV UTF-8 and import that file.'
          : 'This zip archive holds no Excel workbook (no xl/workbook.xml). Export the responses as .xlsx or CSV again.',
      ),
    };
  }
  return { ok: true, archive: zipSync(parts, { level: 0 }) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Excel's day 0, 1899-12-30 in read-excel-file's reckoning: a serial below 1 is a time of day alone.
const TIME_ONLY_BEFORE = Date.UTC(1899, 11, 31);

/**
 * A date cell as `YYYY-MM-DD HH:MM:SS` (a time-only cell as `HH:MM:SS`). Excel stores wall-clock
 * time without a zone, and read-excel-file reads it as UTC, so UTC fields give back what the sheet
 * shows; rounded to the second because the serial's floating point can land a millisecond short.
 */
export function formatWorkbookDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const d = new Date(Math.round(time / 1000) * 1000);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (time < TIME_ONLY_BEFORE && time >= Date.UTC(1899, 11, 30)) return clock;
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${clock}`;
}

/**
 * A number cell's stored text as plain decimal text: `1.5E-3` -> `0.0015`, and to Excel's 15
 * significant digits, so `0.30000000000000004` reads `0.3` as Excel shows it.
 */
export function formatWorkbookNumber(stored: string): string {
  const value = Number(stored);
  if (!Number.isFinite(value)) return stored.trim();
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded === 0 ? 0 : rounded);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

type WorkbookCell = string | boolean | Date | null | undefined;

function cellText(cell: WorkbookCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return formatWorkbookDate(cell);
}

function errorProblem(error: unknown): ParseSurveyTableResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidInputError') return fail(DAMAGED);
  if (name === 'SheetNotFoundError') return fail('This workbook has no sheets.');
  const detail = error instanceof Error && name === 'InvalidSpreadsheetError' ? ` (${error.message})` : '';
  return fail(`This workbook could not be read${detail}. Open it in Excel and save it again, or export the responses as CSV.`);
}

/**
 * Reads the first sheet of an XLSX survey export into a SurveyTable, with the same format
 * recognition and the same problems as parseSurveyTable. Cells become the text the sheet shows:
 * text as stored (not trimmed), numbers as plain decimal text to 15 significant digits, dates as
 * `YYYY-MM-DD HH:MM:SS`, booleans as TRUE/FALSE, formula errors and empty cells as ''. Empty rows
 * are skipped; messages name the sheet's own row numbers. Never throws: a file that is not a
 * zip, a zip without a workbook, a legacy .xls, a password-protected workbook, a damaged or empty
 * sheet each give a problem saying what to do.
 */
export async function readSurveyWorkbook(bytes: Uint8Array): Promise<ParseSurveyTableResult> {
  if (bytes.length === 0) return fail('The file is empty.');
  if (isCompoundFile(bytes)) return { ok: false, problem: compoundFileProblem(bytes) };
  if (!isZipArchive(bytes)) return fail(NOT_A_ZIP);
  const stored = storedWorkbookParts(bytes);
  if (!stored.ok) return stored.result;

  let sheet: WorkbookCell[][];
  try {
    const archive = stored.archive;
    const buffer = archive.byteOffset === 0 && archive.byteLength === archive.buffer.byteLength ? archive.buffer : archive.slice().buffer;
    sheet = (await readSheet<string>(buffer, 1, { trim: false, parseNumber: formatWorkbookNumber })) as WorkbookCell[][];
  } catch (error) {
    return errorProblem(error);
  }

  const rows: string[][] = [];
  const sheetRows: number[] = [];
  for (const [index, cells] of sheet.entries()) {
    const row = cells.map(cellText);
    let length = row.length;
    while (length > 0 && row[length - 1] === '') length -= 1;
    if (length === 0) continue;
    row.length = length;
    rows.push(row);
    sheetRows.push(index + 1);
  }
  if (rows.length === 0) return fail('The first sheet of this workbook is empty. Put the responses on the first sheet, or export them again.');
  return surveyTableFromRows(rows, { delimiter: '', sheetRow: (index) => sheetRows[index] ?? index + 1 });
}
