import { describe, expect, it } from 'vitest';
import { createContactsRepository } from '../../../../renderer/db/repositories/contacts-repository';
import { createNotesRepository, type NewNote } from '../../../../renderer/db/repositories/notes-repository';
import { createPeopleRepository } from '../../../../renderer/db/repositories/people-repository';
import { readNoteCounts, recountNotes } from '../../../../renderer/db/repositories/note-counts';
import { contactImportWrites, guessContactColumns, planContactImport, readContactTable } from '../../../../shared/contacts/contact-csv';
import type { Channel } from '../../../../shared/domain/channel';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 5);
const EMPTY = { type: 'doc', content: [{ type: 'paragraph' }] } as const;

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const deps = createTestDependencies(NOW);
  const contacts = createContactsRepository(db, deps);
  const notes = createNotesRepository(db, deps);
  const people = createPeopleRepository(db, deps);
  const note = (channel: Channel, daysAgo: number, personIds: readonly string[], extra: Partial<NewNote> = {}) =>
    notes.create({ channel, title: `${channel} ${daysAgo}`, body: EMPTY, occurredAt: NOW - daysAgo * DAY, personIds, ...extra });
  return { db, contacts, notes, people, note };
}

describe('people repository', () => {
  it('counts a person’s asks in 30 and 90 days through the indexes, surveys once each, leaving out a note being edited', async () => {
    const { db, contacts, people, note } = await setUp('people-load');
    const ada = await contacts.create({ name: 'Ada', team: 'Payments' });
    const grace = await contacts.create({ name: 'Grace' });
    const chat = await note('coffee-chat', 2, [ada.id]);
    await note('discussion-group', 40, [ada.id, grace.id]);
    await note('research', 1, [ada.id]);
    await note('survey-response', 1, [ada.id]);
    await note('sla', 200, [ada.id]);
    await db.surveys.add({ id: 's1', title: 'Platform survey', sourceFileName: 'a.csv', importedAt: NOW - 5 * DAY, createdAt: 0, updatedAt: 0 });
    await db.surveyResponses.bulkAdd([
      { id: 'r1', surveyId: 's1', respondentKey: 'k1', contactId: ada.id, answers: {} },
      { id: 'r2', surveyId: 's1', respondentKey: 'k2', contactId: ada.id, submittedAt: NOW - 6 * DAY, answers: {} },
    ]);

    const loads = await people.loadOfPeople([ada.id, grace.id], NOW);
    expect(loads.get(ada.id)).toEqual({ last30: 2, last90: 3, lastAskedAt: NOW - 2 * DAY });
    expect(loads.get(grace.id)).toEqual({ last30: 0, last90: 1, lastAskedAt: NOW - 40 * DAY });
    expect((await people.loadOfPeople([ada.id], NOW, chat.id)).get(ada.id)).toMatchObject({ last30: 1, last90: 2 });
    expect(await people.loadOfTeam('Payments', NOW)).toMatchObject({ last30: 3, last90: 4 });
  });

  it('lists a person’s history newest first: notes, the survey (opening their own response) and workshops', async () => {
    const { db, contacts, people, note } = await setUp('people-history');
    const ada = await contacts.create({ name: 'Ada' });
    const older = await note('coffee-chat', 10, [ada.id]);
    const newer = await note('email-check-in', 1, [ada.id]);
    await db.surveys.add({ id: 's1', title: 'Platform survey', sourceFileName: 'a.csv', importedAt: NOW - 5 * DAY, createdAt: 0, updatedAt: 0 });
    await db.surveyResponses.add({ id: 'r1', surveyId: 's1', respondentKey: 'k1', contactId: ada.id, answers: {} });
    await db.workshops.add({ id: 'w1', roundId: 'round', participants: [{ id: 'p', name: 'Ada', contactId: ada.id }], phase: 'grouping', votesPerParticipant: 3, areVotesRevealed: false, createdAt: NOW - 3 * DAY, updatedAt: 0 });
    const history = await people.historyOfPerson(ada.id);
    expect(history.map((entry) => [entry.kind, entry.id, entry.href])).toEqual([
      ['note', newer.id, `/discovery/notes/${newer.id}`],
      ['workshop', 'w1', '/board/round'],
      ['survey', 's1', '/surveys/s1/respondents/r1'],
      ['note', older.id, `/discovery/notes/${older.id}`],
    ]);
  });

  it('lists teams named on contacts or only on notes, and a team history from tagged notes and its members', async () => {
    const { db, contacts, people, note } = await setUp('people-teams');
    await recountNotes(db);
    const ada = await contacts.create({ name: 'Ada', team: 'Payments', organisation: 'Finance' });
    const byMember = await note('coffee-chat', 3, [ada.id]);
    const tagged = await note('brainstorm', 1, [], { teams: ['Payments', 'Storage'] });
    await note('research', 2, []);
    expect(await people.teams()).toEqual([
      { name: 'Payments', contacts: 1, notes: 1 },
      { name: 'Storage', contacts: 0, notes: 1 },
    ]);
    expect((await people.historyOfGroup('team', 'Payments', 10)).map((entry) => entry.id)).toEqual([tagged.id, byMember.id]);
    expect((await people.historyOfGroup('organisation', 'Finance', 10)).map((entry) => entry.id)).toEqual([byMember.id]);
    expect((await people.historyOfGroup('team', 'Payments', 1)).map((entry) => entry.id)).toEqual([tagged.id]);
  });

  it('merges a duplicate in one go: notes, responses, planned chats and workshops point at the kept contact; undo puts it all back', async () => {
    const { db, contacts, notes, people, note } = await setUp('people-merge');
    const ada = await contacts.create({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const dup = await contacts.create({ name: 'A. Lovelace', team: 'Payments' });
    const grace = await contacts.create({ name: 'Grace' });
    await recountNotes(db);
    const both = await note('discussion-group', 1, [ada.id, dup.id, grace.id], { tags: ['deploys'] });
    const onlyDup = await note('coffee-chat', 2, [dup.id]);
    await db.surveyResponses.add({ id: 'r1', surveyId: 's1', respondentKey: 'k1', contactId: dup.id, answers: {} });
    await db.plannedChats.add({ id: 'c1', contactId: dup.id, plannedFor: NOW + DAY, createdAt: 0, updatedAt: 0 });
    await db.workshops.add({ id: 'w1', roundId: 'round', participants: [{ id: 'p', name: 'A', contactId: dup.id }], phase: 'grouping', votesPerParticipant: 3, areVotesRevealed: false, createdAt: 0, updatedAt: 0 });
    const countsBefore = await readNoteCounts(db);
    expect(await people.impactOf(dup.id)).toEqual({ notes: 2, surveyResponses: 1, plannedChats: 1, workshops: 1 });

    const undo = await people.merge(ada.id, dup.id, { name: 'kept' });
    expect(await contacts.get(dup.id)).toBeUndefined();
    expect(await contacts.get(ada.id)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', team: 'Payments' });
    expect((await notes.get(both.id))?.personIds).toEqual([ada.id, grace.id]);
    const rewritten = await notes.get(onlyDup.id);
    expect(rewritten?.personIds).toEqual([ada.id]);
    expect(rewritten?.updatedAt).toBeGreaterThan(onlyDup.updatedAt);
    expect((await db.surveyResponses.get('r1'))?.contactId).toBe(ada.id);
    expect((await db.plannedChats.get('c1'))?.contactId).toBe(ada.id);
    expect((await db.workshops.get('w1'))?.participants[0]?.contactId).toBe(ada.id);
    expect(await readNoteCounts(db)).toEqual(countsBefore);
    expect((await people.historyOfPerson(ada.id)).map((entry) => entry.kind)).toEqual(['note', 'note', 'workshop']);

    await people.undo(undo);
    expect(await contacts.get(dup.id)).toEqual(dup);
    expect(await contacts.get(ada.id)).toEqual(ada);
    expect((await notes.get(both.id))?.personIds).toEqual([ada.id, dup.id, grace.id]);
    expect((await db.surveyResponses.get('r1'))?.contactId).toBe(dup.id);
    expect((await db.plannedChats.get('c1'))?.contactId).toBe(dup.id);
    expect((await db.workshops.get('w1'))?.participants[0]?.contactId).toBe(dup.id);
  });

  it('refuses to merge a contact with itself or a missing one, changing nothing', async () => {
    const { contacts, people, notes, note } = await setUp('people-merge-bad');
    const ada = await contacts.create({ name: 'Ada' });
    const chat = await note('coffee-chat', 1, [ada.id]);
    await expect(people.merge(ada.id, ada.id, {})).rejects.toThrow(/two different/);
    await expect(people.merge(ada.id, 'missing', {})).rejects.toThrow(/no longer exists/);
    expect((await notes.get(chat.id))?.personIds).toEqual([ada.id]);
  });

  it('deletes a contact keeping the notes that mention them, and undoes it', async () => {
    const { db, contacts, notes, people, note } = await setUp('people-delete');
    const ada = await contacts.create({ name: 'Ada' });
    const grace = await contacts.create({ name: 'Grace' });
    const chat = await note('discussion-group', 1, [ada.id, grace.id]);
    await db.surveyResponses.add({ id: 'r1', surveyId: 's1', respondentKey: 'k1', contactId: ada.id, answers: {} });
    await db.plannedChats.add({ id: 'c1', contactId: ada.id, plannedFor: NOW + DAY, createdAt: 0, updatedAt: 0 });
    const undo = await people.delete(ada.id);
    expect(await contacts.get(ada.id)).toBeUndefined();
    expect((await notes.get(chat.id))?.personIds).toEqual([grace.id]);
    expect(await db.surveyResponses.get('r1')).toMatchObject({ id: 'r1' });
    expect((await db.surveyResponses.get('r1'))?.contactId).toBeUndefined();
    expect(await db.plannedChats.get('c1')).toBeUndefined();
    await people.undo(undo);
    expect(await contacts.get(ada.id)).toEqual(ada);
    expect((await notes.get(chat.id))?.personIds).toEqual([ada.id, grace.id]);
    expect((await db.surveyResponses.get('r1'))?.contactId).toBe(ada.id);
    expect(await db.plannedChats.get('c1')).toBeDefined();
  });

  it('imports contacts from a file all at once, detecting stored duplicates and updating them when asked', async () => {
    const { contacts, people } = await setUp('people-import');
    const grace = await contacts.create({ name: 'Grace Hopper', email: 'grace@example.com' });
    const read = readContactTable(new TextEncoder().encode('Name,Email,Team\nAda,ada@example.com,Payments\nGrace H.,GRACE@example.com,Compilers\n'));
    if (!read.ok) throw new Error(read.problem.message);
    const roles = guessContactColumns(read.table.headers);
    const plan = planContactImport(read.table, roles, await people.existingKeys(['ada@example.com', 'grace@example.com'], ['ada', 'grace h.']));
    expect(plan.rows[1]?.duplicate).toEqual({ of: 'existing', contactId: grace.id, by: 'email' });
    expect(await people.importContacts(contactImportWrites(plan, 'update'))).toEqual({ created: 1, updated: 1 });
    expect(await contacts.get(grace.id)).toMatchObject({ name: 'Grace H.', team: 'Compilers', email: 'grace@example.com' });
    expect((await people.findContacts({ search: 'ada' }, 10)).contacts.map((contact) => contact.email)).toEqual(['ada@example.com']);
    expect((await people.findContacts({ team: 'Compilers' }, 10)).contacts.map((contact) => contact.id)).toEqual([grace.id]);
    expect(await people.teams()).toEqual([
      { name: 'Compilers', contacts: 1, notes: 0 },
      { name: 'Payments', contacts: 1, notes: 0 },
    ]);
  });

  it('finds stored duplicates by name the same way for a few names or for thousands', async () => {
    const { contacts, people } = await setUp('people-existing-keys');
    const ada = await contacts.create({ name: 'Ada' });
    const many = Array.from({ length: 500 }, (_, index) => `person ${index}`);
    expect((await people.existingKeys([], ['ada', 'grace'])).byNameKey).toEqual(new Map([['ada', ada.id]]));
    expect((await people.existingKeys([], [...many, 'ada'])).byNameKey).toEqual(new Map([['ada', ada.id]]));
  });

  it('writes nothing when an import fails half-way', async () => {
    const { db } = await setUp('people-import-fail');
    const second = createPeopleRepository(db, { newId: () => 'same-id' });
    await expect(second.importContacts({ create: [{ name: 'Ada' }, { name: 'Grace' }], update: [], skipped: 0 })).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('recently surveyed respondents and planned chats', () => {
  it('counts respondents matched by email or name who answered a survey imported in the last 90 days, per survey', async () => {
    const { db, contacts, people } = await setUp('people-resurvey');
    const ada = await contacts.create({ name: 'Ada', email: 'ada@example.com' });
    const grace = await contacts.create({ name: 'Grace Hopper' });
    const linus = await contacts.create({ name: 'Linus', email: 'linus@example.com' });
    await db.surveys.bulkAdd([
      { id: 'recent', title: 'Platform survey', sourceFileName: 'a.csv', importedAt: NOW - 10 * DAY, createdAt: 0, updatedAt: 0 },
      { id: 'other', title: 'Deploy survey', sourceFileName: 'b.csv', importedAt: NOW - 20 * DAY, createdAt: 0, updatedAt: 0 },
      { id: 'old', title: 'Old survey', sourceFileName: 'c.csv', importedAt: NOW - 200 * DAY, createdAt: 0, updatedAt: 0 },
    ]);
    await db.surveyResponses.bulkAdd([
      { id: 'r1', surveyId: 'recent', respondentKey: 'k1', contactId: ada.id, answers: {} },
      { id: 'r2', surveyId: 'recent', respondentKey: 'k2', contactId: grace.id, answers: {} },
      { id: 'r3', surveyId: 'other', respondentKey: 'k1', contactId: ada.id, answers: {} },
      { id: 'r4', surveyId: 'old', respondentKey: 'k1', contactId: linus.id, answers: {} },
    ]);
    const result = await people.recentlySurveyed([{ email: 'ADA@example.com' }, { name: 'grace  hopper' }, { email: 'linus@example.com' }, { email: 'new@example.com' }], NOW);
    expect(result).toEqual({
      windowDays: 90,
      people: 2,
      surveys: [
        { surveyId: 'recent', title: 'Platform survey', people: 2, peopleInOthers: 1 },
        { surveyId: 'other', title: 'Deploy survey', people: 1, peopleInOthers: 2 },
      ],
    });
    expect(await people.recentlySurveyed([{ email: 'linus@example.com' }], NOW)).toEqual({ windowDays: 90, people: 0, surveys: [] });
  });

  it('turns a planned chat into a coffee-chat note with that person and date, once', async () => {
    const { db, contacts, notes } = await setUp('planned-chat-note');
    const { createPlannedChatsRepository } = await import('../../../../renderer/db/repositories/planned-chats-repository');
    const planned = createPlannedChatsRepository(db, createTestDependencies(NOW));
    const ada = await contacts.create({ name: 'Ada' });
    await recountNotes(db);
    const chat = await planned.plan({ contactId: ada.id, plannedFor: NOW - DAY, topic: ' CI ' });
    expect(chat.topic).toBe('CI');
    await expect(planned.plan({ contactId: 'missing', plannedFor: NOW })).rejects.toThrow(/no longer exists/);
    expect((await planned.listOpen()).map((open) => open.id)).toEqual([chat.id]);
    const note = await planned.writeNote(chat.id, 'Coffee chat with Ada');
    expect(note).toMatchObject({ channel: 'coffee-chat', personIds: [ada.id], occurredAt: NOW - DAY, title: 'Coffee chat with Ada' });
    expect((await db.plannedChats.get(chat.id))?.noteId).toBe(note.id);
    expect(await planned.listOpen()).toEqual([]);
    expect((await planned.writeNote(chat.id, 'again')).id).toBe(note.id);
    expect((await readNoteCounts(db))?.byChannel.get('coffee-chat')).toBe(1);
    expect(await notes.get(note.id)).toBeDefined();
  });
});
