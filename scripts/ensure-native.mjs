// Install scripts never run here (.npmrc: ignore-scripts), so better-sqlite3's native addon, which the
// workshop server persists with, is compiled on first need: offline, with node-gyp and Node's headers.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!loads()) {
  console.log('Compiling the SQLite addon (better-sqlite3) once; this takes about a minute...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 || !loads()) {
    console.error('Could not compile better-sqlite3. It needs python3, make and a C++ compiler (build-essential on Debian).');
    process.exit(1);
  }
}
