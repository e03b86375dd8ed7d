/* global process, console, URL */
// Node micro-benchmark of the search index (not part of npm test): bundles
// tests/bench/search-index-bench.ts with Vite, then runs it.
// Usage: node --expose-gc tests/bench/search-index.bench.mjs [notes=100000]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'search-index-bench-'));
try {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: process.env.BENCH_MINIFY !== "0",
      ssr: true,
      rollupOptions: { input: join(root, 'tests/bench/search-index-bench.ts'), output: { entryFileNames: 'bench.mjs', format: 'es' } },
    },
    ssr: { noExternal: true },
  });
  const { runSearchIndexBench } = await import(pathToFileURL(join(outDir, 'bench.mjs')).href);
  const collect = typeof globalThis.gc === 'function' ? () => globalThis.gc() : undefined;
  if (collect === undefined) console.log('(run with node --expose-gc for heap figures after garbage collection)');
  runSearchIndexBench(Number(process.argv[2] ?? 100_000), collect);
} finally {
  await rm(outDir, { recursive: true, force: true });
}
