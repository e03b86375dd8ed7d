import './print-view.css';
import type { Platform } from './platform';
import { createBrowserLiveWorkshopHost } from './live-workshop-host';
import { fail, ok } from '../../shared/ipc/result';
import type { OpenFileRequest } from '../../shared/ipc/contract';
import { MAX_FILE_BYTES } from '../../shared/limits/input-limits';
import { logUnexpectedError } from '../errors/error-log';

function acceptAttribute(filters: readonly { extensions: readonly string[] }[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions).filter((extension) => extension !== '*');
  return extensions.map((extension) => `.${extension}`).join(',');
}

function chromeVersion(userAgent: string): string {
  return /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? '';
}

/** Shows a hidden file input; resolves with the chosen file, or null when cancelled. */
function pickFile(document: Document, request: OpenFileRequest): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(request.filters);
    input.hidden = true;
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => finish(null));
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    document.body.append(input);
    input.click();
  });
}

function download(document: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: the download starts asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Browser mode: a file input stands in for the open dialog and a download for the save dialog. */
export function createBrowserPlatform(document: Document): Platform {
  const view = document.defaultView;
  return {
    kind: 'browser',
    getAppInfo: () =>
      Promise.resolve(
        ok({
          name: 'Discovery Desk',
          version: __APP_VERSION__,
          platform: view?.navigator.platform ?? '',
          electronVersion: '',
          chromeVersion: chromeVersion(view?.navigator.userAgent ?? ''),
          userDataPath: `this browser's storage for ${view?.location.origin ?? 'this page'}`,
        }),
      ),

    async openFile(request) {
      const file = await pickFile(document, request);
      if (!file) return ok(null);
      if (file.size > MAX_FILE_BYTES) {
        return fail('too-large', `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
      }
      try {
        return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        logUnexpectedError(error, 'reading a chosen file');
        return fail('io', `Could not read ${file.name}. Check that the file is still there and can be opened, then choose it again.`);
      }
    },

    backups: null,
    liveWorkshop: createBrowserLiveWorkshopHost(),
    errorLog: null,

    async openBlob(request) {
      const file = await pickFile(document, request);
      return ok(file === null ? null : { name: file.name, blob: file });
    },

    saveFile(request) {
      download(document, new Blob([request.bytes as Uint8Array<ArrayBuffer>]), request.suggestedName);
      return Promise.resolve(ok({ path: request.suggestedName }));
    },

    async saveChunks(request, chunks) {
      // Each chunk becomes its own Blob, which the browser may keep on disk rather than in memory.
      const parts: Blob[] = [];
      for await (const chunk of chunks) parts.push(new Blob([chunk]));
      download(document, new Blob(parts, { type: 'application/x-ndjson' }), request.suggestedName);
      return ok({ path: request.suggestedName });
    },

    printToPdf(request) {
      try {
        printInPage(document, request.html);
        return Promise.resolve(ok(null));
      } catch (error) {
        logUnexpectedError(error, 'opening the print view');
        return Promise.resolve(fail('internal', 'Could not open the print view. Reload the app and try again; Settings › Local log has the details.'));
      }
    },
  };
}

/**
 * Shows the page's body in a print-only view over the app and opens the print dialog. The page's
 * own <style> cannot run under the app's Content-Security-Policy, so print-view.css styles it.
 */
function printInPage(document: Document, html: string): void {
  const view = document.defaultView;
  if (view === null) throw new Error('this page has no window');
  // DOMParser documents run no script and load nothing.
  const parsed = new view.DOMParser().parseFromString(html, 'text/html');
  for (const active of parsed.querySelectorAll('script, iframe, object, embed, link, meta, style')) active.remove();
  const container = document.createElement('div');
  container.className = 'print-view';
  container.setAttribute('aria-hidden', 'true');
  for (const child of [...parsed.body.childNodes]) container.append(document.importNode(child, true));
  document.querySelector('.print-view')?.remove();
  document.body.append(container);
  document.documentElement.classList.add('is-printing');
  const cleanUp = () => {
    document.documentElement.classList.remove('is-printing');
    container.remove();
  };
  view.addEventListener('afterprint', cleanUp, { once: true });
  view.print();
}
