import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepositories, journalEdit, recoverJournaledEdits, solutionForm } from '../../../renderer/db';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import { openTestDatabase } from './open-test-database';

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const repositories = createRepositories(db);
  await db.buckets.add({ id: 'b1', roundId: 'r1', title: 'Slow deploys', statement: '', solutionKind: 'eliminate', createdAt: 1, updatedAt: 1 });
  const solution = await repositories.validation.createSolution('b1', 'Remote cache');
  return { db, repositories, solution };
}

const journalKeys = () => Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '').filter((key) => key.startsWith('discovery-desk:unsaved'));

describe('form journal', () => {
  it('writes an edit journaled before a reload back through the form’s store, then forgets it', async () => {
    const { db, repositories, solution } = await setUp('journal-recover');
    const base = solutionForm.project(solution);
    expect(journalEdit('solution', solution.id, { ...base, description: 'Typed just before the crash' }, base)).toBe(true);

    expect(await recoverJournaledEdits(db)).toEqual({ recovered: 1, conflicts: 0 });
    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Typed just before the crash');
    expect(journalKeys()).toEqual([]);
  });

  it('keeps newer stored text as a conflict copy when the journaled edit started from older text', async () => {
    const { db, repositories, solution } = await setUp('journal-conflict');
    const base = solutionForm.project(solution);
    journalEdit('solution', solution.id, { ...base, description: 'Journaled in a window that crashed' }, base);
    await repositories.validation.updateSolution(solution.id, { description: 'Saved later in another window' });

    expect(await recoverJournaledEdits(db)).toEqual({ recovered: 1, conflicts: 1 });
    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Journaled in a window that crashed');
    const copies = await repositories.conflictCopies.listFor('solution', solution.id);
    expect(copies.map((copy) => copy.text)).toEqual([expect.stringContaining('Saved later in another window')]);
  });

  it('leaves the journal of a window that is still open to that window', async () => {
    const { db, repositories, solution } = await setUp('journal-open-window');
    const base = solutionForm.project(solution);
    localStorage.setItem(
      `discovery-desk:unsaved:solution:${solution.id}:other-window`,
      JSON.stringify({ kind: 'solution', id: solution.id, window: 'other-window', value: { ...base, title: 'Still typing' }, base, at: Date.now() }),
    );
    vi.stubGlobal('navigator', { ...navigator, locks: { query: async () => ({ held: [{ name: 'discovery-desk:window:other-window' }] }), request: () => Promise.resolve() } });

    expect(await recoverJournaledEdits(db)).toEqual({ recovered: 0, conflicts: 0 });
    expect((await repositories.validation.getSolution(solution.id))?.title).toBe('Remote cache');
    expect(journalKeys()).toHaveLength(1);
  });

  it('still recovers note edits journaled by the previous build', async () => {
    const { db, repositories } = await setUp('journal-legacy');
    const note = await repositories.notes.create({ channel: 'brainstorm', title: 'Ideas', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    localStorage.setItem(`discovery-desk:unsaved-note:${note.id}`, JSON.stringify({ noteId: note.id, changes: { title: 'Ideas for the build farm' }, at: note.updatedAt + 500 }));

    expect((await recoverJournaledEdits(db)).recovered).toBe(1);
    expect((await repositories.notes.get(note.id))?.title).toBe('Ideas for the build farm');
    expect(journalKeys()).toEqual([]);
  });
});
