import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupCreatedAt, createBackupStore, type BackupFs } from '../../../../electron/main/backups/backup-store';

const DIR = '/user-data/backups';

function fsError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

/** An in-memory folder; `failAppendAfter` makes the nth append fail with a full disk. */
function memoryFs({ failAppendAfter = Infinity }: { failAppendAfter?: number } = {}) {
  const files = new Map<string, Uint8Array>();
  let appends = 0;
  const fs: BackupFs = {
    mkdir: () => Promise.resolve(undefined),
    async writeFile(filePath, data, { flag }) {
      if (flag === 'wx') {
        if (files.has(filePath)) throw fsError('EEXIST');
        files.set(filePath, data);
        return;
      }
      if (data.byteLength > 0) {
        appends += 1;
        if (appends > failAppendAfter) throw fsError('ENOSPC');
      }
      const old = files.get(filePath) ?? new Uint8Array();
      files.set(filePath, new Uint8Array([...old, ...data]));
    },
    async rename(from, to) {
      const data = files.get(from);
      if (data === undefined) throw fsError('ENOENT');
      files.delete(from);
      files.set(to, data);
    },
    async rm(filePath) {
      files.delete(filePath);
    },
    async readdir(dir) {
      return [...files.keys()].filter((key) => path.dirname(key) === dir).map((key) => path.basename(key));
    },
    async stat(filePath) {
      const data = files.get(filePath);
      if (data === undefined) throw fsError('ENOENT');
      return { size: data.byteLength };
    },
    async readChunk(filePath, position, length) {
      return (files.get(filePath) ?? new Uint8Array()).slice(position, position + length);
    },
  };
  return { fs, files };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const DAY = 24 * 60 * 60 * 1000;

async function writeBackup(store: ReturnType<typeof createBackupStore>, text: string, keep = 10) {
  const id = await store.begin();
  await store.append(id, bytes(text));
  return store.commit(id, keep);
}

describe('backup store', () => {
  it('writes to a temporary file and renames it only when complete', async () => {
    const { fs, files } = memoryFs();
    const store = createBackupStore({ dir: DIR, fs, clock: () => Date.UTC(2026, 0, 2, 3, 4, 5), newId: () => 'a'.repeat(32) });
    const id = await store.begin();
    await store.append(id, bytes('{"format":'));
    expect([...files.keys()]).toEqual([`${DIR}/discovery-desk-2026-01-02T03-04-05Z.ddworkspace.${'a'.repeat(32)}.tmp`]);
    expect(await store.list()).toEqual([]);
    await store.append(id, bytes('"x"}\n'));

    const info = await store.commit(id, 10);

    expect(info).toEqual({ name: 'discovery-desk-2026-01-02T03-04-05Z.ddworkspace', createdAt: Date.UTC(2026, 0, 2, 3, 4, 5), size: 15 });
    expect([...files.keys()]).toEqual([`${DIR}/${info.name}`]);
    expect(new TextDecoder().decode(await store.read(info.name, 0, 100))).toBe('{"format":"x"}\n');
    expect(new TextDecoder().decode(await store.read(info.name, 10, 3))).toBe('"x"');
  });

  it('keeps the newest N backups', async () => {
    const { fs } = memoryFs();
    let now = Date.UTC(2026, 0, 1);
    const store = createBackupStore({ dir: DIR, fs, clock: () => (now += DAY) });
    for (let day = 0; day < 5; day += 1) await writeBackup(store, `backup ${day}`, 3);
    const listed = await store.list();
    expect(listed.map((backup) => backup.name)).toEqual([
      'discovery-desk-2026-01-06T00-00-00Z.ddworkspace',
      'discovery-desk-2026-01-05T00-00-00Z.ddworkspace',
      'discovery-desk-2026-01-04T00-00-00Z.ddworkspace',
    ]);
  });

  it('leaves the older backups intact when the disk fills during a write, and reports it', async () => {
    const { fs, files } = memoryFs({ failAppendAfter: 2 });
    let now = Date.UTC(2026, 0, 1);
    const store = createBackupStore({ dir: DIR, fs, clock: () => (now += DAY) });
    await writeBackup(store, 'first', 1);
    await writeBackup(store, 'second', 1);
    const before = new Map(files);

    const id = await store.begin();
    await expect(store.append(id, bytes('third'))).rejects.toMatchObject({ code: 'ENOSPC' });

    expect(files).toEqual(before);
    expect((await store.list()).map((backup) => backup.name)).toEqual(['discovery-desk-2026-01-03T00-00-00Z.ddworkspace']);
    await expect(store.commit(id, 1)).rejects.toThrow(/no backup being written/);
  });

  it('gives two backups in the same second different names', async () => {
    const { fs } = memoryFs();
    const store = createBackupStore({ dir: DIR, fs, clock: () => Date.UTC(2026, 0, 1) });
    const first = await writeBackup(store, 'a');
    const second = await writeBackup(store, 'b');
    expect(first.name).not.toBe(second.name);
    expect((await store.list()).length).toBe(2);
  });

  it('drops an aborted backup and ignores foreign files and leftovers', async () => {
    const { fs, files } = memoryFs();
    files.set(`${DIR}/notes.txt`, bytes('mine'));
    files.set(`${DIR}/discovery-desk-2025-01-01T00-00-00Z.ddworkspace.0000.tmp`, bytes('half'));
    const store = createBackupStore({ dir: DIR, fs });
    const id = await store.begin();
    await store.abort(id);
    expect(await store.list()).toEqual([]);
    expect(files.has(`${DIR}/notes.txt`)).toBe(true);
  });

  it('reads only backup files by name, never a path', async () => {
    const { fs } = memoryFs();
    const store = createBackupStore({ dir: DIR, fs });
    await expect(store.read('../window-state.json', 0, 10)).rejects.toThrow(/not a backup/);
    expect(backupCreatedAt('discovery-desk-2026-01-02T03-04-05Z-2.ddworkspace')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(backupCreatedAt('discovery-desk-2026-01-02T03-04-05Z.ddworkspace.tmp')).toBeNull();
  });
});
