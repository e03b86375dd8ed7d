// Seeds a database the way an older build left it, then opens it with this build's migrations.
import { Dexie } from 'dexie';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { openDatabase } from '../../../renderer/db/open-database';
import { declareSchemaVersions } from '../../../renderer/db/schema/declare-schema-versions';
import { schemaVersions, type SchemaVersion } from '../../../renderer/db/schema/versions';

/** Raw rows per table, written exactly as given (no repository, no normalising). */
export type SeedRows = Readonly<Record<string, readonly object[]>>;

export interface SeedOptions {
  readonly name: string;
  /** The schema version the older build had. */
  readonly version: number;
  readonly rows: SeedRows;
  /** The full version list; only versions up to `version` are declared when seeding. */
  readonly versions?: readonly SchemaVersion[];
}

/** Creates a database at schema `version` (a Dexie declaring only versions <= version) holding `rows`. */
export async function seedDatabase({ name, version, rows, versions = schemaVersions }: SeedOptions): Promise<void> {
  const olderVersions = versions.filter((schemaVersion) => schemaVersion.version <= version);
  if (!olderVersions.some((schemaVersion) => schemaVersion.version === version)) {
    throw new Error(`There is no schema version ${version} to seed.`);
  }
  const older = new Dexie(name);
  declareSchemaVersions(older, olderVersions);
  await older.open();
  try {
    const tableNames = Object.keys(rows);
    if (tableNames.length > 0) {
      await older.transaction('rw', tableNames, async () => {
        for (const [tableName, tableRows] of Object.entries(rows)) await older.table(tableName).bulkAdd([...tableRows]);
      });
    }
  } finally {
    older.close();
  }
}

/** Seeds a database at an older version, then opens it with `versions` (this build's by default). */
export async function openSeededDatabase(options: SeedOptions): Promise<DiscoveryDb> {
  await seedDatabase(options);
  const result = await openDatabase(options.name, { versions: options.versions ?? schemaVersions });
  if (result.db === null) throw new Error('The seeded database failed to open.', { cause: result.status.error });
  if (result.status !== 'ready') throw new Error(`The seeded database opened as ${result.status.kind}.`);
  return result.db;
}

/**
 * The versions, other than 1 (which creates the database), that have no upgrade test: a new
 * schema version cannot land without one.
 */
export function findUntestedVersions(versions: readonly SchemaVersion[], testedVersions: Iterable<number>): number[] {
  const tested = new Set(testedVersions);
  return versions.map((schemaVersion) => schemaVersion.version).filter((version) => version !== 1 && !tested.has(version));
}

/** Reads every row of a table from a database without declaring a schema. */
export async function readRawRows(name: string, tableName: string): Promise<unknown[]> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    return await raw.table(tableName).toArray();
  } finally {
    raw.close();
  }
}

/** The native IndexedDB version and table names as stored, read without declaring a schema. */
export async function readStoredShape(name: string): Promise<{ nativeVersion: number; tableNames: string[] }> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    return { nativeVersion: raw.backendDB().version, tableNames: raw.tables.map((table) => table.name).sort() };
  } finally {
    raw.close();
  }
}
