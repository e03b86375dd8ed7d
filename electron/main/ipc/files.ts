import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { IpcHandlers, OpenedFile } from '../../../shared/ipc/contract';
import { MAX_FILE_BYTES } from '../../../shared/limits/input-limits';
import { describeFsError } from './describe-fs-error';
import { IpcHandlerError } from './ipc-handler-error';

export interface FileHandlerFs {
  readonly stat: (filePath: string) => Promise<{ readonly size: number; isFile(): boolean }>;
  readonly readFile: (filePath: string) => Promise<Uint8Array>;
  readonly writeFile: (filePath: string, data: Uint8Array, options: { flag: 'wx'; flush: boolean }) => Promise<void>;
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly rm: (filePath: string, options: { force: boolean }) => Promise<void>;
}

export interface FileHandlerDeps {
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  readonly getWindow: () => BrowserWindow | null;
  readonly fs: FileHandlerFs;
}

function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] ?? 'bytes'}`;
}

function tooLarge(filePath: string, size: number): IpcHandlerError {
  return new IpcHandlerError(
    'too-large',
    `${path.basename(filePath)} is ${formatSize(size)}; files larger than ${formatSize(MAX_FILE_BYTES)} cannot be opened.`,
  );
}

// A Buffer may be a view into a larger pooled ArrayBuffer, which IPC would copy whole.
function ownBytes(bytes: Uint8Array): Uint8Array {
  const isWholeBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return isWholeBuffer ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}

/** The `openFile` and `saveFile` verbs: native dialogs, size limits and atomic writes. */
export function createFileHandlers({ dialog, getWindow, fs }: FileHandlerDeps): Pick<IpcHandlers, 'openFile' | 'saveFile'> {
  const openFile: IpcHandlers['openFile'] = async (request) => {
    const options: OpenDialogOptions = {
      properties: ['openFile'],
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.filters === undefined ? {} : { filters: request.filters }),
    };
    const window = getWindow();
    const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    const filePath = result.filePaths[0];
    if (result.canceled || filePath === undefined) return null;

    let bytes: Uint8Array;
    try {
      const stats = await fs.stat(filePath);
      if (!stats.isFile()) throw new IpcHandlerError('io', `Could not read ${filePath}: it is not a file.`);
      if (stats.size > MAX_FILE_BYTES) throw tooLarge(filePath, stats.size);
      bytes = await fs.readFile(filePath);
    } catch (error) {
      if (error instanceof IpcHandlerError) throw error;
      throw new IpcHandlerError('io', `Could not read ${filePath}: ${describeFsError(error)}`, { cause: error });
    }
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(filePath, bytes.byteLength);
    return { name: path.basename(filePath), bytes: ownBytes(bytes) } satisfies OpenedFile;
  };

  const saveFile: IpcHandlers['saveFile'] = async (request) => {
    const options: SaveDialogOptions = {
      defaultPath: request.suggestedName,
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.filters === undefined ? {} : { filters: request.filters }),
    };
    const window = getWindow();
    const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
    const target = result.filePath;
    if (result.canceled || target === undefined || target === '') return null;

    // Same folder, so the rename stays on one volume and replaces the old file in one step.
    const tempPath = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.writeFile(tempPath, request.bytes, { flag: 'wx', flush: true });
      await fs.rename(tempPath, target);
    } catch (error) {
      await fs.rm(tempPath, { force: true }).catch(() => undefined);
      throw new IpcHandlerError('io', `Could not write ${target}: ${describeFsError(error)}`, { cause: error });
    }
    return { path: target };
  };

  return { openFile, saveFile };
}
