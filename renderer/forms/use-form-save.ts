import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  clearJournaledEdit,
  dropJournaledEdit,
  FormSaveError,
  isSameFormValue,
  journalEdit,
  saveForm,
  useDatabase,
  useRepositories,
  type ConflictCopy,
  type FormStore,
} from '../db';
import { AutosaveQueue, type AutosaveStatus } from './autosave-queue';
import { logUnexpectedError } from '../errors/error-log';
import { isUserError } from '../../shared/errors/user-error';

export interface FormSaveOptions<R, V> {
  readonly store: FormStore<R, V>;
  /** The record's id (the round's id for a round's charter, vision, target and workshop). */
  readonly id: string;
  /** The stored record the form opens with; undefined when none is stored yet (charter, vision). */
  readonly initial: R | undefined;
  /** While false (the record is being deleted here) nothing is journaled or saved. */
  readonly isEnabled?: boolean;
  readonly delayMs?: number;
  /** Called after each save that landed, with the record as stored. */
  readonly onSaved?: (saved: R | undefined) => void;
}

export interface FormSave<V> {
  /** What the form shows: the person's edits, or the stored version when another window changed it. */
  readonly value: V;
  /** Changes the value. Journaled synchronously before it returns, then saved after a pause in typing. */
  update(change: (current: V) => V): void;
  readonly status: AutosaveStatus;
  /** Why the last save failed, in words meant for the person. */
  readonly error?: Error;
  /** Grows when the value was replaced from outside (another window's save): rich-text editors reload then. */
  readonly revision: number;
  /** The record was deleted in another window (the text stays on screen). */
  readonly isDeletedElsewhere: boolean;
  /** Versions replaced by an edit made on older text, kept until discarded. */
  readonly conflictCopies: readonly ConflictCopy[];
  discardConflictCopy(key: string): Promise<void>;
  /** Saves now whatever is waiting; true when everything is saved. Never rejects. */
  flush(): Promise<boolean>;
  /** Tries a failed save again; true when everything is saved. */
  retry(): Promise<boolean>;
}

const NO_COPIES: readonly ConflictCopy[] = [];

/** Errors from the save itself say what to do; anything else must not show its raw text. */
function forPerson(error: Error): Error {
  if (error instanceof FormSaveError || isUserError(error)) return error;
  logUnexpectedError(error, 'saving a form');
  return new Error('Something went wrong while saving. Your text is still here and kept for the next start; try again.');
}

/**
 * The one save mechanism for every editable form. Each change is journaled synchronously
 * (localStorage, written back on the next start), then saved after `delayMs` without changes,
 * one save at a time, through saveForm: a compare-and-set against the version the edit started
 * from, which keeps another window's newer version as a conflict copy instead of overwriting it.
 * Changes saved by another window replace the value here while nothing is waiting to be saved.
 */
export function useFormSave<R, V>({ store, id, initial, isEnabled = true, delayMs = 600, onSaved }: FormSaveOptions<R, V>): FormSave<V> {
  const { db, isReadOnly } = useDatabase();
  const repositories = useRepositories();
  const { conflictCopies } = repositories;
  const canSave = isEnabled && !isReadOnly;
  const [queue] = useState(() => new AutosaveQueue<V>());
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const [shown, setShown] = useState(() => ({ value: store.project(initial), revision: 0 }));
  const valueRef = useRef(shown.value);
  // The stored version the value was last in step with: what a save compares against.
  const baseRef = useRef({ value: shown.value, revision: initial === undefined ? Number.NEGATIVE_INFINITY : store.revision(initial) });
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const save = useCallback(
    async (value: V) => {
      const { saved } = await saveForm(db, store, id, value, baseRef.current.value);
      baseRef.current = { value: store.project(saved), revision: saved === undefined ? baseRef.current.revision : store.revision(saved) };
      // Typing went on during the save: the journal keeps the newer value, now against the new base.
      if (Object.is(valueRef.current, value)) clearJournaledEdit(store.kind, id, value);
      else journalEdit(store.kind, id, valueRef.current, baseRef.current.value);
      onSavedRef.current?.(saved);
    },
    [db, store, id],
  );

  const update = useCallback(
    (change: (current: V) => V) => {
      const next = change(valueRef.current);
      if (Object.is(next, valueRef.current)) return;
      valueRef.current = next;
      setShown((current) => ({ value: next, revision: current.revision }));
      if (!canSave) return;
      journalEdit(store.kind, id, next, baseRef.current.value);
      queue.change(id, next, save, delayMs);
    },
    [canSave, delayMs, id, queue, save, store.kind],
  );

  useEffect(() => {
    if (canSave) return;
    queue.discard();
    dropJournaledEdit(store.kind, id);
  }, [canSave, id, queue, store.kind]);

  // Another window's save: shown here when nothing typed here waits to be saved.
  const live = useLiveQuery(async () => (await store.read(repositories, id)) ?? null, [repositories, store, id]);
  const isIdle = snapshot.status === 'saved';
  useEffect(() => {
    if (live === undefined || live === null || !isIdle) return;
    const revision = store.revision(live);
    if (revision < baseRef.current.revision) return;
    const projected = store.project(live);
    if (isSameFormValue(projected, baseRef.current.value)) {
      baseRef.current = { value: baseRef.current.value, revision };
      return;
    }
    baseRef.current = { value: projected, revision };
    valueRef.current = projected;
    setShown((current) => ({ value: projected, revision: current.revision + 1 }));
  }, [live, isIdle, store]);

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void queue.flush();
    };
    const flushOnPageHide = () => void queue.flush();
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flushOnPageHide);
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flushOnPageHide);
      void queue.flush();
    };
  }, [queue]);

  const copies = useLiveQuery(() => conflictCopies.listFor(store.kind, id), [conflictCopies, store.kind, id]) ?? NO_COPIES;
  const discardConflictCopy = useCallback((key: string) => conflictCopies.discard(key), [conflictCopies]);

  const result = {
    value: shown.value,
    update,
    status: snapshot.status,
    revision: shown.revision,
    isDeletedElsewhere: live === null && store.missingMessage !== null && initial !== undefined,
    conflictCopies: copies,
    discardConflictCopy,
    flush: queue.flush,
    retry: queue.flush,
  };
  return snapshot.error === undefined ? result : { ...result, error: forPerson(snapshot.error) };
}
