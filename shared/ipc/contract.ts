import { z } from 'zod';
import type { IpcResult } from './result';
import { IPC_CHANNELS } from './channels';

export { DESKTOP_API_KEY, IPC_CHANNELS } from './channels';

/** Largest file the desktop app reads for an import (bytes); larger files are refused, not truncated. */
export const MAX_OPEN_FILE_BYTES = 1024 * 1024 * 1024;

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(20),
});

const openFileRequest = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilter).max(20).optional(),
  })
  .strict();

const saveFileRequest = z
  .object({
    title: z.string().max(200).optional(),
    // A suggested file name only: no folders, so the renderer cannot pick where it lands.
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'must be a file name without folders'),
    bytes: z.instanceof(Uint8Array),
    filters: z.array(fileFilter).max(20).optional(),
  })
  .strict();

/** Largest HTML document the desktop app prints to PDF (characters). */
export const MAX_PRINT_HTML_CHARS = 1_500_000;

const printToPdfRequest = z
  .object({
    title: z.string().max(200).optional(),
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'must be a file name without folders'),
    // A standalone page (the app's own export renderer): printed with JavaScript off.
    html: z.string().min(1).max(MAX_PRINT_HTML_CHARS),
  })
  .strict();

export type PrintToPdfRequest = z.infer<typeof printToPdfRequest>;
export type OpenFileRequest = z.infer<typeof openFileRequest>;
export type SaveFileRequest = z.infer<typeof saveFileRequest>;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly electronVersion: string;
  readonly chromeVersion: string;
  readonly userDataPath: string;
}

export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SavedFile {
  readonly path: string;
}

/**
 * The one IPC contract: each verb's channel and argument parser. Main parses every argument
 * with these before a handler runs; the preload exposes exactly these verbs.
 */
export const ipcContract = {
  getAppInfo: { channel: IPC_CHANNELS.getAppInfo, args: z.tuple([]) },
  openFile: { channel: IPC_CHANNELS.openFile, args: z.tuple([openFileRequest]) },
  saveFile: { channel: IPC_CHANNELS.saveFile, args: z.tuple([saveFileRequest]) },
  printToPdf: { channel: IPC_CHANNELS.printToPdf, args: z.tuple([printToPdfRequest]) },
} as const;

/** What each verb resolves to (null when the user cancelled the dialog). */
export interface IpcValues {
  getAppInfo: AppInfo;
  openFile: OpenedFile | null;
  saveFile: SavedFile | null;
  /** Null when the user cancelled the save dialog. */
  printToPdf: SavedFile | null;
}

export type IpcVerb = keyof typeof ipcContract;
export type IpcArgs<V extends IpcVerb> = z.infer<(typeof ipcContract)[V]['args']>;

/** The API the preload exposes on `window.desktop`. */
export type DesktopApi = {
  readonly [V in IpcVerb]: (...args: IpcArgs<V>) => Promise<IpcResult<IpcValues[V]>>;
};

/** The main-process implementation of every verb, given already-parsed arguments. */
export type IpcHandlers = {
  readonly [V in IpcVerb]: (...args: IpcArgs<V>) => Promise<IpcValues[V]>;
};

