import type { AppInfo, DesktopApi, OpenedFile, OpenFileRequest, PrintToPdfRequest, SavedFile, SaveFileRequest } from '../../shared/ipc/contract';
import { DESKTOP_API_KEY } from '../../shared/ipc/contract';
import { ok, type IpcResult } from '../../shared/ipc/result';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopBackups, type DesktopBackups } from './desktop-backups';
import { createDesktopLiveWorkshopHost, type LiveWorkshopHost } from './live-workshop-host';
import type { LocalLog } from '../errors/error-log';
import { UserError } from '../../shared/errors/user-error';

/** What the app can ask of the machine: the desktop verbs, or their browser fallbacks. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenedFile | null>>;
  saveFile(request: SaveFileRequest): Promise<IpcResult<SavedFile | null>>;
  /**
   * Desktop: prints a standalone HTML page to a PDF file chosen in the save dialog. Browser: shows
   * the page in a print view and opens the print dialog (its "Save as PDF"); resolves with null.
   */
  printToPdf(request: PrintToPdfRequest): Promise<IpcResult<SavedFile | null>>;
  /** Saves text produced in chunks (a workspace file) without joining it into one string first. */
  saveChunks(request: Omit<SaveFileRequest, 'bytes'>, chunks: AsyncIterable<string>): Promise<IpcResult<SavedFile | null>>;
  /** Lets the user pick a file and hands it over as a Blob, to be read as a stream. */
  openBlob(request: OpenFileRequest): Promise<IpcResult<{ readonly name: string; readonly blob: Blob } | null>>;
  /** The automatic backups folder: desktop app only. */
  readonly backups: DesktopBackups | null;
  /** Run live: the workshop server this machine hosts (main's child process, or the browser-mode server). */
  readonly liveWorkshop: LiveWorkshopHost;
  /** The local log as a rotating file kept by main: desktop app only (browser mode keeps it in the database). */
  readonly errorLog: LocalLog | null;
}

/** The log verbs of main as a LocalLog; a failure says what went wrong (main's message names the file problem). */
function createDesktopLog(desktop: Pick<DesktopApi, 'appendLog' | 'readLog' | 'clearLog'>): LocalLog {
  const valueOf = <T>(result: IpcResult<T>): T => {
    if (!result.ok) throw new UserError(`${result.error.message}. Check that the app's log folder can be written, then try again.`);
    return result.value;
  };
  return {
    append: async (entry) => void valueOf(await desktop.appendLog(entry)),
    list: async () => valueOf(await desktop.readLog()),
    clear: async () => void valueOf(await desktop.clearLog()),
  };
}

function desktopApiOf(host: object): DesktopApi | null {
  const api: unknown = Reflect.get(host, DESKTOP_API_KEY);
  if (typeof api !== 'object' || api === null) return null;
  const hasEveryVerb = ['getAppInfo', 'openFile', 'saveFile', 'printToPdf'].every((verb) => typeof Reflect.get(api, verb) === 'function');
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
    backups: createDesktopBackups(desktop),
    liveWorkshop: createDesktopLiveWorkshopHost(desktop),
    errorLog: createDesktopLog(desktop),
    printToPdf: (request) => desktop.printToPdf(request),
    async saveChunks(request, chunks) {
      const encoder = new TextEncoder();
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(encoder.encode(chunk));
      const bytes = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.byteLength;
      }
      return desktop.saveFile({ ...request, bytes });
    },
    async openBlob(request) {
      const result = await desktop.openFile(request);
      if (!result.ok || result.value === null) return result.ok ? ok(null) : result;
      return ok({ name: result.value.name, blob: new Blob([result.value.bytes as Uint8Array<ArrayBuffer>]) });
    },
  };
}
