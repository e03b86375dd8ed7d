// Every code path that writes notes or contacts, listed; derived data (note counts, plain text,
// name keys, the search index and the names it knows) must follow each of them. A new writer
// that is not listed here fails the inventory test below.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { createContactsRepository } from '../../../../renderer/db/repositories/contacts-repository';
import { readNoteCounts, recountNotes } from '../../../../renderer/db/repositories/note-counts';
import { createNotesRepository, type NewNote } from '../../../../renderer/db/repositories/notes-repository';
import { createPeopleRepository } from '../../../../renderer/db/repositories/people-repository';
import { createPlannedChatsRepository } from '../../../../renderer/db/repositories/planned-chats-repository';
import { restoreWorkspace } from '../../../../renderer/db/repositories/restore-workspace';
import { writeSurveyImport } from '../../../../renderer/db/repositories/survey-import-writer';
import { createSampleWorkspaceRepository } from '../../../../renderer/db/repositories/sample-workspace-repository';
import { createSurveysRepository } from '../../../../renderer/db/repositories/surveys-repository';
import { createTagsRepository } from '../../../../renderer/db/repositories/tags-repository';
import { followCommittedWrites } from '../../../../renderer/search/search-requests-for-commit';
import type { SearchService } from '../../../../renderer/search/search-service';
import { contactNameKey } from '../../../../shared/domain/contact';
import { richTextToPlainText, type RichTextDoc } from '../../../../shared/domain/rich-text';
import { exportToText, streamOf } from '../backup/workspace-file-fixtures';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';
import { startRecordedService } from '../../search/in-process-search-worker';

const ROOT = join(__dirname, '../../../..');

/**
 * Direct writes to the notes and contacts tables (or to any table by name), per source file and
 * operation, with the scenarios below that exercise them. Add a writer here only with a scenario.
 */
const WRITERS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'renderer/db/repositories/notes-repository.ts': { 'notes.add': 2, 'notes.bulkAdd': 1, 'notes.put': 1, 'notes.delete': 1 },
  'renderer/db/repositories/planned-chats-repository.ts': { 'notes.add': 1 },
  'renderer/db/repositories/contacts-repository.ts': { 'contacts.add': 1 },
  'renderer/db/repositories/people-repository.ts': { 'contacts.put': 3, 'contacts.delete': 2, 'contacts.bulkDelete': 1, 'contacts.bulkPut': 1, 'contacts.bulkAdd': 1 },
  'renderer/db/repositories/survey-import-writer.ts': { 'contacts.bulkAdd': 1, 'notes.bulkAdd': 1 },
  'renderer/db/repositories/surveys-repository.ts': { 'notes.add': 2 },
  // Five tables by name: the staging copy, the row count check, the replace of every table, and this
  // machine's own settings read before and written back after a restore (never notes or contacts).
  'renderer/db/repositories/restore-workspace.ts': { 'table(name)': 5, 'every table': 1 },
  // The team sync: teammates' rows written by table name (notes and contacts among them) through
  // the one write path, scenario in tests/renderer/sync/sync-engine-dexie.test.ts (plain text and
  // counts follow); and y-dexie's updates table, cleared when leaving a team (never notes or contacts).
  'renderer/db/repositories/sync-rows-repository.ts': { 'table(name)': 1 },
  'renderer/db/repositories/sync-docs-repository.ts': { 'table(name)': 1 },
  // The sync journal's removal puts y-dexie's updates table in its transaction's scope, to run after
  // the updates written before it; it writes `meta` only (never notes or contacts).
  'renderer/db/repositories/sync-journal-repository.ts': { 'table(name)': 1 },
  // The tag vocabulary: renaming or merging a tag, and its undo, rewrite the notes that carry it.
  'renderer/db/repositories/tags-repository.ts': { 'notes.bulkPut': 2 },
  // The sample workspace: its records added to, and removed from, each table by name (notes and
  // contacts among them) in one transaction each.
  'renderer/db/repositories/sample-workspace-repository.ts': { 'table(name)': 3 },
};

const DIRECT_WRITE = /\.(notes|contacts)\s*\.\s*(add|bulkAdd|put|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|upsert|bulkUpsert)\s*\(/g;
const COLLECTION_WRITE = /\.(notes|contacts)\s*\.\s*(?:where|filter|orderBy|toCollection|limit|reverse)\s*\([^;]*?\.(delete|modify)\s*\(/g;
const TABLE_BY_NAME = /\.table\s*\(/g;
const EVERY_TABLE = /for \(const \w+ of \w+\.tables\)/g;
// The mechanism itself: the middleware, the registry and the schema declaration.
const MECHANISM = new Set(['renderer/db/side-effects/write-side-effects.ts', 'renderer/db/write-guard-middleware.ts', 'renderer/db/schema/declare-schema-versions.ts', 'renderer/db/discovery-db.ts']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

function findWriters(): Record<string, Record<string, number>> {
  const found: Record<string, Record<string, number>> = {};
  for (const path of sourceFiles(join(ROOT, 'renderer'))) {
    const file = relative(ROOT, path).split('\\').join('/');
    if (MECHANISM.has(file)) continue;
    const text = readFileSync(path, 'utf8');
    const counts: Record<string, number> = {};
    const add = (operation: string) => (counts[operation] = (counts[operation] ?? 0) + 1);
    for (const match of text.matchAll(DIRECT_WRITE)) add(`${match[1]}.${match[2]}`);
    for (const match of text.matchAll(COLLECTION_WRITE)) add(`${match[1]}.where…${match[2]}`);
    for (const _match of text.matchAll(TABLE_BY_NAME)) add('table(name)');
    for (const _match of text.matchAll(EVERY_TABLE)) add('every table');
    if (Object.keys(counts).length > 0) found[file] = counts;
  }
  return found;
}

describe('the writers of notes and contacts', () => {
  it('are all listed, each with a scenario proving derived data follows it', () => {
    expect(findWriters()).toEqual(WRITERS);
  });

  it('would notice a writer that is not listed', () => {
    const text = 'await db.notes.bulkPut(rows);\nawait db.contacts.where("email").equals(x)\n  .modify({ name: "y" });';
    expect([...text.matchAll(DIRECT_WRITE)].map((match) => match[0])).toEqual(['.notes.bulkPut(']);
    expect([...text.matchAll(COLLECTION_WRITE)].map((match) => `${match[1]}.${match[2]}`)).toEqual(['contacts.modify']);
  });
});

const doc = (text: string): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const note = (title: string, text: string, extra: Partial<NewNote> = {}): NewNote => ({ channel: 'coffee-chat', title, body: doc(text), occurredAt: Date.UTC(2025, 0, 1), ...extra });

const services: SearchService[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const service of services.splice(0)) service.dispose();
});

interface Setup {
  readonly db: DiscoveryDb;
  readonly titles: (query: string) => Promise<string[]>;
}

/** A workspace with kept counts and a search index that hears commits as the real worker does. */
async function setUp(label: string): Promise<Setup> {
  const db = await openTestDatabase(label);
  await createNotesRepository(db).ensureCounts();
  const { service, replies } = await startRecordedService(db);
  services.push(service);
  stops.push(followCommittedWrites(db.name, (request) => service.handle(request)));
  let requestId = 0;
  const titles = async (query: string) => {
    requestId += 1;
    const id = requestId;
    service.handle({ type: 'search', requestId: id, query, limit: 50 });
    await service.idle();
    const reply = [...replies].reverse().find((candidate) => candidate.type === 'results' && candidate.requestId === id);
    return (reply?.type === 'results' ? reply.hits : []).map((hit) => hit.title).sort();
  };
  return { db, titles };
}

/** What every write must leave behind: counts as a recount finds them, plain text and name keys derived. */
async function expectDerivedDataFollowed(db: DiscoveryDb): Promise<void> {
  const kept = await readNoteCounts(db);
  const recounted = await recountNotes(db);
  expect(kept, 'the kept note counts').toEqual(recounted);
  for (const stored of await db.notes.toArray()) expect(stored.plainText, `plain text of ${stored.title}`).toBe(richTextToPlainText(stored.body));
  for (const contact of await db.contacts.toArray()) expect(contact.nameKey, `name key of ${contact.name}`).toBe(contactNameKey(contact.name));
}

async function expectFound({ titles }: Setup, query: string, expected: string[]): Promise<void> {
  await vi.waitFor(async () => expect(await titles(query)).toEqual(expected), { timeout: 3000 });
}

describe('derived data follows every writer', () => {
  it('notes-repository: create, createMany, update, delete, restore', async () => {
    const setup = await setUp('writers-notes');
    const notes = createNotesRepository(setup.db, createTestDependencies());
    const created = await notes.create(note('Created', 'alpha', { tags: ['one'] }));
    await notes.createMany([note('Many one', 'beta'), note('Many two', 'beta', { teams: ['payments'] })]);
    await expectFound(setup, 'alpha', ['Created']);
    await expectFound(setup, 'beta', ['Many one', 'Many two']);
    await notes.update(created.id, { body: doc('gamma'), tags: ['two'] });
    await expectFound(setup, 'gamma', ['Created']);
    await expectFound(setup, 'alpha', []);
    const deleted = await notes.delete(created.id);
    await expectFound(setup, 'gamma', []);
    await expectDerivedDataFollowed(setup.db);
    if (deleted === undefined) throw new Error('not deleted');
    await notes.restore(deleted);
    await expectFound(setup, 'gamma', ['Created']);
    await expectDerivedDataFollowed(setup.db);
  });

  it('tags-repository: rename, merge and their undo (kept tag counts follow; the notes stay found)', async () => {
    const setup = await setUp('writers-tags');
    const dependencies = createTestDependencies();
    const notes = createNotesRepository(setup.db, dependencies);
    await notes.create(note('Latency chat', 'delta', { tags: ['latency', 'p99'] }));
    await notes.create(note('Cost chat', 'delta', { tags: ['cost'] }));
    const tags = createTagsRepository(setup.db, dependencies);
    const renamed = await tags.rename('latency', 'slow');
    await expectDerivedDataFollowed(setup.db);
    expect((await readNoteCounts(setup.db))?.tags.get('slow')).toBe(1);
    const merged = await tags.merge(['p99', 'cost'], 'slow');
    await expectDerivedDataFollowed(setup.db);
    expect((await readNoteCounts(setup.db))?.tags.get('slow')).toBe(2);
    await expectFound(setup, 'delta', ['Cost chat', 'Latency chat']);
    await tags.undo(merged);
    await tags.undo(renamed);
    await expectDerivedDataFollowed(setup.db);
    expect(Object.fromEntries((await readNoteCounts(setup.db))?.tags ?? [])).toEqual({ cost: 1, latency: 1, p99: 1 });
    await expectFound(setup, 'delta', ['Cost chat', 'Latency chat']);
  });

  it('sample-workspace-repository: load and remove (the sample notes are found, then gone; the person’s own note stays)', async () => {
    const setup = await setUp('writers-sample');
    const dependencies = createTestDependencies();
    await createNotesRepository(setup.db, dependencies).create(note('My own pipeline chat', 'pipeline'));
    const sample = createSampleWorkspaceRepository(setup.db, dependencies);
    await sample.load();
    await expectDerivedDataFollowed(setup.db);
    await expectFound(setup, 'flaky', ['Email check-in: flaky integration tests']);
    await expect(sample.remove()).resolves.toBeGreaterThan(0);
    await expectDerivedDataFollowed(setup.db);
    await expectFound(setup, 'flaky', []);
    await expectFound(setup, 'pipeline', ['My own pipeline chat']);
  });

  it('planned-chats-repository: writeNote (the note made from a planned chat is found at once)', async () => {
    const setup = await setUp('writers-planned-chat');
    const dependencies = createTestDependencies();
    const person = await createContactsRepository(setup.db, dependencies).create({ name: 'Katherine Johnson' });
    const chats = createPlannedChatsRepository(setup.db, dependencies);
    const chat = await chats.plan({ contactId: person.id, plannedFor: Date.UTC(2025, 1, 1) });
    await chats.writeNote(chat.id, 'Chat with Katherine');
    await expectFound(setup, 'katherine', ['Chat with Katherine']);
    await expectFound(setup, 'johnson', ['Chat with Katherine']);
    await expectDerivedDataFollowed(setup.db);
  });

  it('surveys-repository: planFollowUpChat and noteOfAnswer (a follow-up chat and a note made of a kept answer are found at once)', async () => {
    const setup = await setUp('writers-survey-notes');
    const dependencies = createTestDependencies();
    await writeSurveyImport(
      setup.db,
      {
        title: 'Platform survey',
        sourceFileName: 'platform.csv',
        format: 'generic',
        questions: [{ key: 'pain', position: 0, text: 'What slows you down?', type: 'free-text', makesNotes: false }],
        responses: [{ row: 2, respondentKey: 'r1', answersHash: 'h1', email: 'mary@example.com', name: 'Mary Jackson', answers: { pain: 'Quarantined wind tunnels' } }],
      },
      dependencies,
    );
    const [response] = await setup.db.surveyResponses.toArray();
    if (response === undefined) throw new Error('no response');
    const surveys = createSurveysRepository(setup.db, dependencies);
    await surveys.planFollowUpChat(response.id, note('Follow-up with Mary', 'aerodynamics', { personIds: response.contactId === undefined ? [] : [response.contactId] }));
    await expectFound(setup, 'aerodynamics', ['Follow-up with Mary']);
    await surveys.noteOfAnswer(response.id, Object.keys(response.answers)[0] ?? '');
    await expectFound(setup, 'quarantined', ['What slows you down?']);
    await expectDerivedDataFollowed(setup.db);
  });

  it('contacts-repository: create; people-repository: update (a renamed person’s notes are found by the new name)', async () => {
    const setup = await setUp('writers-rename');
    const dependencies = createTestDependencies();
    const person = await createContactsRepository(setup.db, dependencies).create({ name: '  Dorothy   Vaughan ' });
    await createNotesRepository(setup.db, dependencies).create(note('FORTRAN chat', 'compilers', { personIds: [person.id] }));
    await expectFound(setup, 'vaughan', ['FORTRAN chat']);
    await createPeopleRepository(setup.db, dependencies).update(person.id, { name: 'Dorothy Johnson' });
    await expectFound(setup, 'johnson', ['FORTRAN chat']);
    await expectFound(setup, 'vaughan', []);
    await expectDerivedDataFollowed(setup.db);
  });

  it('people-repository: merge, delete, undo and importContacts', async () => {
    const setup = await setUp('writers-people');
    const dependencies = createTestDependencies();
    const contacts = createContactsRepository(setup.db, dependencies);
    const people = createPeopleRepository(setup.db, dependencies);
    const kept = await contacts.create({ name: 'Mary Jackson' });
    const removed = await contacts.create({ name: 'M. Jackson', email: 'mary@example.com' });
    await createNotesRepository(setup.db, dependencies).createMany([
      note('Wind tunnel', 'drag', { personIds: [removed.id], tags: ['aero'] }),
      note('Engineering', 'exam', { personIds: [kept.id] }),
    ]);
    const merged = await people.merge(kept.id, removed.id, { name: 'kept' });
    await expectFound(setup, 'drag', ['Wind tunnel']);
    await expectDerivedDataFollowed(setup.db);
    await people.undo(merged);
    await expectDerivedDataFollowed(setup.db);
    const deletion = await people.delete(kept.id);
    await expectDerivedDataFollowed(setup.db);
    await people.undo(deletion);
    await people.importContacts({ create: [{ name: 'Annie Easley' }], update: [{ contactId: kept.id, fields: { name: 'Mary Winston' } }], skipped: 0 });
    await expectFound(setup, 'winston', ['Engineering']);
    await expectDerivedDataFollowed(setup.db);
  });

  it('survey-import-writer: contacts and notes of an import (in the app, from another worker)', async () => {
    const setup = await setUp('writers-survey');
    await writeSurveyImport(
      setup.db,
      {
        title: 'Platform survey',
        sourceFileName: 'platform.csv',
        format: 'generic',
        questions: [{ key: 'pain', position: 0, text: 'What slows you down?', type: 'free-text' }],
        responses: [{ row: 2, respondentKey: 'r1', answersHash: 'h1', submittedAt: Date.UTC(2025, 5, 1), name: 'Evelyn Boyd', answers: { pain: 'Flaky integration tests' } }],
      },
      createTestDependencies(),
    );
    await expectFound(setup, 'flaky', ['What slows you down?']);
    await expectFound(setup, 'evelyn', ['What slows you down?']);
    await expectDerivedDataFollowed(setup.db);
  });

  it('restore-workspace: every table replaced (the index catches up; the counts are rebuilt, never wrong)', async () => {
    const source = await openTestDatabase('writers-restore-source');
    await createNotesRepository(source, { newId: () => 'from-backup' }).create(note('From the backup', 'zeta'));
    const file = await exportToText(source);
    const setup = await setUp('writers-restore');
    await createNotesRepository(setup.db, createTestDependencies()).create(note('Replaced', 'omega'));
    await expectFound(setup, 'omega', ['Replaced']);
    await restoreWorkspace(setup.db, streamOf(file));
    await expectFound(setup, 'zeta', ['From the backup']);
    await expectFound(setup, 'omega', []);
    // A restore leaves the counts missing (the app recounts them on start) rather than stale.
    expect(await readNoteCounts(setup.db)).toBeUndefined();
    await createNotesRepository(setup.db).ensureCounts();
    await expectDerivedDataFollowed(setup.db);
  });
});
