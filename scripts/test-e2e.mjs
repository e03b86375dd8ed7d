// `npm run test:e2e`: builds the renderer and drives it in a real Chromium through Playwright.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
const require = createRequire(import.meta.url);

await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
// The participant page of live workshops, which the workshop server serves itself.
await build({ configFile: fileURLToPath(new URL('../vite.participant.config.ts', import.meta.url)), logLevel: 'warn' });
const serverBuild = run([fileURLToPath(new URL('./build-server.mjs', import.meta.url))]);
if (serverBuild.status !== 0) process.exit(serverBuild.status ?? 1);

const playwrightCli = require.resolve('@playwright/test/cli');
const result = run([playwrightCli, 'test', ...process.argv.slice(2)]);
process.exit(result.status ?? 1);
