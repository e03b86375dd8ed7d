// Makes sure the Electron binary is present, downloading it with Electron's own installer when
// it is not. npm does not run that installer (see .npmrc), so an offline `npm ci` succeeds; here a
// failed download is a warning and the caller falls back to browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of the installed Electron binary, or null when it is not installed. */
export function electronBinaryPath() {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Resolves with the binary path, downloading it first if needed; null when that fails. */
export async function ensureElectron({ quiet = false } = {}) {
  const existing = electronBinaryPath();
  if (existing) return existing;
  const dir = electronPackageDir();
  if (!dir) {
    console.warn('warning: the electron package is not installed; run `npm install` first.');
    return null;
  }
  if (!quiet) console.log('Downloading the Electron binary (first start only)...');
  const exitCode = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill(), DOWNLOAD_TIMEOUT_MS);
    child.on('error', () => resolve(1));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && !quiet) {
        const firstLine = stderr.split('\n').find((line) => line.trim()) ?? `exit code ${code}`;
        console.warn(`warning: could not download the Electron binary (${firstLine.trim()}).`);
      }
      resolve(code ?? 1);
    });
  });
  return exitCode === 0 ? electronBinaryPath() : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const binary = await ensureElectron();
  if (binary) console.log(`Electron binary: ${binary}`);
  else {
    console.warn('The Electron binary is not available; `npm start` will run in browser mode.');
    process.exitCode = 1;
  }
}
