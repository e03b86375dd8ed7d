import type { Table } from 'dexie';
import type { DiscoveryDb, MetaRecord } from '../discovery-db';

const SCHEMA_VERSION_KEY = 'schemaVersion';

/** Reads the app schema version recorded in `meta`; undefined when absent or malformed. */
export async function readSchemaVersion(meta: Table<MetaRecord, string>): Promise<number | undefined> {
  const record = await meta.get(SCHEMA_VERSION_KEY);
  return typeof record?.value === 'number' && Number.isInteger(record.value) ? record.value : undefined;
}

/** Records the app schema version; runs inside the schema upgrade transaction. */
export async function writeSchemaVersion(meta: Table<MetaRecord, string>, version: number): Promise<void> {
  await meta.put({ key: SCHEMA_VERSION_KEY, value: version });
}

export interface MetaRepository {
  /** The app schema version the stored data was last written with. */
  getSchemaVersion(): Promise<number | undefined>;
}

export function createMetaRepository(db: DiscoveryDb): MetaRepository {
  return {
    getSchemaVersion: () => readSchemaVersion(db.meta),
  };
}
