/**
 * Every limit on what the app reads from a file, named once. The importers (survey CSV, TSV and
 * XLSX, contact CSV, workspace backups) and the file pickers read their limits from here, and the
 * README's "Your data" lists them. A file past a limit is refused early with a message naming the
 * limit and the file's own figure; nothing is ever cut to fit.
 */

/** Largest file read for an import (bytes): the desktop file dialog and the browser's file input. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Most columns a survey file may have: as many as a spreadsheet holds (Excel's 16,384, column XFD). */
export const MAX_SURVEY_COLUMNS = 16_384;
/** Most columns a contacts file may have: far more than any address book export has. */
export const MAX_CONTACT_COLUMNS = 1_000;
/** Most rows (header rows included) a survey or contacts file may have: as many as a spreadsheet holds. */
export const MAX_ROWS = 1_048_576;
/** Longest first line (header) of a CSV or TSV, in characters, up to its line break. */
export const MAX_HEADER_LINE_CHARS = 4 * 1024 * 1024;
/** Longest cell of a survey or contacts file, in characters: thirty times what Excel holds in one cell. */
export const MAX_CELL_CHARS = 1_000_000;

/** Most bytes the XML parts of an XLSX workbook may unpack to, all together. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;
/** Most bytes one part of an XLSX workbook (a sheet, the shared strings) may unpack to. */
export const MAX_XLSX_ENTRY_BYTES = 384 * 1024 * 1024;
/**
 * Most a part of an XLSX workbook may unpack to per byte stored, for parts over
 * XLSX_RATIO_CHECKED_FROM_BYTES: real sheets shrink 5 to 50 times (identical rows without cell references about 350), a zip bomb's run of zeros 1,000.
 */
export const MAX_XLSX_COMPRESSION_RATIO = 500;
/** Parts smaller than this once unpacked are not held to the compression ratio (tiny parts can shrink a lot). */
export const XLSX_RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/** Longest line of a workspace backup file, in characters: far above any real note, far below what would exhaust memory. */
export const MAX_WORKSPACE_LINE_CHARS = 32 * 1024 * 1024;
/**
 * Longest row of a backup table holding rich text (notes, artifacts), in characters of its line: a
 * note at the editor's own limit (5,000,000 characters) fits with room for its JSON.
 */
export const MAX_RICH_TEXT_ROW_CHARS = 24 * 1024 * 1024;
/** Longest row of any other backup table: far above a real contact, survey response or round. */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** A count as people read it: 1,000,000. */
export const formatCount = (count: number): string => count.toLocaleString('en-US');

/** A byte size in whole megabytes (MB of 1,048,576 bytes), as the limits above are stated. */
export const formatMegabytes = (bytes: number): string => `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
