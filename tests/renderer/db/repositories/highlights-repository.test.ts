import { describe, expect, it } from 'vitest';
import { createHighlightsRepository } from '../../../../renderer/db/repositories/highlights-repository';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createContactsRepository } from '../../../../renderer/db/repositories/contacts-repository';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';

describe('highlights repository', () => {
  it('creates highlights with clean tags, lists them per note and newest first, and deletes them with their note', async () => {
    const db = await openTestDatabase('highlights');
    const dependencies = createTestDependencies();
    const notes = createNotesRepository(db, dependencies);
    const highlights = createHighlightsRepository(db, dependencies);
    const note = await notes.create({ channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });

    const first = await highlights.create({ noteId: note.id, quote: '  CI takes 40 minutes ', tags: [' ci ', 'ci', '', 'speed'] });
    const second = await highlights.create({ noteId: note.id, quote: 'flaky tests' });
    expect(first.quote).toBe('CI takes 40 minutes');
    expect(first.tags).toEqual(['ci', 'speed']);
    expect((await highlights.listForNote(note.id)).map((row) => row.id)).toEqual([first.id, second.id]);
    expect((await highlights.listAll()).map((row) => row.id)).toEqual([second.id, first.id]);

    await highlights.setTags(second.id, ['flaky']);
    expect(await highlights.distinctTags()).toEqual(['ci', 'flaky', 'speed']);

    await notes.delete(note.id);
    expect(await highlights.listAll()).toEqual([]);
  });

  it('refuses an empty selection and a note that does not exist, writing nothing', async () => {
    const db = await openTestDatabase('highlights-bad');
    const highlights = createHighlightsRepository(db, createTestDependencies());
    await expect(highlights.create({ noteId: 'missing', quote: 'text' })).rejects.toThrow('Save the note before highlighting');
    await expect(highlights.create({ noteId: 'missing', quote: '   ' })).rejects.toThrow('Select some text');
    expect(await highlights.listAll()).toEqual([]);
  });
});

describe('contacts autocomplete', () => {
  it('finds contacts by name prefix ignoring case, and gets many by id in order', async () => {
    const db = await openTestDatabase('contacts-search');
    const contacts = createContactsRepository(db, createTestDependencies());
    const ada = await contacts.create({ name: 'Ada Lovelace' });
    const alan = await contacts.create({ name: 'alan Turing' });
    const grace = await contacts.create({ name: 'Grace Hopper' });
    expect((await contacts.searchByName('A', 10)).map((row) => row.name)).toEqual(['Ada Lovelace', 'alan Turing']);
    expect((await contacts.searchByName('  ALA', 10)).map((row) => row.name)).toEqual(['alan Turing']);
    expect((await contacts.searchByName('', 2)).map((row) => row.name)).toEqual(['Ada Lovelace', 'alan Turing']);
    expect((await contacts.getMany([grace.id, 'missing', ada.id])).map((row) => row.id)).toEqual([grace.id, ada.id]);
    expect(alan.nameKey).toBe('alan turing');
  });
});

describe('deleting a note', () => {
  it('returns what it removed so the deletion can be undone exactly', async () => {
    const db = await openTestDatabase('note-undo');
    const dependencies = createTestDependencies();
    const notes = createNotesRepository(db, dependencies);
    const highlights = createHighlightsRepository(db, dependencies);
    const note = await notes.create({ channel: 'sla', title: 'Cache SLA', body: EMPTY_RICH_TEXT_DOC, occurredAt: 5, tags: ['cache'] });
    const highlight = await highlights.create({ noteId: note.id, quote: 'p99 under 200 ms', tags: ['latency'] });

    const deleted = await notes.delete(note.id);
    expect(await notes.get(note.id)).toBeUndefined();
    expect(deleted).toEqual({ note, highlights: [highlight] });
    expect(await notes.delete(note.id)).toBeUndefined();

    if (deleted) await notes.restore(deleted);
    expect(await notes.get(note.id)).toEqual(note);
    expect(await highlights.listForNote(note.id)).toEqual([highlight]);
  });
});

describe('note bodies', () => {
  it('are cleaned on the way in, whoever writes them', async () => {
    const db = await openTestDatabase('note-sanitize');
    const notes = createNotesRepository(db, createTestDependencies());
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)' },
          content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href: 'JaVaScRiPt:alert(1)' } }] }],
        },
        { type: 'script', content: [{ type: 'text', text: 'kept words' }] },
      ],
    } as const;
    const created = await notes.create({ channel: 'research', title: 'Paper', body: hostile, occurredAt: 1 });
    const stored = JSON.stringify(await notes.get(created.id));
    expect(stored).not.toMatch(/javascript|onclick|script/i);
    expect(created.plainText).toContain('click me');
    expect(created.plainText).toContain('kept words');
  });
});
