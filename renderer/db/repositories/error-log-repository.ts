import { MAX_ERROR_LOG_ENTRIES, type ErrorLogEntry } from '../../../shared/errors/error-log-entry';
import type { DiscoveryDb } from '../discovery-db';
import { writeTransaction } from './write-transaction';

export interface ErrorLogRepository {
  /** Adds an entry and deletes the oldest beyond `MAX_ERROR_LOG_ENTRIES`, in one transaction. */
  append(entry: ErrorLogEntry): Promise<void>;
  /** Newest first. */
  list(): Promise<ErrorLogEntry[]>;
  clear(): Promise<void>;
}

/** Browser mode's local log: the errorLog table (schema v5), capped, kept out of backups and through restores. */
export function createErrorLogRepository(db: DiscoveryDb, { maxEntries = MAX_ERROR_LOG_ENTRIES } = {}): ErrorLogRepository {
  return {
    append: (entry) =>
      writeTransaction(db, [db.errorLog], async () => {
        await db.errorLog.put(entry);
        const excess = (await db.errorLog.count()) - maxEntries;
        if (excess > 0) await db.errorLog.orderBy('loggedAt').limit(excess).delete();
      }),
    list: () => db.errorLog.orderBy('loggedAt').reverse().toArray(),
    clear: () => writeTransaction(db, [db.errorLog], () => db.errorLog.clear()),
  };
}
