import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { createRepositories, DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { markNewDraft } from '../../../../renderer/features/discovery/new-note-drafts';
import { NotePane } from '../../../../renderer/features/discovery/note-pane';
import { richTextToPlainText, type RichTextDoc } from '../../../../shared/domain/rich-text';
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

describe('note pane fields', () => {
  it('swaps in the new channel’s template when the channel changes on an untouched template, and keeps written text', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('note-pane-channel-template');
    const { notes } = createRepositories(db);
    const untouched = await notes.create({ channel: 'coffee-chat', title: 'Chat', body: noteTemplate('coffee-chat'), occurredAt: 1 });
    renderPane(db, untouched.id);
    const channel = await screen.findByRole('combobox', { name: 'Channel' });
    act(() => fireEvent.change(channel, { target: { value: 'sla' } }));
    await waitFor(async () => expect(richTextToPlainText((await notes.get(untouched.id))?.body ?? { type: 'doc' })).toBe(richTextToPlainText(noteTemplate('sla'))), { timeout: 5_000 });
    cleanup();

    const writtenBody: RichTextDoc = { type: 'doc', content: [...(noteTemplate('coffee-chat').content ?? []), { type: 'paragraph', content: [{ type: 'text', text: 'Builds are slow' }] }] };
    const written = await notes.create({ channel: 'coffee-chat', title: 'Chat 2', body: writtenBody, occurredAt: 1 });
    renderPane(db, written.id);
    const channel2 = await screen.findByRole('combobox', { name: 'Channel' });
    act(() => fireEvent.change(channel2, { target: { value: 'sla' } }));
    await waitFor(async () => expect((await notes.get(written.id))?.channel).toBe('sla'), { timeout: 5_000 });
    expect(richTextToPlainText((await notes.get(written.id))?.body ?? { type: 'doc' })).toContain('Builds are slow');
    expect(richTextToPlainText((await notes.get(written.id))?.body ?? { type: 'doc' })).toContain('What are you working on?');
  });

  it('warns about research load only for people added now, not for those the reopened note already named', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('note-pane-load-reopen');
    const { notes, contacts } = createRepositories(db);
    const ada = await contacts.create({ name: 'Ada Lovelace' });
    const now = Date.now();
    // Two earlier asks fill Ada's 30-day budget of 2; the third note is the one reopened.
    for (const title of ['First', 'Second']) await notes.create({ channel: 'coffee-chat', title, body: noteTemplate('coffee-chat'), occurredAt: now - 1000, personIds: [ada.id] });
    const reopened = await notes.create({ channel: 'coffee-chat', title: 'Third', body: noteTemplate('coffee-chat'), occurredAt: now - 1000, personIds: [ada.id] });
    renderPane(db, reopened.id);
    await screen.findByRole('textbox', { name: 'Title' });
    await settle();
    await settle();
    expect(screen.queryByRole('status', { name: 'Research load warning' })).toBeNull();
  });
});
