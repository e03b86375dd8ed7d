export type AutosaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

export interface AutosaveSnapshot {
  readonly status: AutosaveStatus;
  /** The last failure while some value is still unsaved. */
  readonly error?: Error;
}

interface PendingSave<T> {
  readonly value: T;
  readonly save: (value: T) => Promise<void>;
}

/**
 * Debounced, strictly sequential saving: one save runs at a time, only the latest value per key
 * waits, and a value whose save failed is kept until it is saved or replaced by a newer one.
 */
export class AutosaveQueue<T> {
  private readonly pending = new Map<string, PendingSave<T>>();
  private readonly listeners = new Set<(snapshot: AutosaveSnapshot) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | null = null;
  private isSaving = false;
  private lastError: Error | undefined;
  private snapshot: AutosaveSnapshot = { status: 'saved' };

  /** Records a new value for `key` and saves it after `delayMs` without further changes. */
  change(key: string, value: T, save: (value: T) => Promise<void>, delayMs: number): void {
    this.pending.set(key, { value, save });
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delayMs);
    this.publish();
  }

  /** Saves everything waiting now; resolves, true when nothing is left unsaved, once done or a save failed. Never rejects. */
  readonly flush = async (): Promise<boolean> => {
    this.clearTimer();
    if (this.draining === null) {
      this.draining = this.drain().finally(() => {
        this.draining = null;
        this.publish();
      });
    }
    await this.draining;
    return this.pending.size === 0;
  };

  /** Forgets everything waiting (e.g. the note was deleted); a save already running finishes. */
  discard(): void {
    this.clearTimer();
    this.pending.clear();
    this.lastError = undefined;
    this.publish();
  }

  readonly getSnapshot = (): AutosaveSnapshot => this.snapshot;

  readonly subscribe = (listener: (snapshot: AutosaveSnapshot) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async drain(): Promise<void> {
    for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
      const [key, entry] = next.value;
      this.pending.delete(key);
      this.isSaving = true;
      this.publish();
      try {
        await entry.save(entry.value);
        this.lastError = undefined;
      } catch (error) {
        // A newer value for the same key supersedes the failed one; otherwise keep it for a retry.
        if (!this.pending.has(key)) this.pending.set(key, entry);
        this.lastError = error instanceof Error ? error : new Error(String(error));
        return;
      } finally {
        this.isSaving = false;
      }
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private publish(): void {
    const status: AutosaveStatus = this.isSaving
      ? 'saving'
      : this.pending.size === 0
        ? 'saved'
        : this.lastError !== undefined
          ? 'error'
          : 'dirty';
    const error = status === 'error' ? this.lastError : undefined;
    if (this.snapshot.status === status && this.snapshot.error === error) return;
    this.snapshot = error === undefined ? { status } : { status, error };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}
