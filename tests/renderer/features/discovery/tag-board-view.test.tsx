import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { UndoProvider } from '../../../../renderer/components/undo-service';
import { createRepositories, DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { TagBoardView } from '../../../../renderer/features/discovery/tag-board-view';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { openTestDatabase } from '../../db/open-test-database';

function renderBoard(db: DiscoveryDb) {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <UndoProvider>
          <MemoryRouter>
            <TagBoardView />
          </MemoryRouter>
        </UndoProvider>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

describe('tag board', () => {
  it('shows note and highlight tags together with both counts, renames and merges with Undo, and groups', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('tag-board-view');
    const { notes, highlights } = createRepositories(db);
    const note = await notes.create({ channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1, tags: ['ci'] });
    await highlights.create({ noteId: note.id, quote: 'builds are slow', tags: ['ci-speed'] });
    renderBoard(db);

    const ciRow = (await screen.findByText('ci', { selector: '.chip' })).closest('tr');
    expect(ciRow && within(ciRow).getByText('1 note')).toBeTruthy();
    const speedRow = screen.getByText('ci-speed', { selector: '.chip' }).closest('tr');
    expect(speedRow && within(speedRow).getByText('1 highlight')).toBeTruthy();

    act(() => fireEvent.change(screen.getByRole('combobox', { name: 'Merge “ci-speed” into' }), { target: { value: 'ci' } }));
    await screen.findByText('Merged “ci-speed” into “ci”');
    await waitFor(async () => expect((await highlights.listForNote(note.id))[0]?.tags).toEqual(['ci']));
    await waitFor(() => expect(screen.queryByText('ci-speed', { selector: '.chip' })).toBeNull());

    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    await waitFor(async () => expect((await highlights.listForNote(note.id))[0]?.tags).toEqual(['ci-speed']));
    await screen.findByText('ci-speed', { selector: '.chip' });

    act(() => screen.getByRole('button', { name: 'Rename “ci”' }).click());
    const name = screen.getByRole('textbox', { name: 'New name for “ci”' });
    act(() => fireEvent.change(name, { target: { value: 'build speed' } }));
    act(() => fireEvent.submit(name.closest('form') as HTMLFormElement));
    await waitFor(async () => expect((await notes.get(note.id))?.tags).toEqual(['build speed']));

    const groupButton = await screen.findByRole('button', { name: 'Group “build speed”' });
    act(() => groupButton.click());
    const group = screen.getByRole('combobox', { name: 'Group of “build speed”' });
    act(() => fireEvent.change(group, { target: { value: 'Delivery' } }));
    act(() => fireEvent.submit(group.closest('form') as HTMLFormElement));
    expect(await screen.findByRole('region', { name: 'Group Delivery' })).toBeTruthy();
  });
});
