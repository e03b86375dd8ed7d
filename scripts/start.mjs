// `npm start`: builds the app and opens the desktop window. Where the Electron binary is missing
// and cannot be downloaded (or there is no display), serves the same build on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIsCurrentOnDisk, readBuildInputs, writeBuildStamp } from './build-stamp.mjs';
import { ensureElectron } from './ensure-electron.mjs';
import { serveRenderer } from './serve-renderer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Builds only when a source changed since the last build (scripts/build-stamp.mjs), and quietly:
// the build tools' own output is shown only when the build fails.
if (!buildIsCurrentOnDisk(root)) {
  console.log('Building Discovery Desk (the first start, or sources changed)…');
  const sources = readBuildInputs(root);
  const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
    console.error('The build failed; nothing was started.');
    process.exit(build.status ?? 1);
  }
  writeBuildStamp(root, sources);
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = hasDisplay && process.env.DISCOVERY_BROWSER_MODE !== '1' ? await ensureElectron() : null;

if (binary) {
  console.log('Discovery Desk is opening in its own window. Close the window (or press Ctrl+C here) to stop it.');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const reason = !hasDisplay ? 'there is no display to open a window on' : 'the Electron binary is not installed and could not be downloaded';
  const { url } = await serveRenderer({ port: Number(process.env.PORT ?? 5180) });
  console.log('');
  console.log(`Browser mode: ${reason}.`);
  console.log(`Discovery Desk is running at ${url}`);
  console.log('Open it in Chromium, Chrome or Edge. Your data stays in that browser profile for this address.');
  console.log('Press Ctrl+C to stop.');
}
