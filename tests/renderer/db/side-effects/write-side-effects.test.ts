import { describe, expect, it } from 'vitest';
import { readNoteCounts } from '../../../../renderer/db/repositories/note-counts';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { committedWritesMessage, MAX_ANNOUNCED_KEYS, parseCommittedWritesMessage } from '../../../../renderer/db/side-effects/committed-writes-channel';
import type { CommittedTableWrites } from '../../../../renderer/db/side-effects/write-side-effects';
import type { Note } from '../../../../shared/domain/note';
import type { RichTextDoc } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

const doc = (text: string): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('write side effects', () => {
  it('follow a write made straight on the table, even through Dexie’s update', async () => {
    const db = await openTestDatabase('side-effects-raw');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.ensureCounts();
    const created = await notes.create({ channel: 'coffee-chat', title: 'Raw', body: doc('old words'), occurredAt: 1, tags: ['a'] });
    const commits: (readonly CommittedTableWrites[])[] = [];
    db.sideEffects.onCommit((commit) => commits.push(commit));

    await db.notes.update(created.id, { body: doc('new words'), tags: ['b'] });
    expect((await db.notes.get(created.id))?.plainText).toBe('new words');
    expect((await readNoteCounts(db))?.tags).toEqual(new Map([['b', 1]]));
    expect(commits).toEqual([[{ table: 'notes', written: [created.id], deleted: [], isRangeDeleted: false }]]);
  });

  it('roll back with the write and announce nothing when the transaction fails', async () => {
    const db = await openTestDatabase('side-effects-abort');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.ensureCounts();
    const commits: unknown[] = [];
    db.sideEffects.onCommit((commit) => commits.push(commit));
    const note = { id: 'n1', channel: 'coffee-chat', title: 'Lost', body: doc('x'), plainText: '', occurredAt: 1, personIds: [], teams: [], tags: ['t'], links: [], createdAt: 1, updatedAt: 1 } satisfies Note;
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.add(note);
        throw new Error('fails after the write');
      }),
    ).rejects.toThrow('fails after the write');
    expect(await db.notes.count()).toBe(0);
    expect((await readNoteCounts(db))?.total).toBe(0);
    // Give a stray 'complete' event the chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(commits).toEqual([]);
  });

  it('announce a bulk write without its keys, and read back only well-formed messages', () => {
    const many = Array.from({ length: MAX_ANNOUNCED_KEYS + 1 }, (_, index) => `n${index}`);
    expect(committedWritesMessage([{ table: 'notes', written: many, deleted: [], isRangeDeleted: false }])).toEqual({
      type: 'committed',
      tables: [{ table: 'notes', written: [], deleted: [], isRangeDeleted: true }],
    });
    const few = { table: 'contacts', written: ['c1'], deleted: ['c2'], isRangeDeleted: false };
    expect(parseCommittedWritesMessage(committedWritesMessage([few]))).toEqual([few]);
    expect(parseCommittedWritesMessage({ type: 'committed', tables: [{ table: 'notes', written: [1], deleted: [], isRangeDeleted: false }] })).toBeUndefined();
    expect(parseCommittedWritesMessage({ type: 'other' })).toBeUndefined();
  });
});

describe('several side-effect sets on one table', () => {
  it('all run, and afterCommit hears each committed change once and nothing of an aborted transaction', async () => {
    const db = await openTestDatabase('side-effects-after-commit');
    const seen: { key: string; before: unknown; after: unknown }[] = [];
    const derived: string[] = [];
    db.sideEffects.register<{ key: string; value: unknown }>('settings', { beforeWrite: (row) => (derived.push(row.key), row) });
    db.sideEffects.register<{ key: string; value: unknown }>('settings', { afterCommit: (changes) => seen.push(...changes) });
    await db.settings.put({ key: 'theme', value: 'dark' });
    await db.settings.put({ key: 'theme', value: 'light' });
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'theme', value: 'system' });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    await db.settings.delete('theme');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(derived).toEqual(['theme', 'theme', 'theme']);
    expect(seen).toEqual([
      { key: 'theme', before: undefined, after: { key: 'theme', value: 'dark' } },
      { key: 'theme', before: { key: 'theme', value: 'dark' }, after: { key: 'theme', value: 'light' } },
      { key: 'theme', before: { key: 'theme', value: 'light' }, after: undefined },
    ]);
  });
});
