import type { NoteChanges } from './repositories/notes-repository';
import { createNotesRepository } from './repositories/notes-repository';
import type { DiscoveryDb } from './discovery-db';

/**
 * A synchronous copy of edits not yet saved, in localStorage. An IndexedDB write started while the
 * page is being reloaded or closed may never finish; a localStorage write does. On the next start
 * the journal is replayed into the database, then cleared.
 */
const PREFIX = 'discovery-desk:unsaved-note:';

interface JournalEntry {
  readonly noteId: string;
  readonly changes: NoteChanges;
  readonly at: number;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Records the latest unsaved changes of a note (replacing older ones). */
export function journalUnsavedEdit(noteId: string, changes: NoteChanges, at = Date.now()): void {
  try {
    storage()?.setItem(PREFIX + noteId, JSON.stringify({ noteId, changes, at } satisfies JournalEntry));
  } catch {
    // A full or blocked localStorage only loses this safety net; autosave still runs.
  }
}

/** Forgets a note's journal once the database holds these changes. */
export function clearUnsavedEdit(noteId: string, savedChanges: NoteChanges): void {
  const store = storage();
  const raw = store?.getItem(PREFIX + noteId);
  if (!store || raw === null || raw === undefined) return;
  const entry = parseEntry(raw);
  if (entry === null || JSON.stringify(entry.changes) === JSON.stringify(savedChanges)) store.removeItem(PREFIX + noteId);
}

function parseEntry(raw: string): JournalEntry | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const noteId: unknown = Reflect.get(value, 'noteId');
    const changes: unknown = Reflect.get(value, 'changes');
    const at: unknown = Reflect.get(value, 'at');
    if (typeof noteId !== 'string' || typeof changes !== 'object' || changes === null || typeof at !== 'number') return null;
    // The repository cleans and checks every field (body included) on the way in.
    return { noteId, changes: changes as NoteChanges, at };
  } catch {
    return null;
  }
}

/**
 * Writes journaled edits that are newer than the stored note back into the database; returns how
 * many notes were recovered. Run before any screen reads notes.
 */
export async function recoverUnsavedEdits(db: DiscoveryDb): Promise<number> {
  const store = storage();
  if (!store || db.isReadOnly) return 0;
  const notes = createNotesRepository(db);
  const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key?.startsWith(PREFIX) ?? false);
  let recovered = 0;
  for (const key of keys) {
    const entry = parseEntry(store.getItem(key) ?? '');
    const note = entry === null ? undefined : await notes.get(entry.noteId);
    if (entry !== null && note !== undefined && entry.at > note.updatedAt) {
      try {
        await notes.update(entry.noteId, entry.changes);
        recovered += 1;
      } catch (error) {
        // Keep the journal for the next start rather than lose the text.
        console.error('Could not recover unsaved edits', error);
        continue;
      }
    }
    store.removeItem(key);
  }
  return recovered;
}

/** Forgets every journaled edit: after a restore they belong to a workspace that no longer exists. */
export function forgetUnsavedEdits(): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key?.startsWith(PREFIX) ?? false);
  for (const key of keys) store.removeItem(key);
}
