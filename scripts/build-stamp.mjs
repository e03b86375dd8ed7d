// Whether `npm start` must rebuild: dist/ holds a stamp naming every source file's path, size and
// modification time at the last build; the build is current while the sources still match it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of these makes the next `npm start` build again. */
export const BUILD_INPUTS = ['renderer', 'shared', 'electron', 'vite.config.ts', 'package.json', 'package-lock.json', 'scripts/build-electron.mjs'];
/** What the build writes; a missing one means building again. */
export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
export const STAMP_FILE = 'dist/.build-stamp';

/** A fingerprint of the source files (order does not matter). */
export function sourceFingerprint(files) {
  const lines = files.map((file) => `${file.path}\t${file.size}\t${Math.round(file.mtimeMs)}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The rule: current only when every output exists and the stamp matches the sources as they are now. */
export function isBuildCurrent({ stamp, files, outputsPresent }) {
  return outputsPresent && stamp !== null && files.length > 0 && stamp.trim() === sourceFingerprint(files);
}

function listFiles(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  const stats = statSync(full);
  if (stats.isFile()) return [{ path: relative.split(path.sep).join('/'), size: stats.size, mtimeMs: stats.mtimeMs }];
  return readdirSync(full).flatMap((name) => listFiles(root, path.join(relative, name)));
}

/** The source files of the build as they are on disk now. */
export function readBuildInputs(root) {
  return BUILD_INPUTS.flatMap((input) => listFiles(root, input));
}

/** Reads the stamp and the outputs and applies the rule. */
export function buildIsCurrentOnDisk(root) {
  const stampPath = path.join(root, STAMP_FILE);
  return isBuildCurrent({
    stamp: existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : null,
    files: readBuildInputs(root),
    outputsPresent: BUILD_OUTPUTS.every((output) => existsSync(path.join(root, output))),
  });
}

/** Records the sources a finished build was made from. */
export function writeBuildStamp(root, files) {
  writeFileSync(path.join(root, STAMP_FILE), `${sourceFingerprint(files)}\n`);
}
