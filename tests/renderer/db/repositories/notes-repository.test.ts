import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { createNotesRepository, type NewNote, type NoteCursor } from '../../../../renderer/db/repositories/notes-repository';
import { writeTransaction } from '../../../../renderer/db/repositories/write-transaction';
import { StorageFullError } from '../../../../renderer/db/storage-full-error';
import { CHANNEL_IDS, type Channel } from '../../../../shared/domain/channel';
import type { Note } from '../../../../shared/domain/note';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from '../../../../shared/domain/rich-text';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';
import { uniqueDatabaseName } from '../unique-database-name';
import { UserError } from '../../../../shared/errors/user-error';

const DAY = 24 * 60 * 60 * 1000;

function paragraphs(...lines: string[]): RichTextDoc {
  return { type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function newNote(overrides: Partial<NewNote> = {}): NewNote {
  return { channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: Date.UTC(2025, 0, 1), ...overrides };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('notes repository', () => {
  it('creates a note with a generated id, derived plain text and clock times, and reads it back', async () => {
    const db = await openTestDatabase('notes-create');
    const notes = createNotesRepository(db, createTestDependencies(Date.UTC(2025, 2, 1)));
    const body: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Builds' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'CI takes ' }, { type: 'text', text: '40 minutes', marks: [{ type: 'bold' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'flaky' }, { type: 'hardBreak' }, { type: 'text', text: 'tests' }] }] }] },
      ],
    };

    const created = await notes.create(
      newNote({
        channel: 'sla',
        title: 'Build SLA',
        body,
        occurredAt: Date.UTC(2025, 1, 14),
        personIds: ['contact-1'],
        teams: ['payments'],
        organisation: 'Acme',
        tags: ['ci'],
        links: [{ url: 'https://example.com/dashboard', label: 'Dashboard' }],
        channelFields: { kind: 'sla', service: 'CI', metric: 'latency', expected: '10 min', offered: 'none' },
      }),
    );

    expect(created).toEqual({
      id: 'id-000001',
      channel: 'sla',
      title: 'Build SLA',
      body,
      plainText: 'Builds\nCI takes 40 minutes\nflaky\ntests',
      occurredAt: Date.UTC(2025, 1, 14),
      personIds: ['contact-1'],
      teams: ['payments'],
      organisation: 'Acme',
      tags: ['ci'],
      links: [{ url: 'https://example.com/dashboard', label: 'Dashboard' }],
      channelFields: { kind: 'sla', service: 'CI', metric: 'latency', expected: '10 min', offered: 'none' },
      createdAt: Date.UTC(2025, 2, 1),
      updatedAt: Date.UTC(2025, 2, 1),
    });
    expect(await notes.get('id-000001')).toEqual(created);
    expect(await notes.get('missing')).toBeUndefined();
  });

  it('stores only note fields, whatever else the caller passes', async () => {
    const db = await openTestDatabase('notes-extra');
    const notes = createNotesRepository(db, createTestDependencies());
    const input = { ...newNote(), score: 5 };
    const created = await notes.create(input);
    expect(Object.keys((await notes.get(created.id)) ?? {})).not.toContain('score');
  });

  it('refuses channel fields of another channel', async () => {
    const db = await openTestDatabase('notes-channel-fields');
    const notes = createNotesRepository(db, createTestDependencies());
    await expect(notes.create(newNote({ channel: 'coffee-chat', channelFields: { kind: 'peer-company', company: 'Initech' } }))).rejects.toThrow(
      UserError,
    );
    expect(await db.notes.count()).toBe(0);
  });

  it('updates fields, re-derives plain text, keeps createdAt and clears optional fields given null', async () => {
    const db = await openTestDatabase('notes-update');
    const notes = createNotesRepository(db, createTestDependencies(1_000_000));
    const created = await notes.create(
      newNote({ organisation: 'Acme', channel: 'peer-company', channelFields: { kind: 'peer-company', company: 'Initech' } }),
    );

    const updated = await notes.update(created.id, { title: 'Renamed', body: paragraphs('new text'), organisation: null });
    expect(updated).toEqual({ ...omit(created, 'organisation'), title: 'Renamed', body: paragraphs('new text'), plainText: 'new text', updatedAt: 1_001_000 });
    expect(await notes.get(created.id)).toEqual(updated);

    const moved = await notes.update(created.id, { channel: 'brainstorm', channelFields: null });
    expect(moved?.channel).toBe('brainstorm');
    expect(moved).not.toHaveProperty('channelFields');
    await expect(notes.update(created.id, { channel: 'sla' })).resolves.toMatchObject({ channel: 'sla' });
    expect(await notes.update('missing', { title: 'x' })).toBeUndefined();
  });

  it('deletes a note together with its highlights', async () => {
    const db = await openTestDatabase('notes-delete');
    const notes = createNotesRepository(db, createTestDependencies());
    const kept = await notes.create(newNote({ title: 'Kept' }));
    const gone = await notes.create(newNote({ title: 'Gone' }));
    await db.highlights.bulkAdd([
      { id: 'h1', noteId: gone.id, quote: 'a', tags: [], createdAt: 1, updatedAt: 1 },
      { id: 'h2', noteId: gone.id, quote: 'b', tags: [], createdAt: 1, updatedAt: 1 },
      { id: 'h3', noteId: kept.id, quote: 'c', tags: [], createdAt: 1, updatedAt: 1 },
    ]);

    await notes.delete(gone.id);

    expect(await notes.get(gone.id)).toBeUndefined();
    expect(await db.highlights.toCollection().primaryKeys()).toEqual(['h3']);
    expect(await notes.get(kept.id)).toEqual(kept);
  });

  describe('listNewest', () => {
    it('pages newest first without skipping or repeating notes that share a timestamp', async () => {
      const db = await openTestDatabase('notes-paging');
      const notes = createNotesRepository(db, createTestDependencies());
      // 23 notes over only four distinct dates, so most pages split a run of equal timestamps.
      const created = await notes.createMany(
        Array.from({ length: 23 }, (_, index) => newNote({ title: `n${index}`, occurredAt: Date.UTC(2025, 0, 1) + (index % 4) * DAY })),
      );
      const expected = [...created].sort(byNewest).map((note) => note.id);

      const seen: string[] = [];
      let before: NoteCursor | undefined;
      let pages = 0;
      do {
        const page = await notes.listNewest({ limit: 5, ...(before === undefined ? {} : { before }) });
        seen.push(...page.notes.map((note) => note.id));
        before = page.next;
        pages += 1;
      } while (before !== undefined);

      expect(pages).toBe(5);
      expect(seen).toEqual(expected);
    });

    it('returns no cursor when the page holds the last note, and an empty page for an empty database', async () => {
      const db = await openTestDatabase('notes-paging-end');
      const notes = createNotesRepository(db, createTestDependencies());
      expect(await notes.listNewest({ limit: 10 })).toEqual({ notes: [] });
      await notes.createMany([newNote(), newNote()]);
      const page = await notes.listNewest({ limit: 2 });
      expect(page.notes).toHaveLength(2);
      expect(page.next).toBeUndefined();
    });

    it('reads only the requested page from the table', async () => {
      const db = await openTestDatabase('notes-paging-reads');
      const notes = createNotesRepository(db, createTestDependencies());
      await notes.createMany(Array.from({ length: 200 }, (_, index) => newNote({ occurredAt: index })));
      const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
      const page = await notes.listNewest({ limit: 20 });
      expect(page.notes.map((note) => note.occurredAt)).toEqual(Array.from({ length: 20 }, (_, index) => 199 - index));
      // Dexie reads a page either with a cursor or with getAll; a getAll must be capped at the page (+1).
      const requestedCounts = getAll.mock.calls.map(([queryOrOptions, count]) =>
        typeof queryOrOptions === 'object' && queryOrOptions !== null && 'count' in queryOrOptions ? queryOrOptions.count : count,
      );
      expect(requestedCounts.every((requested) => requested === 21)).toBe(true);
    });

    it('rejects a page size below one', async () => {
      const db = await openTestDatabase('notes-paging-limit');
      const notes = createNotesRepository(db);
      await expect(notes.listNewest({ limit: 0 })).rejects.toThrow(RangeError);
    });
  });

  it('counts notes per channel on the index, listing every channel', async () => {
    const db = await openTestDatabase('notes-count');
    const notes = createNotesRepository(db, createTestDependencies());
    const channels: Channel[] = ['sla', 'sla', 'research', 'sla', 'brainstorm', 'research'];
    await notes.createMany(channels.map((channel, index) => newNote({ channel, occurredAt: index })));
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');

    const counts = await notes.countByChannel();

    expect([...counts.keys()]).toEqual(CHANNEL_IDS);
    expect(Object.fromEntries(counts)).toMatchObject({ sla: 3, research: 2, brainstorm: 1, 'coffee-chat': 0, 'cloud-vendor': 0 });
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(getAll).not.toHaveBeenCalled();
  });

  describe('transactions', () => {
    it('writes all notes of a batch or none', async () => {
      const db = await openTestDatabase('notes-batch');
      // The third id repeats the first, so the batch fails after two rows were added.
      const ids = ['a', 'b', 'a'];
      const notes = createNotesRepository(db, { clock: () => 1, newId: () => ids.shift() ?? 'z' });
      await expect(notes.createMany([newNote(), newNote(), newNote()])).rejects.toThrow();
      expect(await db.notes.count()).toBe(0);
    });

    it('rolls back every write of a transaction that throws midway', async () => {
      const db = await openTestDatabase('notes-rollback');
      const notes = createNotesRepository(db, createTestDependencies());
      const existing = await notes.create(newNote({ title: 'Existing' }));
      await expect(
        writeTransaction(db, [db.notes, db.highlights], async () => {
          await db.notes.delete(existing.id);
          await db.highlights.add({ id: 'h', noteId: existing.id, quote: 'q', tags: [], createdAt: 1, updatedAt: 1 });
          throw new Error('Something failed half-way.');
        }),
      ).rejects.toThrow('Something failed half-way.');
      expect(await notes.get(existing.id)).toEqual(existing);
      expect(await db.highlights.count()).toBe(0);
    });

    it('reports a full disk as StorageFullError and keeps every row of the failed write', async () => {
      const db = new DiscoveryDb(uniqueDatabaseName('notes-quota'));
      let isDiskFilling = false;
      let writes = 0;
      // Once armed, the second write hits the quota, as a big note would on a nearly full disk.
      db.use({
        stack: 'dbcore',
        name: 'full-disk',
        create: (down) => ({
          ...down,
          table: (tableName) => {
            const table = down.table(tableName);
            return {
              ...table,
              mutate: (request) =>
                isDiskFilling && (writes += 1) === 2 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request),
            };
          },
        }),
      });
      await db.open();
      try {
        const notes = createNotesRepository(db, createTestDependencies());
        const note = await notes.create(newNote());
        await db.highlights.add({ id: 'h', noteId: note.id, quote: 'q', tags: [], createdAt: 1, updatedAt: 1 });
        isDiskFilling = true;

        const failure = notes.delete(note.id);
        await expect(failure).rejects.toBeInstanceOf(StorageFullError);
        await expect(failure).rejects.toThrow('Your disk is full, so this change was not saved. Free some space and try again; your text is still here.');
        expect(await notes.get(note.id)).toEqual(note);
        expect(await db.highlights.count()).toBe(1);
      } finally {
        db.close();
      }
    });
  });
});

function byNewest(a: Note, b: Note): number {
  return b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}
