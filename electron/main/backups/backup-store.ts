import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { WORKSPACE_FILE_EXTENSION, workspaceFileName } from '../../../shared/backup/workspace-format';
import type { BackupInfo } from '../../../shared/ipc/contract';

/** The file-system calls the store makes; `node:fs/promises` fits. */
export interface BackupFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  writeFile(filePath: string, data: Uint8Array, options: { flag: 'wx' | 'a'; flush: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(filePath: string): Promise<{ readonly size: number }>;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  readChunk(filePath: string, position: number, length: number): Promise<Uint8Array>;
}

export interface BackupStoreDeps {
  /** `<userData>/backups`. */
  readonly dir: string;
  readonly fs: BackupFs;
  readonly clock?: () => number;
  readonly newId?: () => string;
}

export interface BackupStore {
  /** Starts a backup written to a temporary file; returns the id to append to. */
  begin(): Promise<string>;
  append(id: string, bytes: Uint8Array): Promise<void>;
  /** Renames the finished file into place, then deletes the oldest backups beyond `keep`. */
  commit(id: string, keep: number): Promise<BackupInfo>;
  abort(id: string): Promise<void>;
  /** Finished backups, newest first. */
  list(): Promise<BackupInfo[]>;
  read(name: string, position: number, length: number): Promise<Uint8Array>;
}

const NAME_PATTERN = new RegExp(`^discovery-desk-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z(?:-(\\d+))?\\.${WORKSPACE_FILE_EXTENSION}$`);

/** When a backup file was made, from its name; null for any other file. */
export function backupCreatedAt(name: string): number | null {
  const match = NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * Automatic backups in one folder: each is written to `<name>.tmp` and renamed when complete, so
 * a crash or a full disk never leaves a half-written backup where a good one is expected, and
 * older backups are only deleted after a newer one is complete.
 */
export function createBackupStore({ dir, fs, clock = Date.now, newId = () => randomBytes(16).toString('hex') }: BackupStoreDeps): BackupStore {
  const pending = new Map<string, { readonly tmpPath: string; readonly finalName: string }>();

  const finishedNames = async (): Promise<string[]> => {
    const names = await fs.readdir(dir).catch((error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
      throw error;
    });
    return names.filter((name) => backupCreatedAt(name) !== null).sort((a, b) => (backupCreatedAt(b) ?? 0) - (backupCreatedAt(a) ?? 0) || b.localeCompare(a));
  };

  const pendingOf = (id: string) => {
    const write = pending.get(id);
    if (write === undefined) throw new Error('There is no backup being written with this id.');
    return write;
  };

  const discard = async (id: string) => {
    const write = pending.get(id);
    pending.delete(id);
    if (write !== undefined) await fs.rm(write.tmpPath, { force: true });
  };

  return {
    async begin() {
      await fs.mkdir(dir, { recursive: true });
      const existing = new Set(await finishedNames());
      const base = workspaceFileName(clock());
      let finalName = base;
      for (let n = 2; existing.has(finalName) || [...pending.values()].some((write) => write.finalName === finalName); n += 1) {
        finalName = base.replace(`.${WORKSPACE_FILE_EXTENSION}`, `-${n}.${WORKSPACE_FILE_EXTENSION}`);
      }
      const id = newId();
      const tmpPath = path.join(dir, `${finalName}.${id}.tmp`);
      await fs.writeFile(tmpPath, new Uint8Array(), { flag: 'wx', flush: true });
      pending.set(id, { tmpPath, finalName });
      return id;
    },

    async append(id, bytes) {
      const { tmpPath } = pendingOf(id);
      try {
        await fs.writeFile(tmpPath, bytes, { flag: 'a', flush: false });
      } catch (error) {
        // A full disk: drop the partial file; the older backups were never touched.
        await discard(id).catch(() => undefined);
        throw error;
      }
    },

    async commit(id, keep) {
      const { tmpPath, finalName } = pendingOf(id);
      try {
        await fs.writeFile(tmpPath, new Uint8Array(), { flag: 'a', flush: true });
        await fs.rename(tmpPath, path.join(dir, finalName));
      } catch (error) {
        await discard(id).catch(() => undefined);
        throw error;
      }
      pending.delete(id);
      const names = await finishedNames();
      for (const old of names.slice(Math.max(1, keep))) await fs.rm(path.join(dir, old), { force: true });
      const { size } = await fs.stat(path.join(dir, finalName));
      return { name: finalName, createdAt: backupCreatedAt(finalName) ?? clock(), size };
    },

    abort: discard,

    async list() {
      const names = await finishedNames();
      return Promise.all(names.map(async (name) => ({ name, createdAt: backupCreatedAt(name) ?? 0, size: (await fs.stat(path.join(dir, name))).size })));
    },

    async read(name, position, length) {
      if (backupCreatedAt(name) === null) throw new Error(`${name} is not a backup of this app.`);
      return fs.readChunk(path.join(dir, name), position, length);
    },
  };
}
