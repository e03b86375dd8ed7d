/**
 * The IPC channel of each verb, and the name of the exposed API. Kept apart from the argument
 * parsers so the sandboxed preload bundles only these strings.
 */
export const IPC_CHANNELS = {
  getAppInfo: 'app:get-info',
  openFile: 'file:open',
  saveFile: 'file:save',
  printToPdf: 'file:print-to-pdf',
  beginBackup: 'backup:begin',
  appendBackup: 'backup:append',
  commitBackup: 'backup:commit',
  abortBackup: 'backup:abort',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  liveAddresses: 'live:addresses',
  liveStart: 'live:start',
  liveState: 'live:state',
  liveCommand: 'live:command',
  liveEnd: 'live:end',
  appendLog: 'log:append',
  readLog: 'log:read',
  clearLog: 'log:clear',
} as const;

/** The name under which the preload exposes the API (`window.desktop`). */
export const DESKTOP_API_KEY = 'desktop';
