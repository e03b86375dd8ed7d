// Builds the workshop server (server/) into dist/server as ES modules for plain Node: browser mode
// (`npm start`) loads dist/server/browser-mode.mjs; the desktop app (and the fault tests) run
// dist/server/host-process.mjs as a Node process of its own; `npm run team-server` runs
// dist/server/team-server.mjs (the team workspace server). Dependencies stay in node_modules.
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), /^[^./]/];

/** Builds the server entries into `outDir` (absolute, or relative to the repository). */
export async function buildServer(outDir = 'dist/server') {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        input: { 'browser-mode': 'server/browser-mode.ts', 'host-process': 'server/host-process.ts', 'team-server': 'server/team/team-main.ts' },
        external,
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log('Built dist/server/browser-mode.mjs, host-process.mjs and team-server.mjs');
}
