import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { AutosaveQueue, type AutosaveStatus } from './autosave-queue';

export interface AutosaveOptions<T> {
  /** Compared with `Object.is`: pass a new value only when it changed. */
  readonly value: T;
  readonly save: (value: T) => Promise<void>;
  readonly delayMs?: number;
  /** What is being edited (e.g. the note id). Change it together with `value` when switching. */
  readonly key?: string;
  /** While false (read-only workspace, deleted note) changes are not saved and waiting ones are dropped. */
  readonly isEnabled?: boolean;
}

export interface Autosave {
  readonly status: AutosaveStatus;
  readonly error?: Error;
  /** Saves now whatever is waiting; never rejects. */
  flush(): Promise<void>;
  /** Tries a failed save again. */
  retry(): Promise<void>;
}

const DEFAULT_KEY = 'default';

/**
 * Saves `value` after `delayMs` without changes, one save at a time (the latest value waits),
 * and right away when `key` changes, on unmount, and when the page is hidden or closed. A failed
 * save keeps the value (status `error`) and is retried on the next change or by `retry()`.
 * While anything is unsaved, leaving the page asks for confirmation.
 */
export function useAutosave<T>({ value, save, delayMs = 600, key = DEFAULT_KEY, isEnabled = true }: AutosaveOptions<T>): Autosave {
  const [queue] = useState(() => new AutosaveQueue<T>());
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const seen = useRef({ key, value });

  useEffect(() => {
    const previous = seen.current;
    seen.current = { key, value };
    if (previous.key !== key) {
      // The first value under a new key is what was loaded, not an edit: only the old key's work is saved.
      void queue.flush();
    } else if (isEnabled && !Object.is(previous.value, value)) {
      queue.change(key, value, save, delayMs);
    }
  }, [queue, key, value, save, delayMs, isEnabled]);

  useEffect(() => {
    if (!isEnabled) queue.discard();
  }, [queue, isEnabled]);

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

  const isUnsaved = snapshot.status !== 'saved';
  useEffect(() => {
    if (!isUnsaved) return undefined;
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      void queue.flush();
    };
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => window.removeEventListener('beforeunload', warnBeforeLeaving);
  }, [isUnsaved, queue]);

  return snapshot.error === undefined
    ? { status: snapshot.status, flush: queue.flush, retry: queue.flush }
    : { status: snapshot.status, error: snapshot.error, flush: queue.flush, retry: queue.flush };
}
