import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { UndoProvider } from '../../../../renderer/components/undo-service';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createRoundsRepository } from '../../../../renderer/db/repositories/rounds-repository';
import { RoundView } from '../../../../renderer/features/board/round-view';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../../db/create-test-dependencies';
import { openTestDatabase } from '../../db/open-test-database';

afterEach(() => {
  localStorage.clear();
});

async function seededRound(db: DiscoveryDb) {
  const dependencies = createTestDependencies();
  const notes = createNotesRepository(db, dependencies);
  await notes.create({ channel: 'coffee-chat', title: 'CI chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 100, tags: ['ci'] });
  return createRoundsRepository(db, dependencies).start({ title: 'Q3 pains', filter: {}, includeHighlights: true });
}

/** The toasts' live region (the drag library has a status region of its own). */
function toastRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('.toast-region');
  if (region === null) throw new Error('No toast region');
  return region;
}

function renderRound(db: DiscoveryDb, roundId: string) {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <UndoProvider>
          <MemoryRouter initialEntries={[`/board/${roundId}`]}>
            <Routes>
              <Route path="/board/:roundId/*" element={<RoundView />} />
            </Routes>
          </MemoryRouter>
        </UndoProvider>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

describe('New bucket', () => {
  it('offers Undo once the title is typed, naming the typed title', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('board-new-bucket');
    const round = await seededRound(db);
    renderRound(db, round.id);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New bucket' }, { timeout: 5000 }));
    const title = await screen.findByRole('textbox', { name: 'Bucket title' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    // Nothing is announced while the placeholder title is still being replaced.
    expect(toastRegion().textContent).not.toContain('Created');
    await user.keyboard('Flaky CI{Enter}');
    const toast = toastRegion();
    await waitFor(() => expect(toast.textContent).toContain('Created Flaky CI'));
    expect(toast.textContent).not.toContain('New bucket');
    // The round's own Undo button says what it would undo.
    expect(screen.getAllByRole('button', { name: 'Undo' }).map((button) => button.getAttribute('title'))).toContain('Undo: Created Flaky CI (Ctrl/Cmd+Z)');

    await act(async () => within(toast).getByRole('button', { name: 'Undo' }).click());
    await waitFor(async () => expect(await db.buckets.count()).toBe(0));
    await waitFor(() => expect(toastRegion().textContent).toContain('Undone: Created Flaky CI'));
  });

  it('names the kept placeholder when the title is left as it is', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('board-new-bucket-untitled');
    const round = await seededRound(db);
    renderRound(db, round.id);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New bucket' }, { timeout: 5000 }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Bucket title' })));
    await user.tab();
    await waitFor(() => expect(toastRegion().textContent).toContain('Created New bucket'));
    expect(await db.buckets.count()).toBe(1);
  });
});
