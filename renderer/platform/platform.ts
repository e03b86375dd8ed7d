import type { AppInfo, DesktopApi, OpenedFile, OpenFileRequest, SavedFile, SaveFileRequest } from '../../shared/ipc/contract';
import { DESKTOP_API_KEY } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { createBrowserPlatform } from './browser-platform';

/** What the app can ask of the machine: the desktop verbs, or their browser fallbacks. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenedFile | null>>;
  saveFile(request: SaveFileRequest): Promise<IpcResult<SavedFile | null>>;
}

function desktopApiOf(host: object): DesktopApi | null {
  const api: unknown = Reflect.get(host, DESKTOP_API_KEY);
  if (typeof api !== 'object' || api === null) return null;
  const hasEveryVerb = ['getAppInfo', 'openFile', 'saveFile'].every((verb) => typeof Reflect.get(api, verb) === 'function');
  return hasEveryVerb ? (api as DesktopApi) : null;
}

/** Picks the desktop API when the preload exposed it, else the browser fallback. */
export function createPlatform(host: Window = window): Platform {
  const desktop = desktopApiOf(host);
  if (!desktop) return createBrowserPlatform(host.document);
  return {
    kind: 'desktop',
    getAppInfo: () => desktop.getAppInfo(),
    openFile: (request) => desktop.openFile(request),
    saveFile: (request) => desktop.saveFile(request),
  };
}
