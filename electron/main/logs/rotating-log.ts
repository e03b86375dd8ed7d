import path from 'node:path';
import type { ErrorLogEntry } from '../../../shared/errors/error-log-entry';

/** The file-system calls the log makes; `node:fs/promises` fits. */
export interface LogFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  appendFile(filePath: string, data: string): Promise<void>;
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
  stat(filePath: string): Promise<{ readonly size: number }>;
}

export interface RotatingLogDeps {
  /** `<userData>/logs`. */
  readonly dir: string;
  readonly fs: LogFs;
  /** The current file is rotated once it reaches this size. */
  readonly maxBytes?: number;
  /** Rotated files kept: `.1` (newer) to `.<keep>` (older). */
  readonly keep?: number;
}

export interface RotatingLog {
  append(entry: ErrorLogEntry): Promise<void>;
  /** Every entry of the current and rotated files, newest first. */
  read(): Promise<ErrorLogEntry[]>;
  clear(): Promise<void>;
}

export const LOG_FILE_NAME = 'discovery-desk.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 2;

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function parseLines(text: string): ErrorLogEntry[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      const entry: unknown = JSON.parse(line);
      return typeof entry === 'object' && entry !== null && 'loggedAt' in entry && typeof entry.loggedAt === 'number' ? [entry as ErrorLogEntry] : [];
    } catch {
      // A line cut by a crash is skipped; the others still read.
      return [];
    }
  });
}

/** The desktop app's local log: JSON lines in `discovery-desk.log`, rotated to `.1`, `.2` when it grows past `maxBytes`. */
export function createRotatingLog({ dir, fs, maxBytes = DEFAULT_MAX_BYTES, keep = DEFAULT_KEEP }: RotatingLogDeps): RotatingLog {
  const file = path.join(dir, LOG_FILE_NAME);
  const rotated = (n: number) => `${file}.${n}`;
  // One write at a time, so a rotation never interleaves with an append.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const sizeOf = async (filePath: string) => {
    try {
      return (await fs.stat(filePath)).size;
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
  };

  const rotate = async () => {
    await fs.rm(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      if ((await sizeOf(rotated(n))) > 0) await fs.rename(rotated(n), rotated(n + 1));
    }
    await fs.rename(file, rotated(1));
  };

  const readText = async (filePath: string) => {
    try {
      return await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if (isMissing(error)) return '';
      throw error;
    }
  };

  return {
    append: (entry) =>
      serial(async () => {
        await fs.mkdir(dir, { recursive: true });
        const line = `${JSON.stringify(entry)}\n`;
        if ((await sizeOf(file)) + line.length > maxBytes && (await sizeOf(file)) > 0) await rotate();
        await fs.appendFile(file, line);
      }),
    read: () =>
      serial(async () => {
        const files = [file, ...Array.from({ length: keep }, (_, index) => rotated(index + 1))];
        const entries = (await Promise.all(files.map(readText))).flatMap(parseLines);
        return entries.sort((a, b) => b.loggedAt - a.loggedAt);
      }),
    clear: () =>
      serial(async () => {
        for (const filePath of [file, ...Array.from({ length: keep }, (_, index) => rotated(index + 1))]) await fs.rm(filePath, { force: true });
      }),
  };
}
