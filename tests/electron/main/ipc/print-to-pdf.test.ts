import { describe, expect, it, vi } from 'vitest';
import { IpcHandlerError } from '../../../../electron/main/ipc/ipc-handler-error';
import { createPrintToPdfHandler, type PrintWindow } from '../../../../electron/main/ipc/print-to-pdf';
import type { SaveFileRequest } from '../../../../shared/ipc/contract';

const PDF = new TextEncoder().encode('%PDF-1.7 fake');

function setup({ failPrint = false, saved = { path: '/home/u/charter.pdf' } }: { failPrint?: boolean; saved?: { path: string } | null } = {}) {
  let isDestroyed = false;
  const loadURL = vi.fn(async (_url: string) => undefined);
  const printToPDF = vi.fn(async () => {
    if (failPrint) throw new Error('printing failed');
    return PDF;
  });
  const window: PrintWindow = {
    webContents: { loadURL, printToPDF },
    destroy: () => {
      isDestroyed = true;
    },
    isDestroyed: () => isDestroyed,
  };
  const createPrintWindow = vi.fn(() => window);
  const saveFile = vi.fn(async (_request: SaveFileRequest) => saved);
  const handler = createPrintToPdfHandler({ createPrintWindow, saveFile });
  return { handler, loadURL, printToPDF, createPrintWindow, saveFile, wasDestroyed: () => isDestroyed };
}

describe('printToPdf', () => {
  it('loads the page as a data URL in a hidden window, prints it and saves the PDF through the save dialog', async () => {
    const { handler, loadURL, printToPDF, saveFile, wasDestroyed } = setup();
    const html = '<!DOCTYPE html><p>Charter — ünïcode</p>';
    await expect(handler({ suggestedName: 'charter.pdf', html })).resolves.toEqual({ path: '/home/u/charter.pdf' });
    const url = loadURL.mock.calls[0]?.[0] ?? '';
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(html);
    expect(printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true });
    expect(saveFile).toHaveBeenCalledWith({ suggestedName: 'charter.pdf', bytes: PDF, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(wasDestroyed()).toBe(true);
  });

  it('returns null when the save dialog is cancelled, and closes the window', async () => {
    const { handler, wasDestroyed } = setup({ saved: null });
    await expect(handler({ suggestedName: 'a.pdf', html: '<p>x</p>' })).resolves.toBeNull();
    expect(wasDestroyed()).toBe(true);
  });

  it('reports a failed print as an error, closes the window and saves nothing', async () => {
    const { handler, saveFile, wasDestroyed } = setup({ failPrint: true });
    await expect(handler({ suggestedName: 'a.pdf', html: '<p>x</p>' })).rejects.toThrow(new IpcHandlerError('internal', 'Could not print the PDF: printing failed'));
    expect(saveFile).not.toHaveBeenCalled();
    expect(wasDestroyed()).toBe(true);
  });

  it('refuses a page too large for a data URL before opening any window', async () => {
    const { handler, createPrintWindow } = setup();
    await expect(handler({ suggestedName: 'a.pdf', html: 'x'.repeat(1_600_000) })).rejects.toMatchObject({ code: 'too-large' });
    expect(createPrintWindow).not.toHaveBeenCalled();
  });
});
