import { describe, expect, it } from 'vitest';
import { createRepositories, FormSaveError, noteForm, saveForm, solutionForm, draftFromNote } from '../../../renderer/db';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import { openTestDatabase } from './open-test-database';

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const repositories = createRepositories(db);
  await db.buckets.add({ id: 'b1', roundId: 'r1', title: 'Slow deploys', statement: '', solutionKind: 'eliminate', createdAt: 1, updatedAt: 1 });
  const solution = await repositories.validation.createSolution('b1', 'Remote cache');
  return { db, repositories, solution };
}

describe('saveForm', () => {
  it('writes an edit made on the stored version, and keeps no copy', async () => {
    const { db, repositories, solution } = await setUp('save-form-plain');
    const base = solutionForm.project(solution);
    const outcome = await saveForm(db, solutionForm, solution.id, { ...base, description: 'Warm the cache at night' }, base);
    expect(outcome.conflictCopy).toBeUndefined();
    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Warm the cache at night');
    expect(await repositories.conflictCopies.listFor('solution', solution.id)).toEqual([]);
  });

  it('keeps the other window’s version as a conflict copy when an edit was made on older text', async () => {
    const { db, repositories, solution } = await setUp('save-form-conflict');
    const base = solutionForm.project(solution);
    // Window A saves first; window B still shows the text both started from.
    await saveForm(db, solutionForm, solution.id, { ...base, description: 'Text from window A' }, base);
    const outcome = await saveForm(db, solutionForm, solution.id, { ...base, description: 'Text from window B' }, base);

    expect((await repositories.validation.getSolution(solution.id))?.description).toBe('Text from window B');
    expect(outcome.conflictCopy?.text).toContain('Description: Text from window A');
    const copies = await repositories.conflictCopies.listFor('solution', solution.id);
    expect(copies.map((copy) => copy.text)).toEqual([expect.stringContaining('Text from window A')]);
  });

  it('refuses rich text too long to store whole, before anything is written', async () => {
    const { db, repositories } = await setUp('save-form-too-large');
    const note = await repositories.notes.create({ channel: 'brainstorm', title: 'Long', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    const base = draftFromNote(note);
    const huge = { ...base, body: paragraph('x'.repeat(5_000_001)) };

    await expect(saveForm(db, noteForm, note.id, huge, base)).rejects.toThrow(FormSaveError);
    await expect(saveForm(db, noteForm, note.id, huge, base)).rejects.toThrow(/too long to save/);
    expect((await repositories.notes.get(note.id))?.body).toEqual(note.body);
  });

  it('refuses a save to a record deleted elsewhere, saying so', async () => {
    const { db, repositories, solution } = await setUp('save-form-deleted');
    const base = solutionForm.project(solution);
    await repositories.validation.deleteSolution(solution.id);
    await expect(saveForm(db, solutionForm, solution.id, { ...base, title: 'Again' }, base)).rejects.toThrow('This solution was deleted in another window');
  });
});
