import { afterEach, describe, expect, it } from 'vitest';
import { clearUnsavedEdit, journalUnsavedEdit, recoverUnsavedEdits } from '../../../renderer/db/unsaved-edits-journal';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import { openTestDatabase } from './open-test-database';

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

afterEach(() => localStorage.clear());

describe('unsaved edits journal', () => {
  it('puts edits journaled before a reload back into the note, then forgets them', async () => {
    const db = await openTestDatabase('journal');
    const notes = createNotesRepository(db);
    const note = await notes.create({ channel: 'brainstorm', title: 'Ideas', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    journalUnsavedEdit(note.id, { title: 'Ideas for the build farm', body: paragraph('Cache warm-up before the morning rush') }, note.updatedAt + 500);

    expect(await recoverUnsavedEdits(db)).toBe(1);
    const recovered = await notes.get(note.id);
    expect(recovered?.title).toBe('Ideas for the build farm');
    expect(recovered?.plainText).toBe('Cache warm-up before the morning rush');
    expect(localStorage.length).toBe(0);
  });

  it('ignores journals older than the stored note, for deleted notes, and unreadable ones', async () => {
    const db = await openTestDatabase('journal-stale');
    const notes = createNotesRepository(db);
    const note = await notes.create({ channel: 'brainstorm', title: 'Saved later', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    journalUnsavedEdit(note.id, { title: 'Older text' }, note.updatedAt - 1);
    journalUnsavedEdit('deleted-note', { title: 'Gone' });
    localStorage.setItem('discovery-desk:unsaved-note:broken', '{not json');

    expect(await recoverUnsavedEdits(db)).toBe(0);
    expect((await notes.get(note.id))?.title).toBe('Saved later');
    expect(localStorage.length).toBe(0);
  });

  it('is cleared by a save only when the save holds the journaled edit', () => {
    journalUnsavedEdit('n1', { title: 'Newer' });
    clearUnsavedEdit('n1', { title: 'Older' });
    expect(localStorage.length).toBe(1);
    clearUnsavedEdit('n1', { title: 'Newer' });
    expect(localStorage.length).toBe(0);
  });
});
