import { Dexie } from 'dexie';
import { createLineSplitter } from '../../../shared/backup/split-lines';
import { createWorkspaceFileReader, type WorkspaceRow } from '../../../shared/backup/workspace-file-reader';
import { WorkspaceFileError, type WorkspaceHeader } from '../../../shared/backup/workspace-format';
import { MAX_WORKSPACE_LINE_CHARS } from '../../../shared/limits/input-limits';
import { isExportedRow, isExportedTable, LOCAL_SETTING_KEYS, LOCAL_TABLES } from '../../../shared/backup/workspace-tables';
import { UserError } from '../../../shared/errors/user-error';
import { classifyWriteError, isQuotaExceededError } from '../classify-write-error';
import { DiscoveryDb } from '../discovery-db';
import { schemaVersions as allSchemaVersions, type SchemaVersion } from '../schema/versions';
import { exportedTables, readTablePages } from './export-workspace';
import { writeSchemaVersion } from './meta-repository';
import { createTeamMembershipRepository } from './team-membership-repository';
import { logUnexpectedError } from '../../errors/error-log';

export interface RestoreProgress {
  readonly phase: 'checking' | 'replacing';
  /** Rows read from the file (checking) or copied into the workspace (replacing). */
  readonly rows: number;
  readonly bytes: number;
}

export interface RestoreWorkspaceOptions {
  /** The schema versions this build knows (tests add versions). */
  readonly versions?: readonly SchemaVersion[];
  readonly onProgress?: (progress: RestoreProgress) => void;
  readonly pageSize?: number;
  /** A name for the temporary database; unique by default. */
  readonly stagingName?: string;
  /**
   * Called once the whole file was checked (and upgraded), before anything in the workspace is
   * replaced: the place to ask "replace your workspace?". Resolving false declines the restore
   * (RestoreDeclinedError); the workspace is untouched and the checked copy deleted.
   */
  readonly confirm?: (checked: RestoredWorkspace) => Promise<boolean>;
}

/** The person declined to replace the workspace once the file was checked; nothing was changed. */
/** Why a restore is refused while this device is in a team workspace. */
export const RESTORE_IN_TEAM_MESSAGE =
  'This device is in a team workspace, so a backup cannot be restored here: it would replace what your whole team shares. Leave the team first (Settings › Team workspace; your rows stay on this device), then restore.';

export class RestoreDeclinedError extends Error {
  override readonly name = 'RestoreDeclinedError';

  constructor() {
    super('The restore was cancelled; nothing was changed.');
  }
}

export interface RestoredWorkspace {
  readonly header: WorkspaceHeader;
  readonly counts: ReadonlyMap<string, number>;
}

const DEFAULT_PAGE_SIZE = 500;

/** Prefix of the temporary databases a restore writes into before replacing the live data. */
export const STAGING_DATABASE_PREFIX = 'discovery-desk-restore-';

function tableNamesAt(versions: readonly SchemaVersion[], schemaVersion: number): string[] {
  const names = new Set<string>();
  for (const { version, stores } of versions) {
    if (version > schemaVersion) continue;
    for (const [name, spec] of Object.entries(stores)) {
      if (spec === null) names.delete(name);
      else names.add(name);
    }
  }
  return [...names].filter(isExportedTable);
}

// A running restore holds a Web Lock named after its temporary database, so other windows leave it alone.
const RESTORE_LOCK_PREFIX = 'discovery-desk-restore-lock:';
// Without Web Locks (tests), only a temporary database this old is taken to be abandoned.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function holdRestoreLock(databaseName: string): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void globalThis.navigator?.locks?.request(RESTORE_LOCK_PREFIX + databaseName, () => held).catch(() => undefined);
  return release;
}

async function heldRestoreLocks(): Promise<ReadonlySet<string> | null> {
  const locks = globalThis.navigator?.locks;
  if (locks === undefined) return null;
  try {
    const state = await locks.query();
    return new Set((state.held ?? []).map((lock) => lock.name ?? '').filter((name) => name.startsWith(RESTORE_LOCK_PREFIX)).map((name) => name.slice(RESTORE_LOCK_PREFIX.length)));
  } catch {
    return null;
  }
}

function isRestoreDatabase(name: string): boolean {
  return name.startsWith(STAGING_DATABASE_PREFIX) || name.startsWith(RECOVERY_DATABASE_PREFIX);
}

function createdAtOf(name: string): number {
  const stamp = Number(/-(\d+)-[a-z0-9]*$/.exec(name)?.[1]);
  return Number.isFinite(stamp) ? stamp : 0;
}

/**
 * Deletes the temporary databases of restores that no window is running any more: what a restore
 * interrupted by a reload, a closed window or a crash left behind. Run on every start and before
 * every restore. Returns the names deleted.
 */
export async function deleteAbandonedRestoreDatabases(now: number = Date.now()): Promise<string[]> {
  const names = (await Dexie.getDatabaseNames().catch(() => [] as string[])).filter(isRestoreDatabase);
  if (names.length === 0) return [];
  const held = await heldRestoreLocks();
  const abandoned = names.filter((name) => (held === null ? now - createdAtOf(name) > ABANDONED_AFTER_MS : !held.has(name)));
  await Promise.all(abandoned.map((name) => Dexie.delete(name).catch(() => undefined)));
  return abandoned;
}

/**
 * Restores a workspace file into `db`, replacing everything in it. The file is streamed into a
 * fresh staging database while its header, every line, the row counts and the checksum are
 * checked; an older schema is upgraded there by the app's own migrations. Only a file that passed
 * every check replaces the live data, in one transaction (all of it or none of it). A refused file
 * throws WorkspaceFileError naming the problem, and the live data is untouched.
 */
export async function restoreWorkspace(db: DiscoveryDb, source: ReadableStream<Uint8Array>, options: RestoreWorkspaceOptions = {}): Promise<RestoredWorkspace> {
  const { versions = allSchemaVersions, onProgress, pageSize = DEFAULT_PAGE_SIZE } = options;
  const stagingName = options.stagingName ?? `${STAGING_DATABASE_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2)}`;
  db.assertWritable();
  // In a team, a restore would replace rows every member shares (and bring back what teammates deleted): refused before the file is read.
  if ((await createTeamMembershipRepository(db).get()) !== undefined) throw new UserError(RESTORE_IN_TEAM_MESSAGE);
  const releaseLock = holdRestoreLock(stagingName);
  await deleteAbandonedRestoreDatabases();
  // Held in an object: the helpers below replace it, which local narrowing would not see.
  const holder: { staging: DiscoveryDb | null } = { staging: null };
  try {
    const verified = await readIntoStaging();
    const upgraded = await upgradeStaging(verified.header.schemaVersion);
    const checked = { header: verified.header, counts: verified.counts };
    if (options.confirm !== undefined && !(await options.confirm(checked))) throw new RestoreDeclinedError();
    await replaceLiveData(upgraded);
    return checked;
  } finally {
    holder.staging?.close();
    await Dexie.delete(stagingName).catch(() => undefined);
    releaseLock();
  }

  async function readIntoStaging() {
    const reader = createWorkspaceFileReader({ appSchemaVersion: db.appSchemaVersion, tableNamesAt: (schemaVersion) => tableNamesAt(versions, schemaVersion) });
    const splitter = createLineSplitter(MAX_WORKSPACE_LINE_CHARS);
    let bytes = 0;
    let rows = 0;
    let batch: WorkspaceRow[] = [];
    const flush = async () => {
      const first = batch[0];
      if (first === undefined || holder.staging === null) return;
      const staging = holder.staging;
      const written = batch;
      batch = [];
      const table = staging.table(first.table);
      const toStore = written.filter(({ table: name, row }) => isExportedRow(name, row)).map(({ row }) => ({ ...row }));
      try {
        await staging.transaction('rw', table, () => table.bulkAdd(toStore));
      } catch (error) {
        const classified = classifyWriteError(error);
        if (classified !== error) throw classified;
        logUnexpectedError(error, 'restoring a backup: storing rows');
        throw new WorkspaceFileError(`a row between here and line ${written[written.length - 1]?.line ?? first.line} could not be stored, so nothing was restored`, first.line);
      }
      rows += written.length;
      onProgress?.({ phase: 'checking', rows, bytes });
    };
    const readLines = async (lines: readonly string[]) => {
      for (const line of lines) {
        const row = reader.readLine(line);
        if (holder.staging === null && reader.header !== undefined) {
          const fileVersion = reader.header.schemaVersion;
          holder.staging = new DiscoveryDb(stagingName, { versions: versions.filter(({ version }) => version <= fileVersion) });
          await holder.staging.open();
        }
        if (row === null) continue;
        if (batch.length >= pageSize || (batch[0] !== undefined && batch[0].table !== row.table)) await flush();
        batch.push(row);
      }
    };
    // Invalid UTF-8 becomes U+FFFD, which then fails the checksum.
    const decoder = new TextDecoder('utf-8');
    const chunks = source.getReader();
    try {
      for (;;) {
        const { done, value } = await chunks.read();
        if (done) break;
        bytes += value.byteLength;
        await readLines(splitter.push(decoder.decode(value, { stream: true })));
      }
    } catch (error) {
      await chunks.cancel().catch(() => undefined);
      throw error;
    }
    await readLines([...splitter.push(decoder.decode()), ...splitter.end()]);
    const verified = reader.finish();
    await flush();
    const stagingDb = holder.staging;
    if (stagingDb === null) throw new WorkspaceFileError('The file is empty: it holds no workspace.');
    for (const [name, count] of verified.counts) {
      if (name === 'meta') continue;
      const stored = await stagingDb.table(name).count();
      if (stored !== count) throw new WorkspaceFileError(`The file holds ${count} rows of “${name}” but ${stored} could be stored (rows repeat a key), so nothing was restored.`);
    }
    return verified;
  }

  async function upgradeStaging(fileSchemaVersion: number): Promise<DiscoveryDb> {
    const current = holder.staging;
    if (current === null) throw new WorkspaceFileError('The file is empty: it holds no workspace.');
    if (fileSchemaVersion === db.appSchemaVersion) return current;
    current.close();
    // The app's own migrations bring an older file's rows up to this build's schema.
    const upgraded = new DiscoveryDb(stagingName, { versions });
    holder.staging = upgraded;
    await upgraded.open();
    return upgraded;
  }

  async function replaceLiveData(from: DiscoveryDb): Promise<void> {
    await replaceAllRows(db, from, { pageSize, ...(onProgress === undefined ? {} : { onProgress }) });
  }
}

/**
 * Replaces every row of `db` with the rows of `from` (derived tables left empty, local ones kept), in one
 * transaction: if anything fails, `db` is unchanged.
 */
export async function replaceAllRows(db: DiscoveryDb, from: DiscoveryDb, { pageSize = DEFAULT_PAGE_SIZE, onProgress }: { readonly pageSize?: number; readonly onProgress?: (progress: RestoreProgress) => void } = {}): Promise<void> {
  const sourceTables = exportedTables(from);
  let copied = 0;
  db.assertWritable();
  try {
    await db.transaction('rw', db.tables, async () => {
      // This machine's backup state ("Last backup") stays as it was: the file's is that of the machine it was made on.
      const localSettings = (await db.table('settings').bulkGet([...LOCAL_SETTING_KEYS])).filter((row): row is Record<string, unknown> => row !== undefined);
      for (const table of db.tables) if (!LOCAL_TABLES.has(table.name)) await table.clear();
      for (const sourceTable of sourceTables) {
        const target = db.table(sourceTable.name);
        const pages = Dexie.ignoreTransaction(() => readTablePages(sourceTable, pageSize));
        for (;;) {
          // Reading the other database is not part of this transaction; waitFor keeps it open meanwhile.
          const next = await Dexie.waitFor(Dexie.ignoreTransaction(() => pages.next()));
          if (next.done === true) break;
          const rows = sourceTable.name === 'meta' ? next.value.filter((row) => isExportedRow('meta', row)) : next.value;
          await target.bulkAdd(rows);
          copied += rows.length;
          onProgress?.({ phase: 'replacing', rows: copied, bytes: 0 });
        }
      }
      await db.table('settings').bulkPut(localSettings);
      await writeSchemaVersion(db.meta, db.appSchemaVersion);
    });
  } catch (error) {
    throw classifyWriteError(error);
  }
}

/** Prefix of the temporary database a recovery restores into before the unopenable workspace is replaced. */
export const RECOVERY_DATABASE_PREFIX = 'discovery-desk-recovery-';

/**
 * For a workspace that cannot be opened (a migration failed): checks and restores a workspace
 * file into a separate database first, and only when that succeeded deletes the stored workspace
 * and fills a fresh one from it.
 */
export async function replaceUnopenableWorkspace(name: string, source: ReadableStream<Uint8Array>, options: RestoreWorkspaceOptions = {}): Promise<RestoredWorkspace> {
  const { versions = allSchemaVersions } = options;
  const recoveryName = `${RECOVERY_DATABASE_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const recovered = new DiscoveryDb(recoveryName, { versions });
  const releaseLock = holdRestoreLock(recoveryName);
  try {
    await recovered.open().catch((error: unknown) => {
      if (!isQuotaExceededError(error)) throw error;
      throw new UserError('There is not enough disk space to restore the backup; nothing was changed. Free some space and try again.', { cause: error });
    });
    const restored = await restoreWorkspace(recovered, source, options);
    await Dexie.delete(name);
    const fresh = new DiscoveryDb(name, { versions });
    try {
      await fresh.open();
      await replaceAllRows(fresh, recovered, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
    } finally {
      fresh.close();
    }
    return restored;
  } finally {
    recovered.close();
    await Dexie.delete(recoveryName).catch(() => undefined);
    releaseLock();
  }
}
