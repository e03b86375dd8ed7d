import { describe, expect, it, vi } from 'vitest';
import {
  registerIpcHandlers,
  trustedSender,
  type IpcMainHandle,
  type IpcSenderEvent,
} from '../../../../electron/main/ipc/register-ipc-handlers';
import { IpcHandlerError } from '../../../../electron/main/ipc/ipc-handler-error';
import { ipcContract, type AppInfo, type IpcHandlers } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';

type Listener = Parameters<IpcMainHandle['handle']>[1];

const APP_WEB_CONTENTS_ID = 7;
const appEvent: IpcSenderEvent = { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: { url: 'app://discovery-desk/index.html' } };

const appInfo: AppInfo = {
  name: 'Discovery Desk',
  version: '0.1.0',
  platform: 'linux',
  electronVersion: '41.7.1',
  chromeVersion: '140.0.0.0',
  userDataPath: '/home/u/.config/Discovery Desk',
};

function fakeHandlers() {
  return {
    getAppInfo: vi.fn(async () => appInfo),
    openFile: vi.fn(async () => null),
    saveFile: vi.fn(async () => ({ path: '/home/u/export.csv' })),
    printToPdf: vi.fn(async () => ({ path: '/home/u/charter.pdf' })),
    beginBackup: vi.fn(async () => 'a'.repeat(32)),
    appendBackup: vi.fn(async () => null),
    commitBackup: vi.fn(async () => ({ name: 'discovery-desk-2026-01-01T00-00-00Z.ddworkspace', createdAt: 0, size: 1 })),
    abortBackup: vi.fn(async () => null),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => new Uint8Array()),
    liveAddresses: vi.fn(async () => [{ address: '127.0.0.1', label: 'This computer only (rehearsal)', isLoopback: true }]),
    liveStart: vi.fn(async () => ({ url: 'http://127.0.0.1:4321/', joinCode: 'ABC234', workshopId: 'w1', isEncrypted: false })),
    liveState: vi.fn(async () => null),
    liveCommand: vi.fn(async () => null),
    liveEnd: vi.fn(async () => {
      throw new Error('not in these tests');
    }),
    appendLog: vi.fn(async () => null),
    readLog: vi.fn(async () => []),
    clearLog: vi.fn(async () => null),
  } satisfies IpcHandlers;
}

function setup(handlers: IpcHandlers = fakeHandlers()) {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainHandle = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`${channel} registered twice`);
      listeners.set(channel, listener);
    },
  };
  registerIpcHandlers(ipcMain, handlers, trustedSender(() => [APP_WEB_CONTENTS_ID]));
  const invoke = (channel: string, event: IpcSenderEvent, ...args: unknown[]): Promise<IpcResult<unknown>> => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`nothing handles ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, invoke, handlers };
}

const validSave = { suggestedName: 'export.csv', bytes: new Uint8Array([1, 2, 3]) };

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract verb', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(ipcContract).map((verb) => verb.channel).sort());
  });

  it('answers a trusted, valid call with ok(value)', async () => {
    const { invoke, handlers } = setup();
    await expect(invoke('app:get-info', appEvent)).resolves.toEqual({ ok: true, value: appInfo });
    await expect(invoke('file:save', appEvent, validSave)).resolves.toEqual({ ok: true, value: { path: '/home/u/export.csv' } });
    expect(handlers.saveFile).toHaveBeenCalledExactlyOnceWith(validSave);
  });

  it('validates live workshop payloads before main starts or commands a server', async () => {
    const { invoke, handlers } = setup();
    const input = { title: 'Q3', budget: 3, cards: [], buckets: [], placements: {}, participants: [] };
    await expect(invoke('live:start', appEvent, { host: '127.0.0.1', port: 4321, input })).resolves.toMatchObject({ ok: true, value: { joinCode: 'ABC234' } });
    await expect(invoke('live:start', appEvent, { host: '127.0.0.1', port: 80, input })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(invoke('live:start', appEvent, { host: '127.0.0.1', port: 4321, input, extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(invoke('live:start', appEvent, { host: '127.0.0.1', port: 4321, input: { ...input, budget: 'many' } })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers.liveStart).toHaveBeenCalledTimes(1);
    await expect(invoke('live:command', appEvent, { command: 'release-seat', participantId: 'p1' })).resolves.toEqual({ ok: true, value: null });
    await expect(invoke('live:command', appEvent, { command: 'format-disk' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(invoke('live:command', appEvent, { command: 'release-seat', participantId: '../../etc' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers.liveCommand).toHaveBeenCalledTimes(1);
  });

  it('passes the parsed arguments, not the raw ones', async () => {
    const { invoke, handlers } = setup();
    await invoke('file:open', appEvent, { title: 'Import survey', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(handlers.openFile).toHaveBeenCalledExactlyOnceWith({ title: 'Import survey', filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });

  describe('sender validation', () => {
    it.each<[string, IpcSenderEvent]>([
      ['a frame on another origin', { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: { url: 'https://evil.example/' } }],
      ['a look-alike app host', { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: { url: 'app://discovery-desk.evil/index.html' } }],
      ['a frame with a file: URL', { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: { url: 'file:///tmp/x.html' } }],
      ['a frame with about:blank', { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: { url: 'about:blank' } }],
      ['a destroyed or missing frame', { sender: { id: APP_WEB_CONTENTS_ID }, senderFrame: null }],
      ['a foreign webContents on the app origin', { sender: { id: 99 }, senderFrame: { url: 'app://discovery-desk/index.html' } }],
    ])('refuses %s and never runs the handler', async (_name, event) => {
      const { invoke, handlers } = setup();
      for (const channel of ['app:get-info', 'file:open', 'file:save']) {
        const result = await invoke(channel, event, channel === 'file:save' ? validSave : {});
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      }
      expect(handlers.getAppInfo).not.toHaveBeenCalled();
      expect(handlers.openFile).not.toHaveBeenCalled();
      expect(handlers.saveFile).not.toHaveBeenCalled();
    });

    it('treats a sender that throws on access as untrusted', async () => {
      const { invoke, handlers } = setup();
      const event: IpcSenderEvent = {
        sender: { id: APP_WEB_CONTENTS_ID },
        get senderFrame(): { url: string } {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      };
      await expect(invoke('app:get-info', event)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(handlers.getAppInfo).not.toHaveBeenCalled();
    });
  });

  describe('argument validation', () => {
    it.each<[string, string, unknown[], RegExp]>([
      ['a number instead of a request', 'file:open', [42], /argument 1: .*object/],
      ['a string title too long', 'file:open', [{ title: 'x'.repeat(201) }], /title/],
      ['an extra key', 'file:open', [{ title: 'Import', path: '/etc/passwd' }], /path/],
      ['a bad filter extension', 'file:open', [{ filters: [{ name: 'All', extensions: ['../x'] }] }], /extensions/],
      ['extra arguments', 'app:get-info', [{}], /wrong number of arguments \(1 given\)/],
      ['a missing request', 'file:save', [], /wrong number of arguments \(0 given\)/],
      ['a folder in the suggested name', 'file:save', [{ ...validSave, suggestedName: '../../.bashrc' }], /argument 1, suggestedName: must be a file name without folders/],
      ['a Windows folder in the suggested name', 'file:save', [{ ...validSave, suggestedName: 'C:\\Users\\x\\evil.bat' }], /suggestedName/],
      ['an absolute path as the suggested name', 'file:save', [{ ...validSave, suggestedName: '/etc/cron.d/evil' }], /suggestedName/],
      ['dot-dot as the suggested name', 'file:save', [{ ...validSave, suggestedName: '..' }], /suggestedName/],
      ['an empty suggested name', 'file:save', [{ ...validSave, suggestedName: '' }], /suggestedName/],
      ['a plain array instead of bytes', 'file:save', [{ ...validSave, bytes: [1, 2, 3] }], /bytes/],
      ['a string instead of bytes', 'file:save', [{ ...validSave, bytes: 'hello' }], /bytes/],
      ['an extra key on save', 'file:save', [{ ...validSave, directory: '/tmp' }], /directory/],
    ])('refuses %s with a message naming the problem', async (_name, channel, args, message) => {
      const { invoke, handlers } = setup();
      const result = await invoke(channel, appEvent, ...args);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toMatch(message);
      expect(handlers.openFile).not.toHaveBeenCalled();
      expect(handlers.saveFile).not.toHaveBeenCalled();
      expect(handlers.getAppInfo).not.toHaveBeenCalled();
    });
  });

  describe('errors never escape as exceptions', () => {
    function failingHandlers(error: unknown): IpcHandlers {
      return { ...fakeHandlers(), openFile: () => Promise.reject(error) };
    }

    it('keeps the code and message of an IpcHandlerError', async () => {
      const { invoke } = setup(failingHandlers(new IpcHandlerError('too-large', 'big.csv is 2.0 GB; files larger than 1.0 GB cannot be opened.')));
      await expect(invoke('file:open', appEvent, {})).resolves.toEqual({
        ok: false,
        error: { code: 'too-large', message: 'big.csv is 2.0 GB; files larger than 1.0 GB cannot be opened.' },
      });
    });

    it('turns a file-system error into an io failure', async () => {
      const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const { invoke } = setup(failingHandlers(error));
      const result = await invoke('file:open', appEvent, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
      if (!result.ok) expect(result.error.message).toContain('ENOSPC');
    });

    it('treats a Node programming error (ERR_*) as internal, not io', async () => {
      const error = Object.assign(new TypeError('The "path" argument must be of type string'), { code: 'ERR_INVALID_ARG_TYPE' });
      const { invoke } = setup(failingHandlers(error));
      await expect(invoke('file:open', appEvent, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    });

    it('turns any other error into an internal failure', async () => {
      const { invoke } = setup(failingHandlers(new TypeError('x is undefined')));
      await expect(invoke('file:open', appEvent, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('x is undefined') } });
    });

    it('survives a thrown non-Error value', async () => {
      const { invoke } = setup(failingHandlers('just a string'));
      await expect(invoke('file:open', appEvent, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    });

    it('survives a handler that throws synchronously', async () => {
      const handlers: IpcHandlers = {
        ...fakeHandlers(),
        getAppInfo: () => {
          throw new Error('sync boom');
        },
      };
      const { invoke } = setup(handlers);
      await expect(invoke('app:get-info', appEvent)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    });
  });
});

describe('trustedSender', () => {
  it('reads the current webContents ids on every call', () => {
    const ids = new Set<number>();
    const isTrusted = trustedSender(() => ids);
    expect(isTrusted(appEvent)).toBe(false);
    ids.add(APP_WEB_CONTENTS_ID);
    expect(isTrusted(appEvent)).toBe(true);
  });
});
