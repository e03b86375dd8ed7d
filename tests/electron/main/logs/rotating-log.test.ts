import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog, LOG_FILE_NAME, type LogFs } from '../../../../electron/main/logs/rotating-log';
import { createLogHandlers } from '../../../../electron/main/ipc/logs';
import { registerIpcHandlers, type IpcSenderEvent } from '../../../../electron/main/ipc/register-ipc-handlers';
import type { ErrorLogEntry } from '../../../../shared/errors/error-log-entry';
import { ipcContract, type IpcHandlers } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';

function missing(filePath: string): Error {
  return Object.assign(new Error(`ENOENT: no such file, ${filePath}`), { code: 'ENOENT' });
}

/** An in-memory folder with the calls the log makes. */
function memoryFs() {
  const files = new Map<string, string>();
  const fs: LogFs = {
    mkdir: async () => undefined,
    appendFile: async (filePath, data) => void files.set(filePath, (files.get(filePath) ?? '') + data),
    readFile: async (filePath) => {
      const text = files.get(filePath);
      if (text === undefined) throw missing(filePath);
      return text;
    },
    rename: async (from, to) => {
      const text = files.get(from);
      if (text === undefined) throw missing(from);
      files.set(to, text);
      files.delete(from);
    },
    rm: async (filePath) => void files.delete(filePath),
    stat: async (filePath) => {
      const text = files.get(filePath);
      if (text === undefined) throw missing(filePath);
      return { size: text.length };
    },
  };
  return { fs, files };
}

const entry = (n: number): ErrorLogEntry => ({ id: `e${n}`, loggedAt: 1000 + n, appVersion: '1.0.0', where: 'test', name: 'TypeError', message: `failure ${n}`, stack: 'at f (a.js:1:1)' });
const DIR = '/user-data/logs';
const file = path.join(DIR, LOG_FILE_NAME);

describe('the desktop rotating log', () => {
  it('appends JSON lines and reads them newest first', async () => {
    const { fs, files } = memoryFs();
    const log = createRotatingLog({ dir: DIR, fs });
    await log.append(entry(1));
    await log.append(entry(2));
    expect(files.get(file)?.split('\n').filter(Boolean).map((line) => JSON.parse(line).id)).toEqual(['e1', 'e2']);
    expect((await log.read()).map((read) => read.id)).toEqual(['e2', 'e1']);
  });

  it('rotates to .1 and .2 past the size cap and drops what is older', async () => {
    const { fs, files } = memoryFs();
    const lineSize = JSON.stringify(entry(1)).length + 1;
    const log = createRotatingLog({ dir: DIR, fs, maxBytes: lineSize * 2, keep: 2 });
    for (let n = 1; n <= 7; n += 1) await log.append(entry(n));
    expect([...files.keys()].sort()).toEqual([file, `${file}.1`, `${file}.2`]);
    for (const text of files.values()) expect(text.length).toBeLessThanOrEqual(lineSize * 2);
    expect((await log.read()).map((read) => read.id)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
  });

  it('clears every file, and skips a line cut by a crash', async () => {
    const { fs, files } = memoryFs();
    const log = createRotatingLog({ dir: DIR, fs });
    await log.append(entry(1));
    files.set(file, `${files.get(file) ?? ''}{"id":"cut`);
    expect((await log.read()).map((read) => read.id)).toEqual(['e1']);
    await log.clear();
    expect(files.size).toBe(0);
    expect(await log.read()).toEqual([]);
  });

  it('accepts only a well-formed, bounded entry over IPC', async () => {
    const { fs, files } = memoryFs();
    const channels = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>>();
    const logHandlers: Partial<IpcHandlers> = createLogHandlers(createRotatingLog({ dir: DIR, fs }));
    const handlers = logHandlers as IpcHandlers;
    registerIpcHandlers({ handle: (channel, listener) => void channels.set(channel, listener) }, handlers, () => true);
    const append = channels.get(ipcContract.appendLog.channel);
    const event: IpcSenderEvent = { sender: { id: 1 }, senderFrame: { url: 'app://discovery-desk/' } };
    expect(await append?.(event, entry(1))).toEqual({ ok: true, value: null });
    expect(await append?.(event, { ...entry(2), body: 'note text' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await append?.(event, { ...entry(3), message: 'x'.repeat(301) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await append?.(event, 'a string')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(files.get(file)?.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
