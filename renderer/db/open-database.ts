import { Dexie } from 'dexie';
import { DB_NAME, DiscoveryDb } from './discovery-db';
import { latestSchemaVersion, schemaVersionOfNativeVersion, schemaVersions, type SchemaVersion } from './schema/versions';
import { isUserError, UserError } from '../../shared/errors/user-error';

export interface NewerSchemaStatus {
  readonly kind: 'newer-schema';
  readonly storedVersion: number;
  readonly appVersion: number;
}

export interface FailedStatus {
  readonly kind: 'failed';
  readonly error: unknown;
}

/**
 * `ready`: read and write. `newer-schema`: readable, but every write throws NewerSchemaError.
 * `failed`: not open (a migration threw, IndexedDB is unavailable...); the stored data is untouched.
 */
export type OpenDatabaseResult =
  | { readonly db: DiscoveryDb; readonly status: 'ready' | NewerSchemaStatus }
  | { readonly db: null; readonly status: FailedStatus };

export interface OpenDatabaseOptions {
  /** The schema versions this build knows; tests add versions to exercise migrations. */
  readonly versions?: readonly SchemaVersion[];
  /**
   * Runs on the stored workspace, opened as it is, before an upgrade to this build's schema (the
   * desktop app backs it up here). If it throws, nothing is upgraded and the open fails.
   */
  readonly beforeUpgrade?: (stored: DiscoveryDb, storedVersion: number) => Promise<void>;
}

/** The open failed because the backup before an upgrade could not be made; nothing was changed. */
export class BackupBeforeUpgradeError extends UserError {
  override readonly name = 'BackupBeforeUpgradeError';
}

/**
 * Opens the database, running pending migrations. Dexie 4 opens a database stored by a newer
 * build without complaint and would let this build write old-shaped rows into it, so this first
 * reads the stored version; if it is newer, the database is opened without declaring a schema
 * (nothing can be upgraded or patched) and every write is refused.
 */
export async function openDatabase(name: string = DB_NAME, { versions = schemaVersions, beforeUpgrade }: OpenDatabaseOptions = {}): Promise<OpenDatabaseResult> {
  try {
    const appVersion = latestSchemaVersion(versions);
    const storedNativeVersion = await readStoredNativeVersion(name);
    const storedSchemaVersion = schemaVersionOfNativeVersion(storedNativeVersion);
    const isStoredNewer = storedSchemaVersion > appVersion;
    if (beforeUpgrade !== undefined && storedNativeVersion > 0 && storedSchemaVersion < appVersion) {
      await runBeforeUpgrade(name, versions, storedSchemaVersion, beforeUpgrade);
    }
    const db = new DiscoveryDb(name, { versions, isSchemaDeclared: !isStoredNewer });
    await db.open();
    const storedVersion = db.newerStoredSchemaVersion;
    return { db, status: storedVersion === null ? 'ready' : { kind: 'newer-schema', storedVersion, appVersion } };
  } catch (error) {
    return { db: null, status: { kind: 'failed', error } };
  }
}

async function runBeforeUpgrade(name: string, versions: readonly SchemaVersion[], storedVersion: number, beforeUpgrade: NonNullable<OpenDatabaseOptions['beforeUpgrade']>): Promise<void> {
  // Opened without a declared schema: Dexie reads the stored one and can upgrade nothing.
  const stored = new DiscoveryDb(name, { versions, isSchemaDeclared: false });
  try {
    await stored.open();
    await beforeUpgrade(stored, storedVersion);
  } catch (error) {
    throw new BackupBeforeUpgradeError(
      `The workspace was not updated to this version because the backup before the update failed${isUserError(error) ? `: ${error.message}` : ''}. Nothing was changed; free some disk space and start the app again.`,
      { cause: error },
    );
  } finally {
    stored.close();
  }
}

/** The stored native IndexedDB version, 0 when there is no database yet. */
async function readStoredNativeVersion(name: string): Promise<number> {
  // Without a declared schema Dexie opens whatever version is stored and never upgrades it.
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.backendDB().version;
  } catch (error) {
    if (error instanceof Dexie.NoSuchDatabaseError) return 0;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Asks the browser not to evict the database under storage pressure. Returns whether storage is
 * persistent, or 'unsupported' where the Storage API is missing.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<boolean | 'unsupported'> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
