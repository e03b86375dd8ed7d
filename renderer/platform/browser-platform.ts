import type { Platform } from './platform';
import { fail, ok } from '../../shared/ipc/result';
import { MAX_OPEN_FILE_BYTES } from '../../shared/ipc/contract';

function acceptAttribute(filters: readonly { extensions: readonly string[] }[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions).filter((extension) => extension !== '*');
  return extensions.map((extension) => `.${extension}`).join(',');
}

function chromeVersion(userAgent: string): string {
  return /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? '';
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

    openFile: (request) =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(request.filters);
        input.hidden = true;
        const finish = (result: Awaited<ReturnType<Platform['openFile']>>) => {
          input.remove();
          resolve(result);
        };
        input.addEventListener('cancel', () => finish(ok(null)));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return finish(ok(null));
          if (file.size > MAX_OPEN_FILE_BYTES) {
            return finish(fail('too-large', `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; the limit is ${MAX_OPEN_FILE_BYTES / 1024 / 1024} MB.`));
          }
          file.arrayBuffer().then(
            (buffer) => finish(ok({ name: file.name, bytes: new Uint8Array(buffer) })),
            (error: unknown) => finish(fail('io', `Could not read ${file.name}: ${String(error)}`)),
          );
        });
        document.body.append(input);
        input.click();
      }),

    saveFile: (request) => {
      const url = URL.createObjectURL(new Blob([request.bytes as Uint8Array<ArrayBuffer>]));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = request.suggestedName;
      anchor.hidden = true;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // Revoke later: the download starts asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve(ok({ path: request.suggestedName }));
    },
  };
}
