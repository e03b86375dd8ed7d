import { combineJournalFields, journalFieldsOf, journalKey, parseJournalEntry, SYNC_JOURNAL_PREFIX, type SyncJournalEntry } from '../../../shared/sync/sync-journal';
import { SYNCED_TABLES } from '../../../shared/sync/synced-tables';
import type { DiscoveryDb } from '../discovery-db';

/** The table y-dexie keeps the team documents' updates in: a removal waits for the updates written before it. */
const SYNC_DOC_UPDATES_TABLE = '$syncDocs.doc_updates';

/**
 * Journals every local write of a shared row, in the write's own transaction (entries in `meta`
 * under `syncJournal/`, never exported): registered in every window of a device that joined a
 * team, so writes of windows that do not sync, and writes committed just before a crash, reach
 * the team's documents. Teammates' changes written by the sync are not journaled. Returns the
 * function that stops journaling.
 */
export function journalSharedTableWrites(db: DiscoveryDb): () => void {
  const unregister = SYNCED_TABLES.map((table) =>
    db.sideEffects.register<unknown>(table, {
      alsoWrites: ['meta'],
      afterWrite: async (changes, transaction) => {
        if (transaction.isRemote) return;
        for (const change of changes) {
          const fields = journalFieldsOf(table, change.key, change.before, change.after);
          if (fields === undefined) continue;
          const key = journalKey(table, change.key);
          const earlier = parseJournalEntry(readValue(await transaction.get('meta', key)));
          const entry: SyncJournalEntry = { table, key: change.key, fields: combineJournalFields(earlier?.fields, fields), stamp: newStamp() };
          await transaction.put('meta', { key, value: entry });
        }
      },
    }),
  );
  return () => {
    for (const stop of unregister) stop();
  };
}

export interface SyncJournalRepository {
  /** The oldest-keyed entries, at most `limit`. */
  read(limit: number): Promise<SyncJournalEntry[]>;
  /** Removes entries taken into the team's documents, each only if no write changed it since it was read. */
  remove(entries: readonly SyncJournalEntry[]): Promise<void>;
  /** Forgets every entry (leaving a team). */
  clear(): Promise<void>;
}

export function createSyncJournalRepository(db: DiscoveryDb): SyncJournalRepository {
  const entries = () => db.meta.where('key').startsWith(SYNC_JOURNAL_PREFIX);
  return {
    async read(limit) {
      const rows = await entries().limit(limit).toArray();
      return rows.flatMap((row) => parseJournalEntry(row.value) ?? []);
    },
    async remove(taken) {
      if (taken.length === 0) return;
      db.assertWritable();
      // The updates table is in scope so this runs after y-dexie stored the documents' updates (IndexedDB orders overlapping transactions).
      await db.transaction('rw', db.meta, db.table(SYNC_DOC_UPDATES_TABLE), async () => {
        const keys = taken.map((entry) => journalKey(entry.table, entry.key));
        const stored = await db.meta.bulkGet(keys);
        const unchanged = keys.filter((_key, position) => {
          const current = parseJournalEntry(stored[position]?.value);
          return current !== undefined && current.stamp === taken[position]?.stamp;
        });
        await db.meta.bulkDelete(unchanged);
      });
    },
    async clear() {
      db.assertWritable();
      await entries().delete();
    },
  };
}

function readValue(row: unknown): unknown {
  return typeof row === 'object' && row !== null && 'value' in row ? row.value : undefined;
}

let stampCounter = 0;
function newStamp(): string {
  stampCounter += 1;
  return `${Date.now().toString(36)}-${stampCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
