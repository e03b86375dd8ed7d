import path from 'node:path';
import type { BrowserWindow, OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createFileHandlers, type FileHandlerFs } from '../../../../electron/main/ipc/files';
import { IpcHandlerError } from '../../../../electron/main/ipc/ipc-handler-error';
import { MAX_FILE_BYTES } from '../../../../shared/limits/input-limits';

const folder = path.resolve('/home/u/exports');
const target = path.join(folder, 'survey.csv');

function fsError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

function setup(options: { opened?: OpenDialogReturnValue; saved?: SaveDialogReturnValue; window?: BrowserWindow | null } = {}) {
  const files = new Map<string, Uint8Array>();
  const fs = {
    stat: vi.fn(async (filePath: string): Promise<{ size: number; isFile(): boolean }> => {
      const bytes = files.get(filePath);
      if (bytes === undefined) throw fsError('ENOENT', `no such file or directory, stat '${filePath}'`);
      return { size: bytes.byteLength, isFile: () => true };
    }),
    readFile: vi.fn(async (filePath: string) => {
      const bytes = files.get(filePath);
      if (bytes === undefined) throw fsError('ENOENT', `no such file or directory, open '${filePath}'`);
      return bytes;
    }),
    writeFile: vi.fn(async (filePath: string, data: Uint8Array) => {
      files.set(filePath, data);
    }),
    rename: vi.fn(async (from: string, to: string) => {
      const bytes = files.get(from);
      if (bytes === undefined) throw fsError('ENOENT', from);
      files.set(to, bytes);
      files.delete(from);
    }),
    rm: vi.fn(async (filePath: string) => {
      files.delete(filePath);
    }),
  } satisfies FileHandlerFs;
  const dialog = {
    showOpenDialog: vi.fn(async (): Promise<OpenDialogReturnValue> => options.opened ?? { canceled: true, filePaths: [] }),
    showSaveDialog: vi.fn(async (): Promise<SaveDialogReturnValue> => options.saved ?? { canceled: true, filePath: '' }),
  };
  const handlers = createFileHandlers({ dialog, getWindow: () => options.window ?? null, fs });
  return { handlers, fs, files, dialog };
}

describe('openFile', () => {
  it('returns null when the dialog is cancelled', async () => {
    const { handlers, fs } = setup();
    await expect(handlers.openFile({})).resolves.toBeNull();
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('asks for a single file with the requested title and filters', async () => {
    const { handlers, dialog } = setup();
    await handlers.openFile({ title: 'Import survey', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith({
      properties: ['openFile'],
      title: 'Import survey',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('attaches the dialog to the main window when there is one', async () => {
    const window = Object.create(null) as BrowserWindow;
    const { handlers, dialog } = setup({ window });
    await handlers.openFile({});
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { properties: ['openFile'] });
  });

  it('returns the base name and the bytes as a Uint8Array', async () => {
    const { handlers, files } = setup({ opened: { canceled: false, filePaths: [target] } });
    files.set(target, Buffer.from('id,answer\n1,yes\n'));
    const opened = await handlers.openFile({});
    expect(opened?.name).toBe('survey.csv');
    expect(opened?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(opened?.bytes)).toBe(false);
    expect(new TextDecoder().decode(opened?.bytes)).toBe('id,answer\n1,yes\n');
  });

  it('copies bytes that are a view into a larger buffer, so IPC sends only the file', async () => {
    const { handlers, files } = setup({ opened: { canceled: false, filePaths: [target] } });
    files.set(target, new Uint8Array(new ArrayBuffer(64), 8, 4).fill(7));
    const opened = await handlers.openFile({});
    expect(opened?.bytes.buffer.byteLength).toBe(4);
    expect([...(opened?.bytes ?? [])]).toEqual([7, 7, 7, 7]);
  });

  it('refuses a file over the limit before reading it', async () => {
    const { handlers, fs } = setup({ opened: { canceled: false, filePaths: [target] } });
    fs.stat.mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, isFile: () => true });
    const result = handlers.openFile({});
    await expect(result).rejects.toBeInstanceOf(IpcHandlerError);
    await expect(result).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/survey\.csv is 1\.0 GB; files larger than 1\.0 GB cannot be opened/) });
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const { handlers, fs } = setup({ opened: { canceled: false, filePaths: [target] } });
    fs.stat.mockResolvedValueOnce({ size: 10, isFile: () => true });
    fs.readFile.mockResolvedValueOnce(Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_FILE_BYTES + 1 }));
    await expect(handlers.openFile({})).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a folder', async () => {
    const { handlers, fs } = setup({ opened: { canceled: false, filePaths: [folder] } });
    fs.stat.mockResolvedValueOnce({ size: 4096, isFile: () => false });
    await expect(handlers.openFile({})).rejects.toMatchObject({ code: 'io', message: `Could not read ${folder}: it is not a file.` });
  });

  it('explains a read error with its path and reason', async () => {
    const { handlers, fs } = setup({ opened: { canceled: false, filePaths: [target] } });
    fs.stat.mockRejectedValueOnce(fsError('EACCES', 'permission denied'));
    await expect(handlers.openFile({})).rejects.toMatchObject({ code: 'io', message: `Could not read ${target}: permission denied (EACCES)` });
  });
});

describe('saveFile', () => {
  const bytes = new TextEncoder().encode('id,answer\n');

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    const { handlers, fs } = setup();
    await expect(handlers.saveFile({ suggestedName: 'survey.csv', bytes })).resolves.toBeNull();
    expect(fs.writeFile).not.toHaveBeenCalled();
  });

  it('suggests the file name with the requested title and filters', async () => {
    const { handlers, dialog } = setup();
    await handlers.saveFile({ suggestedName: 'survey.csv', bytes, title: 'Export', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith({
      defaultPath: 'survey.csv',
      title: 'Export',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes to a temp file in the same folder, then renames it into place', async () => {
    const { handlers, fs, files } = setup({ saved: { canceled: false, filePath: target } });
    files.set(target, new TextEncoder().encode('old'));
    await expect(handlers.saveFile({ suggestedName: 'survey.csv', bytes })).resolves.toEqual({ path: target });
    const tempPath = fs.writeFile.mock.calls[0]?.[0];
    expect(tempPath).toBeDefined();
    expect(path.dirname(tempPath ?? '')).toBe(folder);
    expect(tempPath).not.toBe(target);
    expect(fs.writeFile).toHaveBeenCalledExactlyOnceWith(tempPath, bytes, { flag: 'wx', flush: true });
    expect(fs.rename).toHaveBeenCalledExactlyOnceWith(tempPath, target);
    expect(files.get(target)).toBe(bytes);
    expect([...files.keys()]).toEqual([target]);
  });

  it('keeps the old file and removes the temp file when the disk is full', async () => {
    const { handlers, fs, files } = setup({ saved: { canceled: false, filePath: target } });
    const old = new TextEncoder().encode('old');
    files.set(target, old);
    fs.writeFile.mockImplementationOnce(async (filePath: string) => {
      files.set(filePath, new Uint8Array(1));
      throw fsError('ENOSPC', 'no space left on device, write');
    });
    await expect(handlers.saveFile({ suggestedName: 'survey.csv', bytes })).rejects.toMatchObject({
      code: 'io',
      message: `Could not write ${target}: disk full (ENOSPC)`,
    });
    expect(files.get(target)).toBe(old);
    expect([...files.keys()]).toEqual([target]);
    expect(fs.rm).toHaveBeenCalledExactlyOnceWith(fs.writeFile.mock.calls[0]?.[0], { force: true });
  });

  it('removes the temp file when the rename fails', async () => {
    const { handlers, fs, files } = setup({ saved: { canceled: false, filePath: target } });
    fs.rename.mockRejectedValueOnce(fsError('EPERM', 'operation not permitted, rename'));
    await expect(handlers.saveFile({ suggestedName: 'survey.csv', bytes })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/^Could not write .*survey\.csv: .*\(EPERM\)$/),
    });
    expect(files.size).toBe(0);
  });

  it('reports the write error even when removing the temp file fails too', async () => {
    const { handlers, fs } = setup({ saved: { canceled: false, filePath: target } });
    fs.writeFile.mockRejectedValueOnce(fsError('EROFS', 'read-only file system'));
    fs.rm.mockRejectedValueOnce(fsError('EROFS', 'read-only file system'));
    await expect(handlers.saveFile({ suggestedName: 'survey.csv', bytes })).rejects.toMatchObject({
      message: `Could not write ${target}: the disk is read-only (EROFS)`,
    });
  });
});
