import type { IpcHandlers } from '../../../shared/ipc/contract';
import { IpcHandlerError } from './ipc-handler-error';

/** The parts of a hidden BrowserWindow the PDF printer uses. */
export interface PrintWindow {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    printToPDF(options: { printBackground: boolean; pageSize: 'A4'; generateDocumentOutline: boolean }): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PrintToPdfDeps {
  /** A hidden, sandboxed window with JavaScript off, used once per export. */
  readonly createPrintWindow: () => PrintWindow;
  /** Saves the PDF through the save dialog (the `saveFile` verb's own implementation). */
  readonly saveFile: IpcHandlers['saveFile'];
}

// Chromium refuses URLs longer than 2 MB; a data URL carries the page base64-encoded.
const MAX_DATA_URL_LENGTH = 2 * 1024 * 1024 - 1024;

/**
 * The `printToPdf` verb: loads the exported page in a hidden window (no script runs there),
 * prints it with webContents.printToPDF and saves the PDF through the save dialog.
 */
export function createPrintToPdfHandler({ createPrintWindow, saveFile }: PrintToPdfDeps): IpcHandlers['printToPdf'] {
  return async (request) => {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(request.html, 'utf8').toString('base64')}`;
    if (url.length > MAX_DATA_URL_LENGTH) {
      throw new IpcHandlerError('too-large', 'This export is too large to print to PDF here; export it as HTML and print that from a browser.');
    }
    const window = createPrintWindow();
    let pdf: Uint8Array;
    try {
      await window.webContents.loadURL(url);
      pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true });
    } catch (error) {
      throw new IpcHandlerError('internal', `Could not print the PDF: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
    return saveFile({
      ...(request.title === undefined ? {} : { title: request.title }),
      suggestedName: request.suggestedName,
      bytes: new Uint8Array(pdf),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  };
}
