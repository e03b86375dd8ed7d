import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { openDatabase } from '../../../../renderer/db/open-database';
import { createMetaRepository } from '../../../../renderer/db/repositories/meta-repository';
import { createSurveyPlansRepository } from '../../../../renderer/db/repositories/survey-plans-repository';
import { schemaV1 } from '../../../../renderer/db/schema/v1';
import { CURRENT_SCHEMA_VERSION, schemaVersions, type SchemaVersion } from '../../../../renderer/db/schema/versions';
import { createSurveyPlan } from '../../../../shared/domain/survey-plan';
import { findUntestedVersions, openSeededDatabase, readRawRows, readStoredShape, seedDatabase } from '../migration-harness';
import { uniqueDatabaseName } from '../unique-database-name';

const noteRowV1 = {
  id: 'note-1',
  channel: 'coffee-chat',
  title: 'Build times',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'CI is slow' }] }] },
  plainText: 'CI is slow',
  occurredAt: Date.UTC(2024, 5, 1),
  personIds: ['contact-1'],
  teams: ['payments'],
  tags: ['ci'],
  links: [],
  createdAt: Date.UTC(2024, 5, 1),
  updatedAt: Date.UTC(2024, 5, 1),
};

/**
 * One upgrade test per schema version: seed a database at the version before, open it with this
 * build, check the rows came through as the new version expects. Add an entry with every version.
 */
const upgradeTests: Readonly<Record<number, () => Promise<void>>> = {
  1: async () => {
    // Version 1 creates the database; the test is that a v1 database opens and keeps its rows.
    const name = uniqueDatabaseName('v1');
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 1);
    const db = await openSeededDatabase({ name, version: 1, rows: { notes: [noteRowV1] }, versions });
    expect(await db.notes.get('note-1')).toEqual(noteRowV1);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(1);
    db.close();
  },
  2: async () => {
    // Version 2 adds the empty searchIndex table; the search worker fills it. Everything else is kept.
    const name = uniqueDatabaseName('v2');
    const contactRow = { id: 'contact-1', name: 'Ada', nameKey: 'ada', createdAt: 1, updatedAt: 1 };
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 2);
    const db = await openSeededDatabase({ name, version: 1, rows: { notes: [noteRowV1], contacts: [contactRow] }, versions });
    expect(await db.notes.toArray()).toEqual([noteRowV1]);
    expect(await db.contacts.toArray()).toEqual([contactRow]);
    expect(await db.searchIndex.count()).toBe(0);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(2);
    expect(db.backendDB().version).toBe(20);
    db.close();
    expect((await readStoredShape(name)).tableNames).toEqual([...Object.keys(schemaV1), 'searchIndex'].sort());
  },
  3: async () => {
    // Version 3 adds the empty surveyPlans table. A v2 workspace with notes, contacts, a survey and
    // its persisted search index comes through untouched, and the new table takes plans at once.
    const name = uniqueDatabaseName('v3');
    const contactRow = { id: 'contact-1', name: 'Ada', nameKey: 'ada', createdAt: 1, updatedAt: 1 };
    const highlightRow = { id: 'highlight-1', noteId: 'note-1', quote: 'CI is slow', tags: ['ci'], createdAt: 2, updatedAt: 2 };
    const surveyRow = { id: 'survey-1', title: 'CI survey', sourceFileName: 'ci.csv', importedAt: 3, createdAt: 3, updatedAt: 3 };
    const searchIndexRow = { key: 'notes', watermark: 4, snapshot: { terms: ['ci', 'slow'] } };
    const settingRow = { key: 'lastChannel', value: 'coffee-chat' };
    const rows = {
      notes: [noteRowV1],
      contacts: [contactRow],
      highlights: [highlightRow],
      surveys: [surveyRow],
      searchIndex: [searchIndexRow],
      settings: [settingRow],
    };
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 3);
    const db = await openSeededDatabase({ name, version: 2, rows, versions });
    expect(await db.notes.toArray()).toEqual([noteRowV1]);
    expect(await db.contacts.toArray()).toEqual([contactRow]);
    expect(await db.highlights.toArray()).toEqual([highlightRow]);
    expect(await db.surveys.toArray()).toEqual([surveyRow]);
    expect(await db.searchIndex.toArray()).toEqual([searchIndexRow]);
    expect(await db.settings.toArray()).toEqual([settingRow]);
    expect(await db.notes.where('[occurredAt+id]').above([0, '']).count()).toBe(1);
    expect(await db.surveyPlans.count()).toBe(0);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(3);
    expect(db.backendDB().version).toBe(30);
    const plan = createSurveyPlan('plan-1', { title: 'CI survey plan' }, 5);
    await createSurveyPlansRepository(db).restore(plan);
    expect(await db.surveyPlans.orderBy('updatedAt').toArray()).toEqual([plan]);
    db.close();
    expect((await readStoredShape(name)).tableNames).toEqual([...Object.keys(schemaV1), 'searchIndex', 'surveyPlans'].sort());
  },
  4: async () => {
    // Version 4 adds the empty workshops, scores and plannedChats tables. A v3 workspace with a
    // round, its buckets and a survey plan comes through untouched, and the new indexes answer.
    const name = uniqueDatabaseName('v4');
    const roundRow = {
      id: 'round-1',
      title: 'Q3 round',
      state: 'clustering',
      snapshotNoteIds: ['note-1'],
      snapshotHighlightIds: [],
      snapshotTakenAt: 5,
      immediatePainTargetPercent: 70,
      createdAt: 5,
      updatedAt: 5,
    };
    const bucketRow = { id: 'bucket-1', roundId: 'round-1', title: 'Slow CI', statement: 'CI is slow', solutionKind: 'eliminate', createdAt: 6, updatedAt: 6 };
    const planRow = createSurveyPlan('plan-1', { title: 'CI survey plan' }, 7);
    const rows = { notes: [noteRowV1], rounds: [roundRow], buckets: [bucketRow], surveyPlans: [planRow] };
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 4);
    const db = await openSeededDatabase({ name, version: 3, rows, versions });
    expect(await db.notes.toArray()).toEqual([noteRowV1]);
    expect(await db.rounds.toArray()).toEqual([roundRow]);
    expect(await db.buckets.toArray()).toEqual([bucketRow]);
    expect(await db.surveyPlans.toArray()).toEqual([planRow]);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(4);
    expect(db.backendDB().version).toBe(40);
    await db.workshops.add({ id: 'workshop-1', roundId: 'round-1', participants: [], phase: 'silent-review', votesPerParticipant: 3, areVotesRevealed: false, createdAt: 8, updatedAt: 8 });
    await db.scores.add({ id: 'score-1', roundId: 'round-1', bucketId: 'bucket-1', scorer: 'Ada', values: { reach: 3 }, createdAt: 8, updatedAt: 8 });
    await db.plannedChats.add({ id: 'chat-1', contactId: 'contact-1', plannedFor: 9, createdAt: 8, updatedAt: 8 });
    expect(await db.workshops.where('roundId').equals('round-1').count()).toBe(1);
    expect(await db.scores.where('[roundId+scorer]').equals(['round-1', 'Ada']).count()).toBe(1);
    expect(await db.plannedChats.where('contactId').equals('contact-1').count()).toBe(1);
    db.close();
    expect((await readStoredShape(name)).tableNames).toEqual(
      [...Object.keys(schemaV1), 'searchIndex', 'surveyPlans', 'workshops', 'scores', 'plannedChats'].sort(),
    );
  },
  5: async () => {
    // Version 5 adds the empty errorLog table. A v4 workspace with a note, a planned chat and a
    // workshop comes through untouched, and the log reads newest first through its index.
    const name = uniqueDatabaseName('v5');
    const chatRow = { id: 'chat-1', contactId: 'contact-1', plannedFor: 9, createdAt: 8, updatedAt: 8 };
    const workshopRow = { id: 'workshop-1', roundId: 'round-1', participants: [], phase: 'silent-review', votesPerParticipant: 3, areVotesRevealed: false, createdAt: 8, updatedAt: 8 };
    const rows = { notes: [noteRowV1], plannedChats: [chatRow], workshops: [workshopRow] };
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 5);
    const db = await openSeededDatabase({ name, version: 4, rows, versions });
    expect(await db.notes.toArray()).toEqual([noteRowV1]);
    expect(await db.plannedChats.toArray()).toEqual([chatRow]);
    expect(await db.workshops.toArray()).toEqual([workshopRow]);
    expect(await db.errorLog.count()).toBe(0);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(5);
    expect(db.backendDB().version).toBe(50);
    const entry = (id: string, loggedAt: number) => ({ id, loggedAt, appVersion: '1.0.0', where: 'test', name: 'Error', message: 'failed', stack: '' });
    await db.errorLog.bulkAdd([entry('log-2', 20), entry('log-1', 10)]);
    expect((await db.errorLog.orderBy('loggedAt').reverse().toArray()).map((row) => row.id)).toEqual(['log-2', 'log-1']);
    db.close();
    expect((await readStoredShape(name)).tableNames).toEqual(
      [...Object.keys(schemaV1), 'searchIndex', 'surveyPlans', 'workshops', 'scores', 'plannedChats', 'errorLog'].sort(),
    );
  },
  6: async () => {
    // Version 6 adds the team workspace's documents (syncDocs, and y-dexie's updates table). A v5
    // workspace with a note and a log entry comes through untouched; a document row can be added.
    const name = uniqueDatabaseName('v6');
    const logRow = { id: 'log-1', loggedAt: 10, appVersion: '1.0.0', where: 'test', name: 'Error', message: 'failed', stack: '' };
    const rows = { notes: [noteRowV1], errorLog: [logRow] };
    const versions = schemaVersions.filter((schemaVersion) => schemaVersion.version <= 6);
    const db = await openSeededDatabase({ name, version: 5, rows, versions });
    expect(await db.notes.toArray()).toEqual([noteRowV1]);
    expect(await db.errorLog.toArray()).toEqual([logRow]);
    expect(await db.syncDocs.count()).toBe(0);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(6);
    expect(db.backendDB().version).toBe(60);
    await db.syncDocs.add({ key: 'table/notes/0' });
    expect((await db.syncDocs.get('table/notes/0'))?.key).toBe('table/notes/0');
    db.close();
    expect((await readStoredShape(name)).tableNames).toEqual(
      [...Object.keys(schemaV1), 'searchIndex', 'surveyPlans', 'workshops', 'scores', 'plannedChats', 'errorLog', 'syncDocs', '$syncDocs.doc_updates'].sort(),
    );
  },
};

const openDatabases: DiscoveryDb[] = [];
afterEach(() => {
  for (const db of openDatabases.splice(0)) db.close();
});

describe('schema migrations', () => {
  it.each(Object.keys(upgradeTests).map(Number))('upgrades a database to version %i', async (version) => {
    await upgradeTests[version]?.();
  });

  it('has an upgrade test for every schema version after 1', () => {
    expect(findUntestedVersions(schemaVersions, Object.keys(upgradeTests).map(Number))).toEqual([]);
  });

  it('has no upgrade test for a version that does not exist', () => {
    const versions = new Set(schemaVersions.map((schemaVersion) => schemaVersion.version));
    expect(Object.keys(upgradeTests).map(Number).filter((version) => !versions.has(version))).toEqual([]);
  });

  it('flags a version added without an upgrade test', () => {
    const versions: SchemaVersion[] = [
      { version: 1, stores: {} },
      { version: 2, stores: {} },
      { version: 3, stores: {} },
    ];
    expect(findUntestedVersions(versions, [2])).toEqual([3]);
  });
});

describe('migration harness', () => {
  const nextVersion = CURRENT_SCHEMA_VERSION + 1;
  // A test-only next version: adds a table and an index, and fills the new field from old data.
  const withNextVersion: SchemaVersion[] = [
    ...schemaVersions,
    {
      version: nextVersion,
      stores: { notes: `${schemaV1.notes}, titleLength`, noteStats: 'id' },
      upgrade: async (transaction) => {
        await transaction
          .table<{ title: string; titleLength?: number }>('notes')
          .toCollection()
          .modify((note) => {
            note.titleLength = note.title.length;
          });
      },
    },
  ];

  it('seeds an older version, then runs the newer upgrade over the seeded rows', async () => {
    const name = uniqueDatabaseName('harness');
    const db = await openSeededDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: { notes: [noteRowV1] }, versions: withNextVersion });
    openDatabases.push(db);
    expect(await db.notes.get('note-1')).toEqual({ ...noteRowV1, titleLength: 11 });
    expect(await db.table('notes').where('titleLength').equals(11).count()).toBe(1);
    expect(await createMetaRepository(db).getSchemaVersion()).toBe(nextVersion);
    expect(db.backendDB().version).toBe(nextVersion * 10);
  });

  it('refuses to seed a version that does not exist', async () => {
    await expect(seedDatabase({ name: uniqueDatabaseName('missing'), version: 99, rows: {} })).rejects.toThrow(/no schema version 99/);
  });

  it('leaves the database unchanged and reports failure when an upgrade throws half-way', async () => {
    const name = uniqueDatabaseName('failing-upgrade');
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: { notes: [noteRowV1] } });
    const failing: SchemaVersion = {
      version: nextVersion,
      stores: { notes: `${schemaV1.notes}, titleLength`, noteStats: 'id' },
      upgrade: async (transaction) => {
        await transaction.table('notes').toCollection().modify({ title: 'half-migrated' });
        throw new Error('The migration broke.');
      },
    };

    const result = await openDatabase(name, { versions: [...schemaVersions, failing] });

    expect(result.db).toBeNull();
    expect(result.status).toMatchObject({ kind: 'failed' });
    expect(await readRawRows(name, 'notes')).toEqual([noteRowV1]);
    expect(await readStoredShape(name)).toEqual({
      nativeVersion: CURRENT_SCHEMA_VERSION * 10,
      tableNames: currentTableNames(),
    });
    expect(await readRawRows(name, 'meta')).toEqual([{ key: 'schemaVersion', value: CURRENT_SCHEMA_VERSION }]);

    // The same data opens normally with the build that has no broken migration.
    const retry = await openDatabase(name);
    expect(retry.status).toBe('ready');
    retry.db?.close();
  });

  it('reports why the open failed', async () => {
    const name = uniqueDatabaseName('failing-reason');
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: {} });
    const failing: SchemaVersion = {
      version: nextVersion,
      stores: {},
      upgrade: () => Promise.reject(new Error('The migration broke.')),
    };
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await openDatabase(name, { versions: [...schemaVersions, failing] });
    consoleError.mockRestore();
    expect(result.status).toMatchObject({ kind: 'failed' });
    expect(result.db === null ? String(result.status.error) : '').toMatch(/The migration broke/);
  });
});

function currentTableNames(): string[] {
  return [...new Set(schemaVersions.flatMap((schemaVersion) => Object.keys(schemaVersion.stores)))].sort();
}
