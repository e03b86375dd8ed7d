import { StorageFullError } from './storage-full-error';

// Chromium reports QuotaExceededError; old Firefox reported NS_ERROR_DOM_QUOTA_REACHED.
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const MAX_DEPTH = 5;

/**
 * Whether an error is (or wraps) a storage-quota failure. Chromium often reports a full disk only
 * as a transaction abort, which Dexie surfaces as AbortError with the real error in `inner`;
 * bulk writes put it in `failures`, and an implicit open wraps it in OpenFailedError.
 */
export function isQuotaExceededError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  if ('name' in error && typeof error.name === 'string' && QUOTA_ERROR_NAMES.has(error.name)) return true;
  const nested: unknown[] = [];
  if ('inner' in error) nested.push(error.inner);
  if ('cause' in error) nested.push(error.cause);
  if ('failures' in error && Array.isArray(error.failures)) nested.push(...error.failures);
  return nested.some((inner) => isQuotaExceededError(inner, depth + 1));
}

/** Turns a failed write's error into the error to show: StorageFullError for a full disk, else unchanged. */
export function classifyWriteError(error: unknown): unknown {
  return isQuotaExceededError(error) ? new StorageFullError({ cause: error }) : error;
}
