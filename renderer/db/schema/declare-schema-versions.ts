import type { Dexie } from 'dexie';
import type { MetaRecord } from '../discovery-db';
import { writeSchemaVersion } from '../repositories/meta-repository';
import { latestSchemaVersion, type SchemaVersion } from './versions';

/**
 * Declares each version's stores and upgrade on a Dexie instance, and records the schema version
 * in `meta` in the same upgrade transaction: on creation (populate) and after every upgrade step.
 */
export function declareSchemaVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const { version, stores, upgrade } of versions) {
    db.version(version)
      .stores(stores)
      .upgrade(async (transaction) => {
        await upgrade?.(transaction);
        await writeSchemaVersion(transaction.table<MetaRecord, string>('meta'), version);
      });
  }
  const createdVersion = latestSchemaVersion(versions);
  db.on('populate', (transaction) => writeSchemaVersion(transaction.table<MetaRecord, string>('meta'), createdVersion));
}
