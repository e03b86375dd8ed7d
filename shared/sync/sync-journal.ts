/**
 * The sync journal: every local write of a shared row, in any window, leaves an entry in the same
 * transaction as the write (renderer/db/repositories/sync-journal-repository.ts). The window that
 * syncs takes the journal's rows into the team's documents and removes an entry only once the
 * document's update is stored, so a write committed just before a crash (or in another window)
 * still reaches the team. Pure: what an entry holds and how two entries of one row combine.
 */
import { changedFields } from './row-fields';
import { isSyncedRow, isSyncedTable, type SyncedTable } from './synced-tables';

/** The `meta` keys of journal entries start with this (never in a workspace file). */
export const SYNC_JOURNAL_PREFIX = 'syncJournal/';

/** Which fields of a row a local write changed: 'all' for a new, restored or deleted row. */
export type JournalFields = readonly string[] | 'all';

/** One row with local changes the team's documents may not hold yet. */
export interface SyncJournalEntry {
  readonly table: SyncedTable;
  readonly key: string;
  readonly fields: JournalFields;
  /** Changes on every write of the entry: it is removed only when unchanged since it was read. */
  readonly stamp: string;
}

export function journalKey(table: SyncedTable, key: string): string {
  return `${SYNC_JOURNAL_PREFIX}${table}/${key}`;
}

/** The fields a write changed, or undefined when it changed nothing shared (derived fields only, or a device's own setting). */
export function journalFieldsOf(table: SyncedTable, key: string, before: unknown, after: unknown): JournalFields | undefined {
  if (!isSyncedRow(table, key)) return undefined;
  if (!isRecord(before) || !isRecord(after)) return 'all';
  const fields = changedFields(table, before, after).map((change) => change.field);
  return fields.length === 0 ? undefined : fields;
}

/** Two writes of one row before the journal was taken in: the union of what they changed. */
export function combineJournalFields(earlier: JournalFields | undefined, later: JournalFields): JournalFields {
  if (earlier === undefined) return later;
  if (earlier === 'all' || later === 'all') return 'all';
  return [...new Set([...earlier, ...later])];
}

/** Reads an entry from its stored value; undefined for anything malformed. */
export function parseJournalEntry(value: unknown): SyncJournalEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { table, key, fields, stamp } = value;
  if (typeof table !== 'string' || !isSyncedTable(table) || typeof key !== 'string' || typeof stamp !== 'string') return undefined;
  if (fields === 'all') return { table, key, fields, stamp };
  if (!Array.isArray(fields) || !fields.every((field): field is string => typeof field === 'string')) return undefined;
  return { table, key, fields, stamp };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries by table, in the order first seen. */
export function groupJournalByTable(entries: readonly SyncJournalEntry[]): Map<SyncedTable, SyncJournalEntry[]> {
  const byTable = new Map<SyncedTable, SyncJournalEntry[]>();
  for (const entry of entries) byTable.set(entry.table, [...(byTable.get(entry.table) ?? []), entry]);
  return byTable;
}
