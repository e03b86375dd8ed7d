import { toErrorLogEntry, type ErrorLogEntry } from '../../shared/errors/error-log-entry';

/** The local log: the errorLog table in browser mode, main's rotating log file in the desktop app. */
export interface LocalLog {
  append(entry: ErrorLogEntry): Promise<void>;
  /** Newest first. */
  list(): Promise<readonly ErrorLogEntry[]>;
  clear(): Promise<void>;
}

/** Where logged entries go. */
export type ErrorLogSink = Pick<LocalLog, 'append'>;

/** Entries logged before the workspace opened wait here (the newest few), then go to the sink. */
const MAX_WAITING = 50;
let sink: ErrorLogSink | null = null;
let waiting: ErrorLogEntry[] = [];

function write(entry: ErrorLogEntry): void {
  if (sink === null) {
    waiting = [...waiting.slice(-(MAX_WAITING - 1)), entry];
    return;
  }
  // A failure to write the log goes to the console only: logging it again could loop.
  sink.append(entry).catch((error: unknown) => console.error('The local log could not be written.', error));
}

/** Sets where the log is written (null: keep entries waiting), and writes the waiting ones there. */
export function setErrorLogSink(next: ErrorLogSink | null): void {
  sink = next;
  if (next === null) return;
  const queued = waiting;
  waiting = [];
  for (const entry of queued) write(entry);
}

/**
 * Logs an unexpected error caught `where` ("board: ranking"): its name, its message without quoted
 * text and its stack frames, with the app version and time; never the data it was working on.
 */
export function logUnexpectedError(error: unknown, where: string): void {
  console.error(`Unexpected error (${where})`, error);
  write(toErrorLogEntry(error, where, { id: crypto.randomUUID(), loggedAt: Date.now(), appVersion: __APP_VERSION__ }));
}

/** Logs what nothing else caught: uncaught errors and unhandled promise rejections of `target`. */
export function logUncaughtErrors(target: Window): () => void {
  const onError = (event: ErrorEvent) => logUnexpectedError(event.error ?? new Error('An uncaught error without details.'), 'uncaught error');
  const onRejection = (event: PromiseRejectionEvent) => logUnexpectedError(event.reason, 'unhandled promise rejection');
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
