import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, DatabaseContext, solutionForm, noteForm, type DiscoveryDb } from '../../../renderer/db';
import { SaveStatus, useFormSave } from '../../../renderer/forms';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import type { Note } from '../../../shared/domain/note';
import { openTestDatabase } from '../db/open-test-database';

afterEach(() => localStorage.clear());

function wrapperFor(db: DiscoveryDb) {
  return function Wrapper({ children }: { readonly children: ReactNode }) {
    return <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>{children}</DatabaseContext.Provider>;
  };
}

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const repositories = createRepositories(db);
  await db.buckets.add({ id: 'b1', roundId: 'r1', title: 'Slow deploys', statement: '', solutionKind: 'eliminate', createdAt: 1, updatedAt: 1 });
  const solution = await repositories.validation.createSolution('b1', 'Remote cache');
  return { db, repositories, solution };
}

const journalEntries = () =>
  Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '')
    .filter((key) => key.startsWith('discovery-desk:unsaved:'))
    .map((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { value: unknown });

describe('useFormSave', () => {
  it('journals each change synchronously, before any save runs, then saves it and forgets the journal', async () => {
    const { db, repositories, solution } = await setUp('form-save-journal');
    const { result } = renderHook(() => useFormSave({ store: solutionForm, id: solution.id, initial: solution, delayMs: 10 }), { wrapper: wrapperFor(db) });

    act(() => result.current.update((current) => ({ ...current, description: 'Typed' })));
    // Nothing awaited yet: a reload or a crash now would find this in the journal.
    expect(journalEntries()).toEqual([expect.objectContaining({ value: expect.objectContaining({ description: 'Typed' }) })]);
    expect(result.current.status).not.toBe('saved');

    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Typed');
    expect(journalEntries()).toEqual([]);
  });

  it('shows what another window saved while nothing typed here waits', async () => {
    const { db, repositories, solution } = await setUp('form-save-other-window');
    const { result } = renderHook(() => useFormSave({ store: solutionForm, id: solution.id, initial: solution, delayMs: 10 }), { wrapper: wrapperFor(db) });
    const revision = result.current.revision;

    await act(() => repositories.validation.updateSolution(solution.id, { description: 'From the other window' }));
    await waitFor(() => expect(result.current.value.description).toBe('From the other window'));
    expect(result.current.revision).toBeGreaterThan(revision);
  });

  it('keeps both versions when this window typed on text another window had changed', async () => {
    const { db, repositories, solution } = await setUp('form-save-conflict');
    const { result } = renderHook(() => useFormSave({ store: solutionForm, id: solution.id, initial: solution, delayMs: 60_000 }), { wrapper: wrapperFor(db) });

    act(() => result.current.update((current) => ({ ...current, description: 'Mine' })));
    await act(() => repositories.validation.updateSolution(solution.id, { description: 'Theirs' }));
    await act(async () => void (await result.current.flush()));

    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Mine');
    await waitFor(() => expect(result.current.conflictCopies.map((copy) => copy.text)).toEqual([expect.stringContaining('Description: Theirs')]));
  });

  it('says plainly that text too large to store was not saved, and never "Saved"', async () => {
    const { db, repositories } = await setUp('form-save-too-large');
    const note = await repositories.notes.create({ channel: 'brainstorm', title: 'Long', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    function Form({ initial }: { readonly initial: Note }) {
      const form = useFormSave({ store: noteForm, id: initial.id, initial, delayMs: 10 });
      const paste = () => form.update((current) => ({ ...current, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(5_000_001) }] }] } }));
      return (
        <>
          <button type="button" onClick={paste}>
            Paste
          </button>
          <SaveStatus form={form} />
        </>
      );
    }
    render(<Form initial={note} />, { wrapper: wrapperFor(db) });
    act(() => screen.getByRole('button', { name: 'Paste' }).click());

    expect(await screen.findByText(/^Not saved: This text is too long to save/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('Saved')).toBeNull();
    expect((await repositories.notes.get(note.id))?.body).toEqual(note.body);
  }, 30_000);
});
