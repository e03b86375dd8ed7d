import { z } from 'zod';
import type { HostAddress, LiveSessionInfo, LiveState } from '../live-workshop/live-host-types';
import { liveCommandSchema, liveWorkshopInputSchema, type LiveOutcome } from '../live-workshop/live-workshop-input';
import type { ErrorLogEntry } from '../errors/error-log-entry';
import type { IpcResult } from './result';
import { IPC_CHANNELS } from './channels';

export { DESKTOP_API_KEY, IPC_CHANNELS } from './channels';


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

/** Starting a live workshop: the address and port the facilitator chose, and the round as the server gets it. */
const liveStartRequest = z
  .object({
    host: z.string().min(1).max(100),
    port: z.number().int().min(1024).max(65535),
    input: liveWorkshopInputSchema,
  })
  .strict();

export type LiveStartRequest = z.infer<typeof liveStartRequest>;
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

/** One automatic backup in the desktop app's backups folder. */
export interface BackupInfo {
  readonly name: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly size: number;
}

/** Largest chunk of a backup that crosses IPC in one call. */
export const MAX_BACKUP_CHUNK_BYTES = 8 * 1024 * 1024;

const backupId = z.string().regex(/^[0-9a-f]{32}$/);
const backupName = z.string().regex(/^discovery-desk-[0-9TZ-]+\.ddworkspace$/).max(100);
const backupChunk = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_BACKUP_CHUNK_BYTES, `must be at most ${MAX_BACKUP_CHUNK_BYTES} bytes`);

/** One entry of the local log as it crosses to main: every field bounded, nothing else accepted. */
const errorLogEntry = z
  .object({
    id: z.string().min(1).max(64),
    loggedAt: z.number().int().min(0),
    appVersion: z.string().max(40),
    where: z.string().max(120),
    name: z.string().max(60),
    message: z.string().max(300),
    stack: z.string().max(4000),
  })
  .strict();

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
  beginBackup: { channel: IPC_CHANNELS.beginBackup, args: z.tuple([]) },
  appendBackup: { channel: IPC_CHANNELS.appendBackup, args: z.tuple([backupId, backupChunk]) },
  commitBackup: { channel: IPC_CHANNELS.commitBackup, args: z.tuple([backupId, z.number().int().min(1).max(100)]) },
  abortBackup: { channel: IPC_CHANNELS.abortBackup, args: z.tuple([backupId]) },
  listBackups: { channel: IPC_CHANNELS.listBackups, args: z.tuple([]) },
  readBackup: { channel: IPC_CHANNELS.readBackup, args: z.tuple([backupName, z.number().int().min(0), z.number().int().min(1).max(MAX_BACKUP_CHUNK_BYTES)]) },
  liveAddresses: { channel: IPC_CHANNELS.liveAddresses, args: z.tuple([]) },
  liveStart: { channel: IPC_CHANNELS.liveStart, args: z.tuple([liveStartRequest]) },
  liveState: { channel: IPC_CHANNELS.liveState, args: z.tuple([]) },
  liveCommand: { channel: IPC_CHANNELS.liveCommand, args: z.tuple([liveCommandSchema]) },
  liveEnd: { channel: IPC_CHANNELS.liveEnd, args: z.tuple([]) },
  appendLog: { channel: IPC_CHANNELS.appendLog, args: z.tuple([errorLogEntry]) },
  readLog: { channel: IPC_CHANNELS.readLog, args: z.tuple([]) },
  clearLog: { channel: IPC_CHANNELS.clearLog, args: z.tuple([]) },
} as const;

/** What each verb resolves to (null when the user cancelled the dialog). */
export interface IpcValues {
  getAppInfo: AppInfo;
  openFile: OpenedFile | null;
  saveFile: SavedFile | null;
  /** Null when the user cancelled the save dialog. */
  printToPdf: SavedFile | null;
  /** The id to append to. */
  beginBackup: string;
  appendBackup: null;
  commitBackup: BackupInfo;
  abortBackup: null;
  /** Newest first. */
  listBackups: readonly BackupInfo[];
  /** Empty at the end of the file. */
  readBackup: Uint8Array;
  /** Addresses of this machine the workshop server may listen on. */
  liveAddresses: readonly HostAddress[];
  liveStart: LiveSessionInfo;
  /** Null when no live workshop runs. */
  liveState: LiveState | null;
  liveCommand: null;
  /** The outcome, to be saved into the round. */
  liveEnd: LiveOutcome;
  appendLog: null;
  /** Newest first. */
  readLog: readonly ErrorLogEntry[];
  clearLog: null;
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

