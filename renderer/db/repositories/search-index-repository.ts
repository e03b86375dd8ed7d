import { SEARCH_INDEX_FORMAT_VERSION, type SerialisedSearchIndex } from '../../../shared/search/search-index';
import type { DiscoveryDb } from '../discovery-db';
import { writeTransaction } from './write-transaction';

const NOTES_INDEX_KEY = 'notes';

/** A row of the `searchIndex` table: a snapshot of the notes' search index. */
export interface SearchIndexRecord {
  readonly key: string;
  /** Notes with `updatedAt` at or above this were possibly changed after the snapshot was taken. */
  readonly watermark: number;
  readonly savedAt: number;
  readonly snapshot: SerialisedSearchIndex;
  /** The people's names the snapshot's notes were indexed with, by contact id (absent in older snapshots). */
  readonly contactNames?: Readonly<Record<string, string>>;
}

/** A stored snapshot of the notes' search index, with the watermark to catch up from. */
export interface PersistedSearchIndex {
  readonly watermark: number;
  readonly snapshot: SerialisedSearchIndex;
  /** The names the notes were indexed with; undefined when the snapshot did not keep them. */
  readonly contactNames?: ReadonlyMap<string, string>;
}

export interface SearchIndexRepository {
  /** The stored snapshot, or undefined when there is none or it is not one this build can read. */
  load(): Promise<PersistedSearchIndex | undefined>;
  /** Replaces the stored snapshot, in one transaction. */
  save(index: PersistedSearchIndex): Promise<void>;
  clear(): Promise<void>;
}

/** The only code touching the `searchIndex` table. */
export function createSearchIndexRepository(db: DiscoveryDb, clock: () => number = Date.now): SearchIndexRepository {
  return {
    async load() {
      const record: unknown = await db.searchIndex.get(NOTES_INDEX_KEY);
      if (!isReadableRecord(record)) return undefined;
      const contactNames = readNames(record.contactNames);
      return { watermark: record.watermark, snapshot: record.snapshot, ...(contactNames === undefined ? {} : { contactNames }) };
    },

    async save({ watermark, snapshot, contactNames }) {
      const record: SearchIndexRecord = {
        key: NOTES_INDEX_KEY,
        watermark,
        savedAt: clock(),
        snapshot,
        ...(contactNames === undefined ? {} : { contactNames: Object.fromEntries(contactNames) }),
      };
      await writeTransaction(db, [db.searchIndex], () => db.searchIndex.put(record));
    },

    async clear() {
      await writeTransaction(db, [db.searchIndex], () => db.searchIndex.clear());
    },
  };
}

// The parts are checked in depth by SearchIndex.load; this only guards the envelope another build may have written.
function isReadableRecord(value: unknown): value is SearchIndexRecord {
  if (typeof value !== 'object' || value === null) return false;
  if (!('watermark' in value) || typeof value.watermark !== 'number' || !Number.isFinite(value.watermark)) return false;
  if (!('snapshot' in value) || typeof value.snapshot !== 'object' || value.snapshot === null) return false;
  return 'formatVersion' in value.snapshot && value.snapshot.formatVersion === SEARCH_INDEX_FORMAT_VERSION;
}

function readNames(value: unknown): ReadonlyMap<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const names = new Map<string, string>();
  for (const [id, name] of Object.entries(value)) {
    if (typeof name !== 'string') return undefined;
    names.set(id, name);
  }
  return names;
}
