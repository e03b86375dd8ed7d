import { UserError } from '../errors/user-error';

/**
 * The workspace file: NDJSON in UTF-8. Line 1 is the header, then one line per row
 * (`{"t":table,"r":row}`, table by table in primary-key order), then the trailer with the row
 * count of every table and the SHA-256 (hex) of every byte before the trailer line.
 */
export const WORKSPACE_FORMAT = 'discovery-desk-workspace';
export const WORKSPACE_FORMAT_VERSION = 1;
/** The file name extension, without the dot. */
export const WORKSPACE_FILE_EXTENSION = 'ddworkspace';

export interface WorkspaceHeader {
  readonly format: typeof WORKSPACE_FORMAT;
  readonly formatVersion: number;
  readonly appVersion: string;
  readonly schemaVersion: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface WorkspaceTrailer {
  readonly counts: Readonly<Record<string, number>>;
  readonly sha256: string;
}

/** Why a workspace file was refused; `line` is 1-based, null when the problem is the file as a whole. */
export class WorkspaceFileError extends UserError {
  override readonly name = 'WorkspaceFileError';
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}

/** The header line, newline included. */
export function workspaceHeaderLine(header: Omit<WorkspaceHeader, 'format' | 'formatVersion'>): string {
  const full: WorkspaceHeader = { format: WORKSPACE_FORMAT, formatVersion: WORKSPACE_FORMAT_VERSION, ...header };
  return `${JSON.stringify(full)}\n`;
}

/** One row's line, newline included. */
export function workspaceRowLine(table: string, row: unknown): string {
  return `${JSON.stringify({ t: table, r: row })}\n`;
}

/** The trailer line, newline included. */
export function workspaceTrailerLine(trailer: WorkspaceTrailer): string {
  return `${JSON.stringify({ counts: trailer.counts, sha256: trailer.sha256 })}\n`;
}

/** A suggested file name for a workspace file made at `createdAt` (UTC), safe on every file system. */
export function workspaceFileName(createdAt: number): string {
  const stamp = new Date(createdAt).toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return `discovery-desk-${stamp}.${WORKSPACE_FILE_EXTENSION}`;
}
