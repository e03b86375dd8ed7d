import { SYNC_JOURNAL_PREFIX } from '../sync/sync-journal';

/**
 * Tables rebuilt from the others, never written to a workspace file: the persisted search index
 * (the search worker builds it again from the notes when it is missing).
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['searchIndex']);

/**
 * Tables about this machine, not the workspace, never written to a workspace file and kept as
 * they are by a restore: the local error log, and this device's copy of the team workspace's
 * documents (y-dexie: `syncDocs` and the updates table it adds).
 */
export const LOCAL_TABLES: ReadonlySet<string> = new Set(['errorLog', 'syncDocs', '$syncDocs.doc_updates']);

/**
 * `meta` rows that are not user data: the schema version (the file's header carries it; the
 * restored database records its own) and the kept note counts (recounted when missing).
 */
export const DERIVED_META_KEYS: ReadonlySet<string> = new Set(['schemaVersion', 'noteCounts']);

/**
 * Settings about this machine's backups, kept as they are by a restore: the restored file's are
 * those of the machine and moment it was made on, and "Last backup" must not go back in time.
 */
export const LOCAL_SETTING_KEYS: ReadonlySet<string> = new Set(['lastBackupAt', 'backupReminderSnoozedUntil']);

/**
 * `meta` rows about this device's place in a team, never written to a workspace file: its
 * membership (with the member token) and the sync journal's entries (keys with this prefix).
 */
export const TEAM_MEMBERSHIP_META_KEY = 'teamMembership';
export const LOCAL_META_KEY_PREFIXES: readonly string[] = [SYNC_JOURNAL_PREFIX];

/** Whether a table's rows go into a workspace file. */
export function isExportedTable(table: string): boolean {
  return !DERIVED_TABLES.has(table) && !LOCAL_TABLES.has(table);
}

/** Whether one row goes into (or is taken from) a workspace file. */
export function isExportedRow(table: string, row: Readonly<Record<string, unknown>>): boolean {
  if (table !== 'meta' || typeof row.key !== 'string') return true;
  const { key } = row;
  return !DERIVED_META_KEYS.has(key) && key !== TEAM_MEMBERSHIP_META_KEY && !LOCAL_META_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
