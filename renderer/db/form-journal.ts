import type { DiscoveryDb } from './discovery-db';
import { FORM_STORES } from './forms/form-stores';
import type { FormKind } from './forms/form-store';
import { createNotesRepository, type NoteChanges } from './repositories/notes-repository';
import { FormSaveError, isSameFormValue, saveForm } from './save-form';

/**
 * A synchronous copy of every form edit not yet saved, in localStorage. An IndexedDB write started
 * while the page is reloaded, closed or crashes may never finish; a localStorage write has finished
 * when the keystroke's handler returns. On the next start the journal is written back through the
 * same save as typing (saveForm), so an edit made on older text keeps the newer one as a conflict copy.
 */
const PREFIX = 'discovery-desk:unsaved:';
// Written by builds before every form had a journal: { noteId, changes, at }.
const LEGACY_NOTE_PREFIX = 'discovery-desk:unsaved-note:';
const WINDOW_LOCK_PREFIX = 'discovery-desk:window:';

/** This page load; journal entries of windows still open are theirs to save, not recovered. */
const WINDOW_ID = globalThis.crypto.randomUUID();

interface JournalEntry {
  readonly kind: FormKind;
  readonly id: string;
  readonly window: string;
  readonly value: unknown;
  /** The stored version the edit started from. */
  readonly base: unknown;
  readonly at: number;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function keyOf(kind: FormKind, id: string): string {
  return `${PREFIX}${kind}:${id}:${WINDOW_ID}`;
}

let isWindowLockHeld = false;

// Held until the page goes away, so another window's recovery can tell this one is still open.
function holdWindowLock(): void {
  if (isWindowLockHeld) return;
  isWindowLockHeld = true;
  void globalThis.navigator?.locks?.request(WINDOW_LOCK_PREFIX + WINDOW_ID, () => new Promise<void>(() => undefined)).catch(() => undefined);
}

/**
 * Records the latest unsaved value of a form (replacing this window's older one), synchronously.
 * Returns false when localStorage refused it (full or blocked): only this safety net is lost.
 */
export function journalEdit(kind: FormKind, id: string, value: unknown, base: unknown, at = Date.now()): boolean {
  holdWindowLock();
  try {
    const store = storage();
    if (store === null) return false;
    store.setItem(keyOf(kind, id), JSON.stringify({ kind, id, window: WINDOW_ID, value, base, at } satisfies JournalEntry));
    return true;
  } catch {
    return false;
  }
}

/** Forgets this window's journal of a form once the database holds `savedValue` (a newer edit stays). */
export function clearJournaledEdit(kind: FormKind, id: string, savedValue: unknown): void {
  const store = storage();
  const raw = store?.getItem(keyOf(kind, id));
  if (!store || raw === null || raw === undefined) return;
  const entry = parseEntry(raw);
  if (entry === null || isSameFormValue(entry.value, savedValue)) store.removeItem(keyOf(kind, id));
}

/** Forgets this window's journal of a form whatever it holds (a new draft discarded, a record deleted). */
export function dropJournaledEdit(kind: FormKind, id: string): void {
  storage()?.removeItem(keyOf(kind, id));
}

function parseEntry(raw: string): JournalEntry | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { kind, id, window, at } = value as Partial<JournalEntry>;
    if (typeof kind !== 'string' || !FORM_STORES.has(kind as FormKind) || typeof id !== 'string' || typeof window !== 'string' || typeof at !== 'number') return null;
    return { kind, id, window, at, value: Reflect.get(value, 'value'), base: Reflect.get(value, 'base') };
  } catch {
    return null;
  }
}

function journalKeys(store: Storage, prefix: string): string[] {
  return Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key?.startsWith(prefix) ?? false);
}

async function openWindows(): Promise<ReadonlySet<string>> {
  try {
    const state = await globalThis.navigator?.locks?.query();
    const names = (state?.held ?? []).map((lock) => lock.name ?? '');
    return new Set(names.filter((name) => name.startsWith(WINDOW_LOCK_PREFIX)).map((name) => name.slice(WINDOW_LOCK_PREFIX.length)));
  } catch {
    return new Set();
  }
}

export interface RecoveredEdits {
  /** Forms whose journaled edit was written back. */
  readonly recovered: number;
  /** Of those, how many found newer stored text, now kept as a conflict copy. */
  readonly conflicts: number;
}

/**
 * Writes journaled edits of windows that are gone back into the database. Run before any screen
 * reads. An entry whose record was deleted, or that can never be stored (too large), is dropped;
 * one that failed for another reason (a full disk) stays for the next start.
 */
export async function recoverJournaledEdits(db: DiscoveryDb): Promise<RecoveredEdits> {
  const store = storage();
  if (!store || db.isReadOnly) return { recovered: 0, conflicts: 0 };
  const open = await openWindows();
  let recovered = 0;
  let conflicts = 0;
  for (const key of journalKeys(store, PREFIX)) {
    const entry = parseEntry(store.getItem(key) ?? '');
    if (entry !== null && open.has(entry.window)) continue;
    const form = entry === null ? undefined : FORM_STORES.get(entry.kind);
    const value = form?.parse(entry?.value);
    const base = form?.parse(entry?.base);
    if (entry !== null && form !== undefined && value !== null && value !== undefined && base !== null && base !== undefined) {
      try {
        const outcome = await saveForm(db, form, entry.id, value, base);
        recovered += 1;
        if (outcome.conflictCopy !== undefined) conflicts += 1;
      } catch (error) {
        if (!(error instanceof FormSaveError)) {
          console.error('Could not write back an unsaved edit; it is kept for the next start', error);
          continue;
        }
        console.error('An unsaved edit could not be written back and was dropped', error);
      }
    }
    store.removeItem(key);
  }
  recovered += await recoverLegacyNoteEdits(db, store);
  return { recovered, conflicts };
}

async function recoverLegacyNoteEdits(db: DiscoveryDb, store: Storage): Promise<number> {
  const notes = createNotesRepository(db);
  let recovered = 0;
  for (const key of journalKeys(store, LEGACY_NOTE_PREFIX)) {
    try {
      const entry: unknown = JSON.parse(store.getItem(key) ?? '');
      const noteId: unknown = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'noteId') : undefined;
      const changes: unknown = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'changes') : undefined;
      const at: unknown = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'at') : undefined;
      const note = typeof noteId === 'string' ? await notes.get(noteId) : undefined;
      if (note !== undefined && typeof changes === 'object' && changes !== null && typeof at === 'number' && at > note.updatedAt) {
        // The repository cleans and checks every field on the way in.
        await notes.update(note.id, changes as NoteChanges);
        recovered += 1;
      }
    } catch (error) {
      console.error('Could not recover unsaved note edits', error);
      continue;
    }
    store.removeItem(key);
  }
  return recovered;
}

/** Forgets every journaled edit: after a restore they belong to a workspace that no longer exists. */
export function forgetJournaledEdits(): void {
  const store = storage();
  if (!store) return;
  for (const key of [...journalKeys(store, PREFIX), ...journalKeys(store, LEGACY_NOTE_PREFIX)]) store.removeItem(key);
}
