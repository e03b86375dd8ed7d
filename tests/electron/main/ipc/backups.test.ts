import { describe, expect, it } from 'vitest';
import type { BackupStore } from '../../../../electron/main/backups/backup-store';
import { createBackupHandlers } from '../../../../electron/main/ipc/backups';
import { IpcHandlerError } from '../../../../electron/main/ipc/ipc-handler-error';
import { ipcContract } from '../../../../shared/ipc/contract';

const id = 'a'.repeat(32);

function storeFailingWith(error: Error): BackupStore {
  return {
    begin: () => Promise.resolve(id),
    append: () => Promise.reject(error),
    commit: () => Promise.reject(error),
    abort: () => Promise.resolve(),
    list: () => Promise.resolve([]),
    read: () => Promise.resolve(new Uint8Array()),
  };
}

describe('backup verbs', () => {
  it('reports a full disk as an io error saying the older backups are kept', async () => {
    const handlers = createBackupHandlers(storeFailingWith(Object.assign(new Error('write failed'), { code: 'ENOSPC' })));
    const failure = await handlers.appendBackup(id, new Uint8Array([1])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IpcHandlerError);
    expect(failure).toMatchObject({ code: 'io', message: 'Could not write the backup (older backups are kept): disk full (ENOSPC)' });
  });

  it('accepts only well-formed arguments', () => {
    expect(ipcContract.appendBackup.args.safeParse([id, new Uint8Array([1])]).success).toBe(true);
    expect(ipcContract.appendBackup.args.safeParse(['../../etc', new Uint8Array([1])]).success).toBe(false);
    expect(ipcContract.appendBackup.args.safeParse([id, 'text']).success).toBe(false);
    expect(ipcContract.appendBackup.args.safeParse([id, new Uint8Array(8 * 1024 * 1024 + 1)]).success).toBe(false);
    expect(ipcContract.commitBackup.args.safeParse([id, 0]).success).toBe(false);
    expect(ipcContract.readBackup.args.safeParse(['discovery-desk-2026-01-01T00-00-00Z.ddworkspace', 0, 1024]).success).toBe(true);
    expect(ipcContract.readBackup.args.safeParse(['../window-state.json', 0, 1024]).success).toBe(false);
    expect(ipcContract.readBackup.args.safeParse(['discovery-desk-2026-01-01T00-00-00Z.ddworkspace', -1, 1024]).success).toBe(false);
  });
});
