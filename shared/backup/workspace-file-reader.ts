import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { checkWorkspaceRow } from './workspace-row-schemas';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, WorkspaceFileError, type WorkspaceHeader } from './workspace-format';

export interface WorkspaceRow {
  readonly table: string;
  readonly row: Readonly<Record<string, unknown>>;
  readonly line: number;
}

export interface WorkspaceFileReaderOptions {
  /** The schema version this build writes: files made with a newer one are refused. */
  readonly appSchemaVersion: number;
  /** The tables rows may belong to in a file of the given schema version. */
  readonly tableNamesAt: (schemaVersion: number) => readonly string[];
}

export interface VerifiedWorkspace {
  readonly header: WorkspaceHeader;
  readonly counts: ReadonlyMap<string, number>;
  readonly lines: number;
}

export interface WorkspaceFileReader {
  /** The header, once line 1 was read. */
  readonly header: WorkspaceHeader | undefined;
  /** Reads the next line; returns its row, or null for the header and the trailer. Throws WorkspaceFileError. */
  readLine(line: string): WorkspaceRow | null;
  /** After the last line: checks the trailer's counts and checksum against what was read. Throws WorkspaceFileError. */
  finish(): VerifiedWorkspace;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function parseJson(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new WorkspaceFileError('this line is damaged or cut off (it is not valid JSON), so nothing was restored', lineNumber);
  }
}

function parseHeader(line: string, appSchemaVersion: number): WorkspaceHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (!isRecord(value) || value.format !== WORKSPACE_FORMAT) {
    throw new WorkspaceFileError('This is not a Discovery Desk workspace file: it does not start with a workspace header. Choose a file saved with “Download a backup”.', 1);
  }
  const { formatVersion, schemaVersion, appVersion, createdAt } = value;
  if (!isPositiveInteger(formatVersion) || !isPositiveInteger(schemaVersion) || typeof appVersion !== 'string' || typeof createdAt !== 'number') {
    throw new WorkspaceFileError('the workspace header is damaged (a version or the date is missing), so nothing was restored', 1);
  }
  if (formatVersion > WORKSPACE_FORMAT_VERSION) {
    throw new WorkspaceFileError(`This file was made by a newer version of Discovery Desk (${appVersion}, file format ${formatVersion}); this version reads file format ${WORKSPACE_FORMAT_VERSION}. Update the app to restore it.`, 1);
  }
  if (schemaVersion > appSchemaVersion) {
    throw new WorkspaceFileError(`This file was made by a newer version of Discovery Desk (${appVersion}, workspace schema ${schemaVersion}); this version knows schema ${appSchemaVersion}. Update the app to restore it.`, 1);
  }
  return { format: WORKSPACE_FORMAT, formatVersion, schemaVersion, appVersion, createdAt };
}

function parseCounts(value: unknown, lineNumber: number): Map<string, number> {
  if (!isRecord(value)) throw new WorkspaceFileError('the end marker is damaged (no row counts)', lineNumber);
  const counts = new Map<string, number>();
  for (const [table, count] of Object.entries(value)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new WorkspaceFileError(`the end marker is damaged (the row count of ${table})`, lineNumber);
    counts.set(table, count);
  }
  return counts;
}

/**
 * Reads a workspace file line by line, holding nothing but counts and a running SHA-256, and
 * refuses it (WorkspaceFileError, naming the line) when it is foreign, newer, damaged or incomplete,
 * or when a row does not fit its table's schema or is absurdly large (see checkWorkspaceRow). Rows
 * come back cleaned: rich text through sanitizeRichText.
 */
export function createWorkspaceFileReader({ appSchemaVersion, tableNamesAt }: WorkspaceFileReaderOptions): WorkspaceFileReader {
  let knownTables: ReadonlySet<string> = new Set();
  const hash = sha256.create();
  const counted = new Map<string, number>();
  let header: WorkspaceHeader | undefined;
  let trailer: { counts: Map<string, number>; sha256: string; line: number } | undefined;
  let lineNumber = 0;

  return {
    get header() {
      return header;
    },

    readLine(line) {
      lineNumber += 1;
      if (trailer !== undefined) throw new WorkspaceFileError('there is more after the end marker of the file; it was changed or two files were joined', lineNumber);
      if (header === undefined) {
        header = parseHeader(line, appSchemaVersion);
        knownTables = new Set(tableNamesAt(header.schemaVersion));
        hash.update(utf8ToBytes(`${line}\n`));
        return null;
      }
      const value = parseJson(line, lineNumber);
      if (!isRecord(value)) throw new WorkspaceFileError('this line is not a row of the workspace', lineNumber);
      if (!('t' in value) && 'counts' in value) {
        if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) throw new WorkspaceFileError('the end marker is damaged (no checksum)', lineNumber);
        trailer = { counts: parseCounts(value.counts, lineNumber), sha256: value.sha256, line: lineNumber };
        return null;
      }
      const { t: table, r: row } = value;
      if (typeof table !== 'string' || !isRecord(row)) throw new WorkspaceFileError('this line is not a row of the workspace (it needs a table name and a row object)', lineNumber);
      if (!knownTables.has(table)) throw new WorkspaceFileError(`“${table}” is not a table of this workspace`, lineNumber);
      // Every row is held to its table's schema (rich text cleaned) before anything stores it.
      const checked = checkWorkspaceRow(table, row, lineNumber, line.length);
      hash.update(utf8ToBytes(`${line}\n`));
      counted.set(table, (counted.get(table) ?? 0) + 1);
      return { table, row: checked, line: lineNumber };
    },

    finish() {
      if (header === undefined) throw new WorkspaceFileError('The file is empty: it holds no workspace.');
      if (trailer === undefined) {
        throw new WorkspaceFileError(`The file ends early, after line ${lineNumber}, without its end marker: it is incomplete (cut off), so nothing was restored.`);
      }
      for (const table of new Set([...trailer.counts.keys(), ...counted.keys()])) {
        const expected = trailer.counts.get(table) ?? 0;
        const found = counted.get(table) ?? 0;
        if (expected !== found) {
          throw new WorkspaceFileError(`The file should hold ${expected.toLocaleString('en')} rows of “${table}” but holds ${found.toLocaleString('en')}: it is incomplete or damaged, so nothing was restored.`);
        }
      }
      if (bytesToHex(hash.digest()) !== trailer.sha256) {
        throw new WorkspaceFileError('The file’s checksum does not match its contents: it was changed or damaged after it was saved, so nothing was restored.');
      }
      return { header, counts: counted, lines: lineNumber };
    },
  };
}
