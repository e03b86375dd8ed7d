import { findRichTextSizeProblem } from '../../shared/rich-text/sanitize-rich-text';
import { formValueText } from '../../shared/rich-text/form-value-text';
import type { DiscoveryDb } from './discovery-db';
import type { FormStore } from './forms/form-store';
import { createConflictCopiesRepository, type ConflictCopy } from './repositories/conflict-copies-repository';
import { writeTransaction } from './repositories/write-transaction';
import { createRepositories } from './use-repositories';

/** A save the app refused, with a message meant for the person (what went wrong, what to do). */
export class FormSaveError extends Error {
  override readonly name = 'FormSaveError';
}

export interface SavedForm<R> {
  /** The record as stored after the save. */
  readonly saved: R | undefined;
  /** Set when the stored version was not the one the edit started from: that version, kept. */
  readonly conflictCopy?: ConflictCopy;
}

/** Whether two form values hold the same data (values are plain JSON). */
export function isSameFormValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The one way a form's value is written. In one transaction: reads the stored record; when it no
 * longer matches `base` (the version the edit started from: another window saved in between, or a
 * recovered edit is older than what is stored), keeps the stored version as a conflict copy before
 * writing, so neither is lost. Refuses rich text too large to store whole before anything is written.
 */
export async function saveForm<R, V>(db: DiscoveryDb, store: FormStore<R, V>, id: string, value: V, base: V): Promise<SavedForm<R>> {
  const sizeProblem = findRichTextSizeProblem(value);
  if (sizeProblem !== null) throw new FormSaveError(sizeProblem);
  const repositories = createRepositories(db);
  const copies = createConflictCopiesRepository(db);
  // Every table: the store's write joins this transaction whatever tables it touches.
  return writeTransaction(db, db.tables, async () => {
    const stored = await store.read(repositories, id);
    if (stored === undefined && store.missingMessage !== null) throw new FormSaveError(store.missingMessage);
    const current = store.project(stored);
    if (isSameFormValue(current, value)) return { saved: stored };
    const conflictCopy = isSameFormValue(current, base) ? undefined : await copies.keep({ kind: store.kind, recordId: id, keptAt: Date.now(), value: current, text: formValueText(current) });
    await store.write(repositories, id, value, stored);
    const saved = await store.read(repositories, id);
    return conflictCopy === undefined ? { saved } : { saved, conflictCopy };
  });
}
