import type { Transaction } from 'dexie';
import { schemaV1 } from './v1';
import { schemaV2 } from './v2';
import { schemaV3 } from './v3';
import { schemaV4 } from './v4';
import { schemaV5 } from './v5';
import { schemaV6 } from './v6';

/** One schema version: its stores (null deletes a table) and the data migration run on the way up. */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
}

/**
 * Every schema version, oldest first. Append only: each new version gets its own file, an
 * upgrade test on a seeded older database, and a new schema snapshot.
 */
export const schemaVersions: readonly SchemaVersion[] = [
  { version: 1, stores: schemaV1 },
  { version: 2, stores: schemaV2 },
  { version: 3, stores: schemaV3 },
  { version: 4, stores: schemaV4 },
  { version: 5, stores: schemaV5 },
  { version: 6, stores: schemaV6 },
];

/** The highest version in a list of schema versions (0 for none). */
export function latestSchemaVersion(versions: readonly SchemaVersion[]): number {
  return Math.max(0, ...versions.map((schemaVersion) => schemaVersion.version));
}

/** The schema version this build writes. */
export const CURRENT_SCHEMA_VERSION = latestSchemaVersion(schemaVersions);

/** Dexie stores version N as native IndexedDB version N * 10, plus one per automatic schema patch. */
export function schemaVersionOfNativeVersion(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10);
}
