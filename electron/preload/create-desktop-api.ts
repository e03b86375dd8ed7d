import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { DesktopApi, IpcArgs, IpcValues, IpcVerb } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** `ipcRenderer.invoke`, narrowed: the caller states what main answers on that channel. */
export type Invoke = <T>(channel: string, ...args: unknown[]) => Promise<T>;

/**
 * Builds the `window.desktop` API from the contract: one function per verb that forwards its
 * arguments to the verb's channel and returns main's `IpcResult`, nothing else.
 */
export function createDesktopApi(invoke: Invoke): DesktopApi {
  const verb =
    <V extends IpcVerb>(name: V) =>
    (...args: IpcArgs<V>): Promise<IpcResult<IpcValues[V]>> =>
      invoke<IpcResult<IpcValues[V]>>(IPC_CHANNELS[name], ...args);

  const api = {
    getAppInfo: verb('getAppInfo'),
    openFile: verb('openFile'),
    saveFile: verb('saveFile'),
    printToPdf: verb('printToPdf'),
    beginBackup: verb('beginBackup'),
    appendBackup: verb('appendBackup'),
    commitBackup: verb('commitBackup'),
    abortBackup: verb('abortBackup'),
    listBackups: verb('listBackups'),
    readBackup: verb('readBackup'),
    liveAddresses: verb('liveAddresses'),
    liveStart: verb('liveStart'),
    liveState: verb('liveState'),
    liveCommand: verb('liveCommand'),
    liveEnd: verb('liveEnd'),
    appendLog: verb('appendLog'),
    readLog: verb('readLog'),
    clearLog: verb('clearLog'),
  } satisfies DesktopApi;
  return Object.freeze(api);
}
