import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyWriteError, isQuotaExceededError } from '../../../renderer/db/classify-write-error';
import { StorageFullError } from '../../../renderer/db/storage-full-error';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyWriteError', () => {
  it.each([
    ['a QuotaExceededError DOMException', quota()],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('Quota exceeded')],
    ['an AbortError wrapping a QuotaExceededError (Chromium aborts the transaction)', new Dexie.AbortError('Transaction aborted', quota())],
    ['an OpenFailedError wrapping an AbortError wrapping one', new Dexie.OpenFailedError(new Dexie.AbortError('Transaction aborted', quota()))],
    ['a BulkError with one among its failures', new Dexie.BulkError('2 of 3 operations failed', { 0: new Dexie.ConstraintError('dup'), 1: quota() })],
    ['an error whose cause is one', new Error('write failed', { cause: quota() })],
    ["old Firefox's NS_ERROR_DOM_QUOTA_REACHED", { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
  ])('turns %s into StorageFullError', (_label, error) => {
    expect(isQuotaExceededError(error)).toBe(true);
    const classified = classifyWriteError(error);
    expect(classified).toBeInstanceOf(StorageFullError);
    expect(classified).toMatchObject({
      name: 'StorageFullError',
      message: 'Your disk is full, so this change was not saved. Free some space and try again; your text is still here.',
      cause: error,
    });
  });

  it.each([
    ['an AbortError without an inner error', new Dexie.AbortError('Transaction aborted')],
    ['a ConstraintError', new Dexie.ConstraintError('Key already exists')],
    ['a plain Error', new Error('boom')],
    ['a string', 'QuotaExceededError'],
    ['null', null],
    ['undefined', undefined],
  ])('leaves %s unchanged', (_label, error) => {
    expect(isQuotaExceededError(error)).toBe(false);
    expect(classifyWriteError(error)).toBe(error);
  });

  it('stops at self-referencing errors', () => {
    const error: { name: string; inner?: unknown } = { name: 'AbortError' };
    error.inner = error;
    expect(isQuotaExceededError(error)).toBe(false);
  });
});
