import { describe, expect, it } from 'vitest';
import { isBuildCurrent, sourceFingerprint, type SourceFile } from '../../scripts/build-stamp.mjs';

const files: SourceFile[] = [
  { path: 'renderer/main.tsx', size: 120, mtimeMs: 1_700_000_000_000 },
  { path: 'electron/main/index.ts', size: 900, mtimeMs: 1_700_000_100_000 },
];
const stamp = `${sourceFingerprint(files)}\n`;

describe('is the build current (npm start)', () => {
  it('is current when the outputs exist and the sources match the stamp', () => {
    expect(isBuildCurrent({ stamp, files, outputsPresent: true })).toBe(true);
    expect(isBuildCurrent({ stamp, files: [...files].reverse(), outputsPresent: true })).toBe(true);
  });

  it('is not current before the first build, or when an output is missing', () => {
    expect(isBuildCurrent({ stamp: null, files, outputsPresent: true })).toBe(false);
    expect(isBuildCurrent({ stamp, files, outputsPresent: false })).toBe(false);
  });

  it.each([
    ['a file was edited', files.map((file, index) => (index === 0 ? { ...file, mtimeMs: file.mtimeMs + 1000 } : file))],
    ['a file changed size', files.map((file, index) => (index === 1 ? { ...file, size: file.size + 1 } : file))],
    ['a file was added', [...files, { path: 'shared/domain/new-rule.ts', size: 10, mtimeMs: 1_600_000_000_000 }]],
    ['a file was removed', files.slice(1)],
    ['a file was renamed', files.map((file, index) => (index === 0 ? { ...file, path: 'renderer/app.tsx' } : file))],
  ])('is not current when %s', (_name, changed) => {
    expect(isBuildCurrent({ stamp, files: changed, outputsPresent: true })).toBe(false);
  });

  it('is not current with no sources at all (a broken checkout)', () => {
    expect(isBuildCurrent({ stamp: `${sourceFingerprint([])}\n`, files: [], outputsPresent: true })).toBe(false);
  });
});
