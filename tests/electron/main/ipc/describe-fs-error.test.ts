import { describe, expect, it } from 'vitest';
import { describeFsError } from '../../../../electron/main/ipc/describe-fs-error';

describe('describeFsError', () => {
  it.each([
    ['ENOSPC', 'disk full (ENOSPC)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['ENOENT', 'the file or folder does not exist (ENOENT)'],
  ])('names %s in words', (code, text) => {
    expect(describeFsError(Object.assign(new Error(`${code}: raw`), { code }))).toBe(text);
  });

  it('keeps the message of an unknown code', () => {
    expect(describeFsError(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }))).toBe(
      'EXDEV: cross-device link not permitted (EXDEV)',
    );
  });

  it('handles errors without a code and thrown non-errors', () => {
    expect(describeFsError(new Error('boom'))).toBe('boom');
    expect(describeFsError('boom')).toBe('boom');
  });
});
