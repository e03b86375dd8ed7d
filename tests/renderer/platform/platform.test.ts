import { afterEach, describe, expect, it, vi } from 'vitest';
import { logUnexpectedError, setErrorLogSink } from '../../../renderer/errors/error-log';
import { createPlatform } from '../../../renderer/platform/platform';
import { createBrowserPlatform } from '../../../renderer/platform/browser-platform';
import { fail, ok } from '../../../shared/ipc/result';
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { ErrorLogEntry } from '../../../shared/errors/error-log-entry';
import { isUserError } from '../../../shared/errors/user-error';

describe('createPlatform', () => {
  it('uses the desktop API when the preload exposed every verb', async () => {
    const desktop: DesktopApi = {
      getAppInfo: vi.fn(() => Promise.resolve(ok({ name: 'Discovery Desk', version: '1.2.3', platform: 'linux', electronVersion: '41.7.1', chromeVersion: '146', userDataPath: '/home/a/.config/Discovery Desk' }))),
      openFile: vi.fn(() => Promise.resolve(ok(null))),
      saveFile: vi.fn(() => Promise.resolve(ok(null))),
      printToPdf: vi.fn(() => Promise.resolve(ok(null))),
      beginBackup: vi.fn(() => Promise.resolve(ok('a'.repeat(32)))),
      appendBackup: vi.fn(() => Promise.resolve(ok(null))),
      commitBackup: vi.fn(() => Promise.resolve(ok({ name: 'discovery-desk-2026-01-01T00-00-00Z.ddworkspace', createdAt: 0, size: 1 }))),
      abortBackup: vi.fn(() => Promise.resolve(ok(null))),
      listBackups: vi.fn(() => Promise.resolve(ok([]))),
      readBackup: vi.fn(() => Promise.resolve(ok(new Uint8Array()))),
      liveAddresses: vi.fn(() => Promise.resolve(ok([]))),
      liveStart: vi.fn(() => Promise.resolve(fail('unavailable', 'Live workshops need Node.js 20 or later on this computer.'))),
      liveState: vi.fn(() => Promise.resolve(ok(null))),
      liveCommand: vi.fn(() => Promise.resolve(fail('internal', 'liveCommand failed unexpectedly: TypeError at line 3'))),
      liveEnd: vi.fn(() => Promise.resolve(fail('refused', 'No live workshop is running.'))),
      appendLog: vi.fn(() => Promise.resolve(ok(null))),
      readLog: vi.fn(() => Promise.resolve(ok([]))),
      clearLog: vi.fn(() => Promise.resolve(ok(null))),
    };
    Reflect.set(window, 'desktop', desktop);
    try {
      const platform = createPlatform(window);
      expect(platform.kind).toBe('desktop');
      const info = await platform.getAppInfo();
      expect(info.ok && info.value.electronVersion).toBe('41.7.1');
      // Run live goes through the desktop verbs; their messages reach the facilitator, raw errors do not.
      await expect(platform.liveWorkshop.state()).resolves.toBeNull();
      await expect(platform.liveWorkshop.start('127.0.0.1', 4321, { title: 'Q3', budget: 3, cards: [], buckets: [], placements: {}, participants: [] })).rejects.toThrow('Live workshops need Node.js 20 or later on this computer.');
      await expect(platform.liveWorkshop.end()).rejects.toThrow('No live workshop is running.');
      await expect(platform.liveWorkshop.command({ command: 'reveal-votes' })).rejects.toThrow(/^The live workshop server hit an error/);
      expect(desktop.liveStart).toHaveBeenCalledWith({ host: '127.0.0.1', port: 4321, input: { title: 'Q3', budget: 3, cards: [], buckets: [], placements: {}, participants: [] } });
    } finally {
      Reflect.deleteProperty(window, 'desktop');
    }
  });

  it('falls back to the browser when the desktop API is missing or incomplete', () => {
    expect(createPlatform(window).kind).toBe('browser');
    Reflect.set(window, 'desktop', { getAppInfo: () => undefined });
    try {
      expect(createPlatform(window).kind).toBe('browser');
    } finally {
      Reflect.deleteProperty(window, 'desktop');
    }
  });
});

describe('the desktop log: the local log sent to main’s rotating log file through IPC', () => {
  const entry: ErrorLogEntry = { id: 'e1', loggedAt: Date.UTC(2026, 11, 6), appVersion: '1.2.3', where: 'board: ranking', name: 'TypeError', message: 'x is undefined', stack: 'at rank (board.ts:3:1)' };

  /** The desktop API as the preload exposes it, its log verbs given; the rest are never called here. */
  function desktopWith(log: Pick<DesktopApi, 'appendLog' | 'readLog' | 'clearLog'>): DesktopApi {
    const unused = vi.fn(() => Promise.resolve(fail('unavailable', 'not used in this test')));
    return {
      getAppInfo: unused,
      openFile: unused,
      saveFile: unused,
      printToPdf: unused,
      beginBackup: unused,
      appendBackup: unused,
      commitBackup: unused,
      abortBackup: unused,
      listBackups: unused,
      readBackup: unused,
      liveAddresses: unused,
      liveStart: unused,
      liveState: unused,
      liveCommand: unused,
      liveEnd: unused,
      ...log,
    };
  }

  function desktopLog(log: Pick<DesktopApi, 'appendLog' | 'readLog' | 'clearLog'>) {
    Reflect.set(window, 'desktop', desktopWith(log));
    try {
      const { errorLog } = createPlatform(window);
      if (errorLog === null) throw new Error('The desktop platform has no log.');
      return errorLog;
    } finally {
      Reflect.deleteProperty(window, 'desktop');
    }
  }

  afterEach(() => {
    setErrorLogSink(null);
    vi.restoreAllMocks();
  });

  it('appends, lists and clears through main’s verbs', async () => {
    const appendLog = vi.fn((_entry: ErrorLogEntry) => Promise.resolve(ok(null)));
    const readLog = vi.fn(() => Promise.resolve(ok([entry])));
    const clearLog = vi.fn(() => Promise.resolve(ok(null)));
    const log = desktopLog({ appendLog, readLog, clearLog });
    await log.append(entry);
    expect(appendLog).toHaveBeenCalledWith(entry);
    await expect(log.list()).resolves.toEqual([entry]);
    await log.clear();
    expect(clearLog).toHaveBeenCalledTimes(1);
  });

  it('carries an unexpected error, logged anywhere in the renderer, to main once it is the sink', async () => {
    const appendLog = vi.fn((_entry: ErrorLogEntry) => Promise.resolve(ok(null)));
    const log = desktopLog({ appendLog, readLog: vi.fn(() => Promise.resolve(ok([]))), clearLog: vi.fn(() => Promise.resolve(ok(null))) });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Logged before the workspace opened: it waits, then goes to main with the sink.
    logUnexpectedError(new RangeError('Invalid array length'), 'surveys: results');
    expect(appendLog).not.toHaveBeenCalled();
    setErrorLogSink(log);
    await vi.waitFor(() => expect(appendLog).toHaveBeenCalledTimes(1));
    expect(appendLog.mock.calls[0]?.[0]).toMatchObject({ where: 'surveys: results', name: 'RangeError', message: 'Invalid array length' });
  });

  it('turns a failure of main into a message that says what went wrong and what to do', async () => {
    const failed = () => Promise.resolve(fail<null>('io', 'The log file could not be written (disk full)'));
    const log = desktopLog({ appendLog: failed, readLog: () => Promise.resolve(fail('io', 'The log file could not be read')), clearLog: failed });
    const failure: unknown = await log.append(entry).catch((error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    expect(failure instanceof Error && failure.message).toBe("The log file could not be written (disk full). Check that the app's log folder can be written, then try again.");
    await expect(log.list()).rejects.toThrow(/^The log file could not be read\. Check that/);
    await expect(log.clear()).rejects.toThrow(/log folder can be written/);
  });
});

describe('browser platform', () => {
  it('saves by downloading the bytes under the suggested name', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:test/1');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const result = await createBrowserPlatform(document).saveFile({ suggestedName: 'results.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') });
    expect(result).toEqual({ ok: true, value: { path: 'results.csv' } });
    expect(clicked[0]?.download).toBe('results.csv');
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(await blob?.text()).toBe('a,b\n1,2\n');
    click.mockRestore();
  });

  it('opens the file a person picks, and reports a cancelled pick as null', async () => {
    const platform = createBrowserPlatform(document);
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      const file = new File(['name,team\nAda,Platform\n'], 'contacts.csv', { type: 'text/csv' });
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
    const opened = await platform.openFile({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(opened.ok && opened.value?.name).toBe('contacts.csv');
    expect(opened.ok && new TextDecoder().decode(opened.value?.bytes)).toBe('name,team\nAda,Platform\n');

    click.mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await platform.openFile({})).toEqual({ ok: true, value: null });
    expect(document.querySelectorAll('input[type=file]')).toHaveLength(0);
    click.mockRestore();
  });

  it('prints a page by showing its body in a print view, without running its scripts, and removes it after printing', async () => {
    const seen: string[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      seen.push(document.querySelector('.print-view')?.textContent ?? '');
      seen.push(String(document.documentElement.classList.contains('is-printing')));
    });
    const html = '<!DOCTYPE html><html><head><style>p{}</style></head><body><h1>Charter</h1><p>Text<sup><a href="#fn-1">[1]</a></sup></p><script>window.hacked = true</script></body></html>';
    const result = await createBrowserPlatform(document).printToPdf({ suggestedName: 'charter.pdf', html });
    expect(result).toEqual({ ok: true, value: null });
    expect(seen[0]).toContain('CharterText[1]');
    expect(seen[1]).toBe('true');
    expect(Reflect.get(window, 'hacked')).toBeUndefined();
    window.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('.print-view')).toBeNull();
    expect(document.documentElement.classList.contains('is-printing')).toBe(false);
    print.mockRestore();
  });
});
