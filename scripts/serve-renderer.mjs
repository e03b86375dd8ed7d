// Serves the built renderer (dist/renderer) on 127.0.0.1 only: browser mode, the end-to-end
// tests and the benchmarks all use this. `node scripts/serve-renderer.mjs [--port N]`.
import { preview } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The live workshop's local admin API rides along on 127.0.0.1 when the server module is built
 * (dist/server): the page cannot start a server itself.
 */
async function liveWorkshopAdmin() {
  const entry = new URL('../dist/server/browser-mode.mjs', import.meta.url);
  if (!existsSync(entry)) return { name: 'live-workshop-admin-missing' };
  const { createBrowserModeLiveWorkshops } = await import(pathToFileURL(fileURLToPath(entry)).href);
  const live = createBrowserModeLiveWorkshops(fileURLToPath(new URL('..', import.meta.url)));
  return {
    name: 'live-workshop-admin',
    configurePreviewServer(server) {
      server.middlewares.use(live.middleware);
      server.httpServer?.once('close', () => void live.host.close());
    },
  };
}

/** Starts the server; resolves with its URL and a close function. */
export async function serveRenderer({ port = 5180, strictPort = true } = {}) {
  if (!existsSync(new URL('../dist/renderer/index.html', import.meta.url))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
  }
  const server = await preview({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    plugins: [await liveWorkshopAdmin()],
    preview: { host: '127.0.0.1', port, strictPort, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return { url, close: () => server.close() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portIndex = process.argv.indexOf('--port');
  const port = portIndex > 0 ? Number(process.argv[portIndex + 1]) : Number(process.env.PORT ?? 5180);
  const { url } = await serveRenderer({ port });
  console.log(`Serving the renderer at ${url}`);
}
