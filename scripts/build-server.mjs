// Builds the workshop server (server/) into dist/server as ES modules for plain Node: browser mode
// (`npm start`) loads dist/server/browser-mode.mjs. Dependencies stay in node_modules.
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), /^[^./]/];

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: 'server/browser-mode.ts',
    rollupOptions: { external, output: { format: 'es', entryFileNames: 'browser-mode.mjs' } },
  },
});
console.log('Built dist/server/browser-mode.mjs');
