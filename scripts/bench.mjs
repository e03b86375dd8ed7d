// `npm run bench`: builds the renderer, serves it on 127.0.0.1 and measures it in Chromium at
// 10,000 and 100,000 notes (see ../shared/PERFORMANCE.md); writes bench/results.json.
// `npm run bench:small` runs every scenario at a small size into bench/results.small.json, and
// exits non-zero when a scenario fails: CI uses it to prove the benchmarks still work.
import { fileURLToPath } from 'node:url';
import { build, preview, runnerImport } from 'vite';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
// A build of its own, not dist/renderer: a `npm run build` or an end-to-end run during the
// benchmark would otherwise swap the app out from under it (and the benchmark theirs).
const outDir = fileURLToPath(new URL('../bench/.cache/renderer', import.meta.url));
const isSmall = process.argv.includes('--small');
// `--only=import` (or workspaces, results, board, backup, workshop, sync) runs one part and merges its figures into the results file.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

// `--only=workshop` drives Node clients and participant pages against the workshop server: it needs no renderer build.
const needsApp = only !== 'workshop';
if (needsApp) {
  console.log('Building the renderer…');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

// The live workshop part's two Chromium participants open the participant page, served by the
// workshop server from a build of its own (as the renderer's, so no other build swaps it out).
const participantDir = fileURLToPath(new URL('../bench/.cache/participant', import.meta.url));
if (only === undefined || only === 'workshop') {
  console.log('Building the participant page…');
  const participantConfig = fileURLToPath(new URL('../vite.participant.config.ts', import.meta.url));
  await build({ configFile: participantConfig, logLevel: 'warn', build: { outDir: participantDir, emptyOutDir: true } });
}

// The suite is TypeScript (tests/bench); Vite's module runner loads it without a separate build step.
const { module: suite } = await runnerImport(fileURLToPath(new URL('../tests/bench/run-bench.ts', import.meta.url)), {
  configFile: false,
  root,
  logLevel: 'warn',
});

// As scripts/serve-renderer.mjs serves dist/renderer (same config, 127.0.0.1 only), on a free port.
const server = needsApp ? await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } }) : null;
const appUrl = server === null ? 'http://127.0.0.1/' : server.resolvedUrls?.local[0];
try {
  if (!appUrl) throw new Error('The preview server did not report its address.');
  process.exitCode = await suite.runBench({ root, appUrl, chromiumPath, chromiumArgs: CHROMIUM_ARGS, isSmall, participantDir, ...(only === undefined ? {} : { only }) });
} finally {
  await server?.close();
}
