import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { useCreateNote } from '../../../../renderer/features/discovery/use-create-note';
import { openTestDatabase } from '../../db/open-test-database';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

function Harness() {
  const createNote = useCreateNote();
  const location = useLocation();
  return (
    <>
      <button type="button" onClick={() => void createNote('brainstorm')}>
        New note
      </button>
      <p data-testid="location">{location.pathname}</p>
    </>
  );
}

function renderHarness(db: DiscoveryDb) {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter initialEntries={['/discovery']}>
          <Harness />
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

/** Makes every add to the notes table fail as IndexedDB does when the disk is full. */
function fillDisk(db: DiscoveryDb, error: unknown) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(db.notes, 'add').mockRejectedValue(error);
}

describe('New note', () => {
  it('opens the new note when it is stored', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('create-note-ok');
    renderHarness(db);
    await act(async () => screen.getByRole('button', { name: 'New note' }).click());
    await vi.waitFor(async () => expect(await db.notes.count()).toBe(1));
    const [note] = await db.notes.toArray();
    await vi.waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/discovery/notes/${note?.id ?? ''}`));
  });

  it('on a full disk says it was not created and why, writes nothing and stays where it was', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('create-note-full-disk');
    const metaBefore = await db.meta.toArray();
    fillDisk(db, new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    renderHarness(db);
    await act(async () => screen.getByRole('button', { name: 'New note' }).click());
    expect(await screen.findByText(/^Not created: your disk is full, so the new note could not be stored\. Free some space/)).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/discovery');
    expect(await db.notes.count()).toBe(0);
    // Not even the kept note counts moved: the create is one transaction.
    expect(await db.meta.toArray()).toEqual(metaBefore);
  });

  it('on any other failure says so without the raw error text', { timeout: 20_000 }, async () => {
    const db = await openTestDatabase('create-note-other-failure');
    fillDisk(db, new TypeError('e.replace is not a function'));
    renderHarness(db);
    await act(async () => screen.getByRole('button', { name: 'New note' }).click());
    expect(await screen.findByText('Not created: the new note could not be stored. Try again; if it keeps failing, reload the app.')).toBeTruthy();
    expect(screen.queryByText(/e\.replace/)).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/discovery');
  });
});
