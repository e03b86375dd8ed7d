import type { SurveyFileProblem } from './parse-survey-table';

/** How a survey file is to be read: as an XLSX workbook, as CSV/TSV text, or not at all. */
export type SurveyFileKind =
  | { readonly kind: 'xlsx' }
  | { readonly kind: 'text' }
  | { readonly kind: 'unsupported'; readonly problem: SurveyFileProblem };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, i) => bytes[i] === byte);

// A zip archive starts with a local file header, or with the end record when it is empty.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
// OLE compound file: Excel 97-2003 .xls, and also any password-protected (encrypted) .xlsx.
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
// Stream names of an encrypted Office document, as the compound file's directory stores them (UTF-16LE).
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0]);

const XLS_MESSAGE =
  'This is an old Excel 97-2003 workbook (.xls), which cannot be read. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) or as CSV UTF-8, and import that file.';
const ENCRYPTED_MESSAGE =
  'This workbook is protected with a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it as .xlsx or CSV UTF-8, and import that file.';

function indexOfBytes(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first ?? 0); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j += 1;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Why an OLE compound file cannot be imported: it is either a legacy .xls or an encrypted workbook. */
export function compoundFileProblem(bytes: Uint8Array): SurveyFileProblem {
  return { row: null, message: indexOfBytes(bytes, ENCRYPTED_PACKAGE) >= 0 ? ENCRYPTED_MESSAGE : XLS_MESSAGE };
}

/** Whether the bytes start like an OLE compound file (legacy .xls or an encrypted workbook). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, COMPOUND_FILE);
}

/** Whether the bytes start like a zip archive, as every .xlsx file does. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const unsupported = (message: string): SurveyFileKind => ({ kind: 'unsupported', problem: { row: null, message } });

/**
 * Decides how to read a survey file from its first bytes, trusting the content over the name:
 * a zip archive is an XLSX workbook (OpenDocument and Numbers files, zips too, are refused by
 * name); an OLE compound file is a legacy .xls or a password-protected workbook, refused with
 * what to do; a PDF or an HTML page saved as .xls is refused; anything else is read as text.
 */
export function detectSurveyFileKind(bytes: Uint8Array, fileName: string): SurveyFileKind {
  const extension = extensionOf(fileName);
  if (isZipArchive(bytes)) {
    if (extension === 'ods') {
      return unsupported('OpenDocument spreadsheets (.ods) cannot be read. Save the file as .xlsx or CSV UTF-8 and import that file.');
    }
    if (extension === 'numbers') {
      return unsupported('Numbers files cannot be read. In Numbers, use File > Export To > Excel or CSV and import that file.');
    }
    return { kind: 'xlsx' };
  }
  if (isCompoundFile(bytes)) return { kind: 'unsupported', problem: compoundFileProblem(bytes) };
  if (startsWith(bytes, PDF)) return unsupported('This is a PDF, not a survey export. Export the responses as CSV or .xlsx instead.');
  if (extension === 'xls' || extension === 'xlsx') {
    // Some tools save a web page with an Excel name; Excel opens it, but it is not a table we can read.
    const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    const head = String.fromCharCode(...bytes.subarray(start, start + 512)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table')) {
      return unsupported(
        'This file is a web page with an Excel name, not a workbook. Open it in Excel, save it as .xlsx or CSV UTF-8, and import that file.',
      );
    }
  }
  return { kind: 'text' };
}
