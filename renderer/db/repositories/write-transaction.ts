import type { Table } from 'dexie';
import { classifyWriteError } from '../classify-write-error';
import type { DiscoveryDb } from '../discovery-db';

/**
 * Runs a write in one explicit read-write transaction: all of it lands or none of it does.
 * Refuses up front when the stored schema is newer, and reports a full disk as StorageFullError.
 */
export async function writeTransaction<T>(db: DiscoveryDb, tables: readonly Table[], scope: () => Promise<T>): Promise<T> {
  db.assertWritable();
  try {
    return await db.transaction('rw', tables, scope);
  } catch (error) {
    throw classifyWriteError(error);
  }
}
