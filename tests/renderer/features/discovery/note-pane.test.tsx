import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { createRepositories, DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { markNewDraft } from '../../../../renderer/features/discovery/new-note-drafts';
import { NotePane } from '../../../../renderer/features/discovery/note-pane';
import { noteTemplate } from '../../../../shared/rich-text/note-templates';
import { openTestDatabase } from '../../db/open-test-database';

afterEach(() => localStorage.clear());

/** The note pane with a way to leave it, as choosing another note does, while the toasts stay. */
function Harness({ noteId }: { readonly noteId: string }) {
  const [isOpen, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(false)}>
        Leave
      </button>
      {isOpen && <NotePane noteId={noteId} onDeleted={() => undefined} />}
    </>
  );
}

function renderPane(db: DiscoveryDb, noteId: string) {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter>
          <Harness noteId={noteId} />
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('note pane drafts', () => {
  it('never deletes a note it did not create empty in this window, even one never edited (a survey answer’s note)', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('note-pane-survey-note');
    const { notes } = createRepositories(db);
    const note = await notes.create({ channel: 'brainstorm', title: 'What slows you down?', body: noteTemplate('brainstorm'), occurredAt: 1 });
    expect(note.createdAt).toBe(note.updatedAt);
    renderPane(db, note.id);
    await screen.findByRole('textbox', { name: 'Title' });

    act(() => screen.getByRole('button', { name: 'Leave' }).click());
    await settle();
    expect(await notes.get(note.id)).toBeDefined();
  });

  it('discards a new note left untouched, and brings it back with Undo', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('note-pane-new-draft');
    const { notes } = createRepositories(db);
    const note = await notes.create({ channel: 'brainstorm', title: '', body: noteTemplate('brainstorm'), occurredAt: 1 });
    markNewDraft(note.id);
    renderPane(db, note.id);
    await screen.findByRole('textbox', { name: 'Title' });

    act(() => screen.getByRole('button', { name: 'Leave' }).click());
    await waitFor(async () => expect(await notes.get(note.id)).toBeUndefined());
    expect(await screen.findByText('Discarded the empty new note')).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    await waitFor(async () => expect(await notes.get(note.id)).toBeDefined());
  });
});
