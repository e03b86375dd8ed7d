import type { ContactColumnRole, ContactFileProblem, DuplicateChoice, PlannedContactRow } from '../../shared/contacts/contact-csv';

/** What the dialog shows of a file once it is read: never the whole table, which stays in the worker. */
export interface ContactFilePreview {
  readonly fileName: string;
  readonly headers: readonly string[];
  /** The first rows, cell by cell, for the preview table. */
  readonly sampleRows: readonly (readonly string[])[];
  readonly rowCount: number;
  readonly encoding: string;
  readonly delimiter: string;
  /** Each column's guessed role. */
  readonly roles: readonly ContactColumnRole[];
}

/** A plan under one column mapping, cut to what the dialog lists, with the counts of every duplicate choice. */
export interface ContactPlanSummary {
  /** The first problems, in row order; any problem stops the import. */
  readonly problems: readonly ContactFileProblem[];
  readonly problemCount: number;
  /** The first rows that duplicate a stored contact or an earlier row. */
  readonly duplicates: readonly PlannedContactRow[];
  readonly duplicateCount: number;
  /** Per choice: contacts written (created and updated) and duplicates skipped. */
  readonly counts: Readonly<Record<DuplicateChoice, { readonly written: number; readonly skipped: number }>>;
}

export type ContactImportStage = 'reading' | 'checking' | 'writing';

/** Messages to the contact import worker. One worker serves one file. */
export type ContactImportRequest =
  | { readonly type: 'read'; readonly databaseName: string; readonly fileName: string; readonly bytes: ArrayBuffer }
  | { readonly type: 'plan'; readonly roles: readonly ContactColumnRole[] }
  | { readonly type: 'import'; readonly roles: readonly ContactColumnRole[]; readonly choice: DuplicateChoice }
  | { readonly type: 'cancel' };

/** Exactly one of preview/failed answers `read`; plan/failed answers `plan`; imported/failed/cancelled answers `import`. */
export type ContactImportReply =
  | { readonly type: 'progress'; readonly stage: ContactImportStage; readonly done: number; readonly total: number }
  | { readonly type: 'preview'; readonly preview: ContactFilePreview }
  | { readonly type: 'plan'; readonly plan: ContactPlanSummary }
  | { readonly type: 'imported'; readonly created: number; readonly updated: number; readonly skipped: number }
  | { readonly type: 'failed'; readonly problem: ContactFileProblem }
  | { readonly type: 'cancelled' };

const ROLES = new Set<string>(['name', 'first-name', 'last-name', 'email', 'team', 'role', 'organisation', 'ignore']);
const CHOICES = new Set<string>(['skip', 'update', 'create']);

const isRoles = (value: unknown): value is ContactColumnRole[] => Array.isArray(value) && value.every((role) => typeof role === 'string' && ROLES.has(role));

/** Reads a request posted to the worker; undefined for anything malformed. */
export function parseContactImportRequest(data: unknown): ContactImportRequest | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data)) return undefined;
  switch (data.type) {
    case 'read':
      if (!('databaseName' in data) || !('fileName' in data) || !('bytes' in data)) return undefined;
      if (typeof data.databaseName !== 'string' || typeof data.fileName !== 'string' || !(data.bytes instanceof ArrayBuffer)) return undefined;
      return { type: 'read', databaseName: data.databaseName, fileName: data.fileName, bytes: data.bytes };
    case 'plan':
      return 'roles' in data && isRoles(data.roles) ? { type: 'plan', roles: data.roles } : undefined;
    case 'import':
      if (!('roles' in data) || !isRoles(data.roles) || !('choice' in data) || typeof data.choice !== 'string' || !CHOICES.has(data.choice)) return undefined;
      return { type: 'import', roles: data.roles, choice: data.choice as DuplicateChoice };
    case 'cancel':
      return { type: 'cancel' };
    default:
      return undefined;
  }
}
