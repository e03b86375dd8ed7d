import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './shared/platform/content-security-policy.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Puts the CSP into the built index.html only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicyMetaTag(): Plugin {
  return {
    name: 'content-security-policy-meta-tag',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** Browser mode and the end-to-end tests serve the build with `vite preview`: the live workshop's admin API rides along on 127.0.0.1. */
function liveWorkshopAdmin(): Plugin {
  return {
    name: 'live-workshop-admin',
    async configurePreviewServer(server) {
      const { createBrowserModeLiveWorkshops } = await import('./server/browser-mode.ts');
      const live = createBrowserModeLiveWorkshops(fileURLToPath(new URL('.', import.meta.url)));
      server.middlewares.use(live.middleware);
      server.httpServer.once('close', () => void live.host.close());
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [react(), contentSecurityPolicyMetaTag(), liveWorkshopAdmin()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
