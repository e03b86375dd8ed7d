import type { IpcHandlers } from '../../../shared/ipc/contract';
import type { RotatingLog } from '../logs/rotating-log';
import { describeFsError } from './describe-fs-error';
import { IpcHandlerError } from './ipc-handler-error';

/** The local log verbs: append one entry (already checked by the contract), read them newest first, clear. */
export function createLogHandlers(log: RotatingLog): Pick<IpcHandlers, 'appendLog' | 'readLog' | 'clearLog'> {
  const guard =
    <A extends unknown[], R>(action: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (error) {
        throw new IpcHandlerError('io', `${action}: ${describeFsError(error)}`, { cause: error });
      }
    };
  return {
    appendLog: guard('Could not write to the local log', async (entry) => {
      await log.append(entry);
      return null;
    }),
    readLog: guard('Could not read the local log', () => log.read()),
    clearLog: guard('Could not clear the local log', async () => {
      await log.clear();
      return null;
    }),
  };
}
