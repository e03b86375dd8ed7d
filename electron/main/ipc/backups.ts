import type { IpcHandlers } from '../../../shared/ipc/contract';
import type { BackupStore } from '../backups/backup-store';
import { describeFsError } from './describe-fs-error';
import { IpcHandlerError } from './ipc-handler-error';

type BackupVerbs = 'beginBackup' | 'appendBackup' | 'commitBackup' | 'abortBackup' | 'listBackups' | 'readBackup';

function ioError(action: string, error: unknown): IpcHandlerError {
  return new IpcHandlerError('io', `${action}: ${describeFsError(error)}`, { cause: error });
}

/** The backup verbs: the renderer streams a workspace file in and reads one back in chunks. */
export function createBackupHandlers(store: BackupStore): Pick<IpcHandlers, BackupVerbs> {
  const guard =
    <A extends unknown[], R>(action: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (error) {
        throw ioError(action, error);
      }
    };
  return {
    beginBackup: guard('Could not start the backup', () => store.begin()),
    appendBackup: guard('Could not write the backup (older backups are kept)', async (id: string, bytes: Uint8Array) => {
      await store.append(id, bytes);
      return null;
    }),
    commitBackup: guard('Could not finish the backup (older backups are kept)', (id: string, keep: number) => store.commit(id, keep)),
    abortBackup: guard('Could not remove the unfinished backup', async (id: string) => {
      await store.abort(id);
      return null;
    }),
    listBackups: guard('Could not list the backups', () => store.list()),
    readBackup: guard('Could not read the backup', (name: string, position: number, length: number) => store.read(name, position, length)),
  };
}
