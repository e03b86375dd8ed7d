import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

const BUNDLE_FILE = 'seed-bundle.js';

/** Bundles seed-entry.ts (the app's db code, the generators and Fuse.js) into one IIFE; returns its source. */
export async function buildSeedBundle(root: string, cacheDir: string): Promise<string> {
  const outDir = join(cacheDir, 'seed-bundle');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    // Library mode leaves process.env.NODE_ENV alone, and a page has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: join(root, 'tests/bench/seed-entry.ts'), formats: ['iife'], name: 'discoveryBenchBundle', fileName: () => BUNDLE_FILE },
    },
  });
  return readFile(join(outDir, BUNDLE_FILE), 'utf8');
}
