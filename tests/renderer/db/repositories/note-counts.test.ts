import { describe, expect, it, vi } from 'vitest';
import { createNotesRepository, type NewNote } from '../../../../renderer/db/repositories/notes-repository';
import { readNoteCounts } from '../../../../renderer/db/repositories/note-counts';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';

const note = (overrides: Partial<NewNote> = {}): NewNote => ({ channel: 'coffee-chat', title: 'n', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1, ...overrides });

describe('kept note counts', () => {
  it('follow every create, channel change, delete and undo, so the inbox never counts on the index', async () => {
    const db = await openTestDatabase('note-counts');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.ensureCounts();
    const first = await notes.create(note());
    await notes.createMany([note({ channel: 'sla', channelFields: { kind: 'sla', service: 's', metric: 'latency', expected: '1 s' } }), note()]);
    await notes.update(first.id, { channel: 'research', channelFields: { kind: 'research' } });
    const deleted = await notes.delete(first.id);
    expect((await readNoteCounts(db))?.total).toBe(2);
    if (deleted) await notes.restore(deleted);

    const counts = await readNoteCounts(db);
    expect(counts?.total).toBe(3);
    expect(counts?.byChannel.get('research')).toBe(1);
    expect(counts?.byChannel.get('sla')).toBe(1);
    expect(counts?.byChannel.get('coffee-chat')).toBe(1);

    const count = vi.spyOn(db.notes, 'count');
    const result = await notes.query({}, 2);
    expect(result.total).toBe(3);
    expect((await notes.query({ channel: 'sla' }, 2)).total).toBe(1);
    expect((await notes.countByChannel()).get('research')).toBe(1);
    expect(count).not.toHaveBeenCalled();
  });

  it('are rebuilt when missing (a bulk-loaded or older workspace), and say "unknown" until then', async () => {
    const db = await openTestDatabase('note-counts-missing');
    const notes = createNotesRepository(db, createTestDependencies());
    await db.notes.bulkAdd([
      { ...(await notes.create(note())), id: 'raw-1' },
      { ...(await notes.create(note({ channel: 'brainstorm' }))), id: 'raw-2' },
    ]);
    await db.meta.delete('noteCounts');
    expect((await notes.query({}, 10)).total).toBeNull();
    expect((await notes.countByChannel()).get('brainstorm')).toBe(2);

    await notes.ensureCounts();
    expect((await notes.query({}, 10)).total).toBe(4);
  });

  it('with a date filter report no total rather than walk the range', async () => {
    const db = await openTestDatabase('note-counts-dates');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.ensureCounts();
    await notes.create(note({ occurredAt: 10 }));
    const result = await notes.query({ from: 0, to: 20 }, 10);
    expect(result.notes).toHaveLength(1);
    expect(result.total).toBeNull();
  });
});

describe('kept tag, team and organisation counts', () => {
  it('list the values in use without walking the indexes, following edits and deletes', async () => {
    const db = await openTestDatabase('note-facets');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.ensureCounts();
    const first = await notes.create(note({ tags: ['ci', 'latency'], teams: ['payments'], organisation: 'Acme' }));
    await notes.create(note({ tags: ['ci'], teams: ['search'] }));
    await notes.update(first.id, { tags: ['flaky'], organisation: null });

    const uniqueKeys = vi.spyOn(db.notes, 'orderBy');
    expect(await notes.distinctValues('tags')).toEqual(['ci', 'flaky']);
    expect(await notes.distinctValues('teams')).toEqual(['payments', 'search']);
    expect(await notes.distinctValues('organisation')).toEqual([]);
    expect(uniqueKeys).not.toHaveBeenCalled();

    await notes.delete(first.id);
    expect(await notes.distinctValues('tags')).toEqual(['ci']);
    expect((await readNoteCounts(db))?.tags.get('ci')).toBe(1);
  });

  it('are rebuilt from the indexes with everything else', async () => {
    const db = await openTestDatabase('note-facets-rebuild');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.create(note({ tags: ['a', 'b'], teams: ['t'], organisation: 'Org' }));
    await notes.create(note({ tags: ['a'] }));
    await db.meta.delete('noteCounts');
    await notes.ensureCounts();
    const counts = await readNoteCounts(db);
    expect(counts?.tags).toEqual(new Map([['a', 2], ['b', 1]]));
    expect(counts?.teams).toEqual(new Map([['t', 1]]));
    expect(counts?.organisations).toEqual(new Map([['Org', 1]]));
  });
});
