// Builds the Electron main process and preload as two separate CommonJS bundles: a sandboxed
// preload may only require('electron'), so it must not share a chunk with main.
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const bundles = [
  { entry: 'electron/main/index.ts', fileName: 'main.cjs' },
  { entry: 'electron/preload/index.ts', fileName: 'preload.cjs' },
];

for (const [index, bundle] of bundles.entries()) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: 'dist/electron',
      emptyOutDir: index === 0,
      target: 'node20',
      minify: false,
      sourcemap: true,
      // Vite 8 ignores lib.fileName for SSR builds, so name the single entry through the output.
      ssr: bundle.entry,
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: bundle.fileName, codeSplitting: false } },
    },
    ssr: { noExternal: true },
  });
}
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
