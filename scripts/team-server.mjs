// `npm run team-server -- [options]`: builds dist/server when a server source is newer than the
// built team server (or it is missing), then runs it with the options given.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'server', 'team-server.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const isStale = !existsSync(entry) || statSync(entry).mtimeMs < Math.max(newestSource(join(root, 'server')), newestSource(join(root, 'shared')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (isStale) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('Building the team server failed; nothing was started.');
    process.exit(built.status ?? 1);
  }
}
await import(pathToFileURL(entry).href);
