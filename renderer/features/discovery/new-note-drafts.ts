/**
 * Notes the person created empty in this window ("New note", quick capture, the command palette)
 * and has not typed in yet. Only these may be discarded when left untouched; nothing else is ever
 * guessed to be a draft (a survey answer's or a planned chat's note is never one).
 */
const newDrafts = new Set<string>();

export function markNewDraft(noteId: string): void {
  newDrafts.add(noteId);
}

export function isNewDraft(noteId: string): boolean {
  return newDrafts.has(noteId);
}

/** The note is no longer a draft: typed in, deleted or discarded. */
export function forgetNewDraft(noteId: string): void {
  newDrafts.delete(noteId);
}
