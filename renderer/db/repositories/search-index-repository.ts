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
}

/** A stored snapshot of the notes' search index, with the watermark to catch up from. */
export interface PersistedSearchIndex {
  readonly watermark: number;
  readonly snapshot: SerialisedSearchIndex;
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
      return isReadableRecord(record) ? { watermark: record.watermark, snapshot: record.snapshot } : undefined;
    },

    async save({ watermark, snapshot }) {
      const record: SearchIndexRecord = { key: NOTES_INDEX_KEY, watermark, savedAt: clock(), snapshot };
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
