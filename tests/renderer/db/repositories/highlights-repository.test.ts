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
