import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/backup/canonical-json';
import { createLineSplitter } from '../../../shared/backup/split-lines';
import { WorkspaceFileError, workspaceFileName } from '../../../shared/backup/workspace-format';

describe('line splitter', () => {
  it('joins lines split across chunks and keeps a last line without a newline', () => {
    const splitter = createLineSplitter(100);
    expect(splitter.push('ab')).toEqual([]);
    expect(splitter.push('c\nde\n\nf')).toEqual(['abc', 'de', '']);
    expect(splitter.end()).toEqual(['f']);
  });

  it('refuses a line longer than the limit before it is complete', () => {
    const splitter = createLineSplitter(5);
    splitter.push('ok\n');
    expect(() => splitter.push('123456')).toThrow(WorkspaceFileError);
    expect(() => createLineSplitter(5).push('123456')).toThrow(/Line 1: the line is longer than 5 characters/);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('workspace file name', () => {
  it('is safe on every file system', () => {
    expect(workspaceFileName(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('discovery-desk-2026-01-02T03-04-05Z.ddworkspace');
  });
});
