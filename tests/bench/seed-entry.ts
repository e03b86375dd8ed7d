// The seeding bundle: built by build-seed-bundle.ts into one IIFE and evaluated (through the
// DevTools protocol, which the page's CSP does not govern) in a document of the app's origin, so it
// writes the very IndexedDB database the app opens, through the app's own schema code.
import Fuse from 'fuse.js';
import type { DiscoveryDb } from '../../renderer/db/discovery-db';
import { openDatabase } from '../../renderer/db/open-database';
import { toNote } from '../../renderer/db/repositories/notes-repository';
import type { Contact } from '../../shared/domain/contact';
import type { Note } from '../../shared/domain/note';
import type { SurveyResponse } from '../../shared/domain/survey';
import { plainTextToRichText } from '../../shared/rich-text/plain-text-to-rich-text';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { exportedTables, exportWorkspace, readTablePages } from '../../renderer/db/repositories/export-workspace';
import { restoreWorkspace } from '../../renderer/db/repositories/restore-workspace';
import { canonicalJson } from '../../shared/backup/canonical-json';
import { isExportedRow } from '../../shared/backup/workspace-tables';
import type { BenchPageApi, RoundTripOptions, RoundTripReport } from './bench-page-api';
import { generateBoard } from './generate-board';
import { generateSurvey } from './generate-survey';
import { generateWideSurvey } from './generate-wide-survey';
import { generateWorkspace } from './generate-workspace';
import { createNotesRepository } from '../../renderer/db/repositories/notes-repository';
import { createSyncDocsRepository } from '../../renderer/db/repositories/sync-docs-repository';
import { createSyncRowsRepository, followSharedTableWrites } from '../../renderer/db/repositories/sync-rows-repository';
import { SyncEngine } from '../../renderer/sync/sync-engine';
import { TeamTransport } from '../../renderer/sync/team-transport';
import type { FirstSyncOptions, FirstSyncReport, SyncRestoreReport } from './bench-page-api';

async function openWorkspace(): Promise<DiscoveryDb> {
  const { db, status } = await openDatabase();
  if (db === null) throw new Error(`The workspace database did not open: ${String(status.error)}`);
  if (status !== 'ready') {
    db.close();
    throw new Error(`The workspace database was saved by a newer schema (${status.storedVersion}).`);
  }
  return db;
}

/** The records an import of this survey stores, in the importer's shapes (see survey-import-writer). */
function importedRecords(generated: ReturnType<typeof generateSurvey>): { contacts: Contact[]; responses: SurveyResponse[]; notes: Note[] } {
  const contacts: Contact[] = [];
  const responses: SurveyResponse[] = [];
  const notes: Note[] = [];
  const freeText = generated.questions.filter((question) => question.type === 'free-text');
  for (let index = 0; index < generated.responseCount; index += 1) {
    const { response, email, submittedAt } = generated.responseAt(index);
    const contact: Contact = { id: crypto.randomUUID(), name: email, nameKey: email, email, createdAt: submittedAt, updatedAt: submittedAt };
    contacts.push(contact);
    responses.push({ ...response, contactId: contact.id, answersHash: String(index) });
    for (const question of freeText) {
      const answer = response.answers[question.id];
      if (typeof answer !== 'string' || answer === '') continue;
      notes.push(
        toNote(
          crypto.randomUUID(),
          {
            channel: 'survey-response',
            title: question.text,
            body: plainTextToRichText(answer),
            occurredAt: submittedAt,
            personIds: [contact.id],
            channelFields: { kind: 'survey-response', surveyId: response.surveyId, responseId: response.id, questionId: question.id },
          },
          submittedAt,
          submittedAt,
        ),
      );
    }
  }
  return { contacts, responses, notes };
}

/** Every exported row's SHA-256, keyed by table and primary key, read a page at a time. */
async function rowHashes(db: DiscoveryDb): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const table of exportedTables(db)) {
    const keyPath = String(table.schema.primKey.keyPath);
    for await (const rows of readTablePages(table, 2000)) {
      for (const row of rows) {
        if (!isExportedRow(table.name, row)) continue;
        hashes.set(`${table.name}:${String(row[keyPath])}`, bytesToHex(sha256(utf8ToBytes(canonicalJson(row)))));
      }
    }
  }
  return hashes;
}

async function withWorkspace<T>(work: (db: DiscoveryDb) => Promise<T>): Promise<T> {
  const db = await openWorkspace();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** The team session of this page (the sync scenario): one device, kept running between calls. */
interface SyncSession {
  readonly db: DiscoveryDb;
  readonly engine: SyncEngine;
  readonly transport: TeamTransport;
  readonly stopFollowing: () => void;
  readonly watches: Map<number, Promise<number>>;
  nextWatch: number;
}
let syncSession: SyncSession | undefined;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between pages and Node on one machine. */
const wallClock = () => performance.timeOrigin + performance.now();

function currentSyncSession(): SyncSession {
  if (syncSession === undefined) throw new Error('No team session in this page: run syncFirst first.');
  return syncSession;
}

/**
 * A new teammate's first full sync, as joining does: the app's engine (y-dexie documents in this
 * origin's IndexedDB, rows through the one write path) opens every document, the transport fetches
 * them from the team server, then the team's rows are written to the tables (mergeLocalWorkspace).
 */
async function syncFirst({ serverUrl, workspaceId, memberToken, memberId, expectedNotes }: FirstSyncOptions): Promise<FirstSyncReport> {
  const db = await openWorkspace();
  await createNotesRepository(db).ensureCounts();
  const startedAt = performance.now();
  const engine = new SyncEngine({ docs: createSyncDocsRepository(db), rows: createSyncRowsRepository(db), member: { id: memberId, name: 'Bench teammate' } });
  const stopFollowing = followSharedTableWrites(db, (table, changes) => engine.localChanges(table, changes));
  await engine.start({ pauseRemote: true });
  const opened = performance.now();
  const transport = new TeamTransport({ serverUrl, workspaceId, memberToken });
  transport.connect(await engine.openDocs());
  engine.onDocOpened(() => void engine.openDocs().then((docs) => transport.connect(docs)));
  await transport.whenSynced();
  const received = performance.now();
  await engine.mergeLocalWorkspace();
  await engine.whenIdle();
  const finishedAt = performance.now();
  syncSession = { db, engine, transport, stopFollowing, watches: new Map(), nextWatch: 0 };
  const [notes, highlights, contacts] = await Promise.all([db.notes.count(), db.highlights.count(), db.contacts.count()]);
  if (notes !== expectedNotes) throw new Error(`The first sync wrote ${notes} notes, not ${expectedNotes}.`);
  return { ms: finishedAt - startedAt, openMs: opened - startedAt, receiveMs: received - opened, applyMs: finishedAt - received, notes, highlights, contacts };
}

const api: BenchPageApi = {
  roundTrip: (options) => roundTrip(options),
  syncFirst: (options) => syncFirst(options),
  async syncEditNote({ id, title }) {
    const { db } = currentSyncSession();
    const sentAt = wallClock();
    const updated = await createNotesRepository(db).update(id, { title });
    if (updated === undefined) throw new Error(`No note ${id} to edit.`);
    return sentAt;
  },
  syncWatchNoteTitle({ id, title, timeoutMs }) {
    const session = currentSyncSession();
    const watch = (session.nextWatch += 1);
    session.watches.set(
      watch,
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`The title of note ${id} did not arrive within ${timeoutMs} ms.`));
        }, timeoutMs);
        const stop = session.db.sideEffects.register<{ title?: unknown }>('notes', {
          afterCommit: (changes) => {
            if (!changes.some((change) => change.key === id && change.after?.title === title)) return;
            const arrivedAt = wallClock();
            clearTimeout(timer);
            stop();
            resolve(arrivedAt);
          },
        });
      }),
    );
    return Promise.resolve(watch);
  },
  async syncArrival(watch) {
    const arrival = currentSyncSession().watches.get(watch);
    if (arrival === undefined) throw new Error(`No watch ${watch}.`);
    try {
      return await arrival;
    } finally {
      currentSyncSession().watches.delete(watch);
    }
  },
  syncRestoreBaseline: () => syncRestoreBaseline(),
  seedWorkspace: ({ seed, noteCount, batchSize }) =>
    withWorkspace(async (db) => {
      const startedAt = performance.now();
      const workspace = generateWorkspace({ seed, noteCount });
      let generateMs = performance.now() - startedAt;
      let bulkAddMs = 0;
      let highlights = 0;

      const contactsStartedAt = performance.now();
      await db.transaction('rw', db.contacts, () => db.contacts.bulkAdd(workspace.contacts));
      bulkAddMs += performance.now() - contactsStartedAt;

      const batches = workspace.batches(batchSize);
      for (;;) {
        const generateStartedAt = performance.now();
        const next = batches.next();
        generateMs += performance.now() - generateStartedAt;
        if (next.done === true) break;
        const batch = next.value;
        const writeStartedAt = performance.now();
        await db.transaction('rw', db.notes, db.highlights, async () => {
          await db.notes.bulkAdd(batch.notes);
          await db.highlights.bulkAdd(batch.highlights);
        });
        bulkAddMs += performance.now() - writeStartedAt;
        highlights += batch.highlights.length;
      }
      const estimate = await navigator.storage.estimate();
      return {
        contacts: workspace.contacts.length,
        notes: noteCount,
        highlights,
        generateMs,
        bulkAddMs,
        totalMs: performance.now() - startedAt,
        storageMb: (estimate.usage ?? 0) / 1024 / 1024,
      };
    }),

  naiveFuseSearch: ({ queries }) =>
    withWorkspace(async (db) => {
      const loadStartedAt = performance.now();
      const [notes, contacts] = await Promise.all([db.notes.toArray(), db.contacts.toArray()]);
      const loadMs = performance.now() - loadStartedAt;
      const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
      const documents = notes.map((note) => ({
        title: note.title,
        tags: note.tags,
        people: note.personIds.map((id) => names.get(id) ?? ''),
        excerpt: note.plainText.slice(0, 300),
      }));
      const buildStartedAt = performance.now();
      const fuse = new Fuse(documents, { keys: ['title', 'tags', 'people', 'excerpt'] });
      const buildMs = performance.now() - buildStartedAt;
      const searchMs: number[] = [];
      const resultCounts: number[] = [];
      for (const query of queries) {
        const searchStartedAt = performance.now();
        const results = fuse.search(query);
        searchMs.push(performance.now() - searchStartedAt);
        resultCounts.push(results.length);
      }
      return { notes: notes.length, loadMs, buildMs, searchMs, resultCounts };
    }),

  rawSurveyBulkAdd: ({ seed, responseCount }) =>
    withWorkspace(async (db) => {
      const generateStartedAt = performance.now();
      const generated = generateSurvey({ seed, responseCount });
      const responses = Array.from({ length: responseCount }, (_, index) => generated.responseAt(index).response);
      const generateMs = performance.now() - generateStartedAt;
      await db.transaction('rw', db.surveys, db.surveyQuestions, async () => {
        await db.surveys.add(generated.survey);
        await db.surveyQuestions.bulkAdd(generated.questions);
      });
      const bulkAddStartedAt = performance.now();
      await db.transaction('rw', db.surveyResponses, () => db.surveyResponses.bulkAdd(responses));
      const bulkAddMs = performance.now() - bulkAddStartedAt;
      await db.transaction('rw', db.surveyResponses, () => db.surveyResponses.clear());

      const records = importedRecords(generated);
      const allStartedAt = performance.now();
      await db.transaction('rw', [db.contacts, db.surveyResponses, db.notes], async () => {
        await db.contacts.bulkAdd(records.contacts);
        await db.surveyResponses.bulkAdd(records.responses);
        await db.notes.bulkAdd(records.notes);
      });
      const allRecordsBulkAddMs = performance.now() - allStartedAt;
      return { responses: responseCount, generateMs, bulkAddMs, allRecordsBulkAddMs, contacts: records.contacts.length, notes: records.notes.length };
    }),

  seedBoard: ({ seed, cardCount, bucketCount }) =>
    withWorkspace(async (db) => {
      const { round, buckets, cards } = generateBoard({ seed, cardCount, bucketCount });
      const startedAt = performance.now();
      await db.transaction('rw', [db.rounds, db.buckets, db.cards], async () => {
        await db.rounds.add(round);
        await db.buckets.bulkAdd([...buckets]);
        await db.cards.bulkAdd([...cards]);
      });
      return { roundId: round.id, cards: cards.length, buckets: buckets.length, bulkAddMs: performance.now() - startedAt };
    }),

  seedWideSurvey: ({ seed, questionCount, responseCount }) =>
    withWorkspace(async (db) => {
      const { survey, questions, responses } = generateWideSurvey({ seed, questionCount, responseCount });
      const startedAt = performance.now();
      await db.transaction('rw', [db.surveys, db.surveyQuestions, db.surveyResponses], async () => {
        await db.surveys.add(survey);
        await db.surveyQuestions.bulkAdd([...questions]);
        await db.surveyResponses.bulkAdd([...responses]);
      });
      return { surveyId: survey.id, questions: questions.length, bulkAddMs: performance.now() - startedAt };
    }),

  readBoardRaw: ({ roundId }) =>
    withWorkspace(async (db) => {
      const startedAt = performance.now();
      const [cards] = await Promise.all([db.cards.where('roundId').equals(roundId).toArray(), db.buckets.where('roundId').equals(roundId).toArray()]);
      return { cards: cards.length, readMs: performance.now() - startedAt };
    }),
};

function roundTrip({ seed, noteCount, responseCount, batchSize }: RoundTripOptions): Promise<RoundTripReport> {
  return withWorkspace(async (db) => {
    await api.seedWorkspace({ seed, noteCount, batchSize });
    const generated = generateSurvey({ seed, responseCount });
    await db.transaction('rw', db.surveys, db.surveyQuestions, async () => {
      await db.surveys.add(generated.survey);
      await db.surveyQuestions.bulkAdd(generated.questions);
    });
    let answers = 0;
    for (let start = 0; start < responseCount; start += batchSize) {
      const responses = Array.from({ length: Math.min(batchSize, responseCount - start) }, (_, offset) => generated.responseAt(start + offset).response);
      answers += responses.reduce((sum, response) => sum + Object.keys(response.answers).length, 0);
      await db.transaction('rw', db.surveyResponses, () => db.surveyResponses.bulkAdd(responses));
    }

    const rawStartedAt = performance.now();
    let rows = 0;
    for (const table of exportedTables(db)) for await (const page of readTablePages(table, 500)) rows += page.length;
    const rawReadMs = performance.now() - rawStartedAt;
    const before = await rowHashes(db);

    // As "Download a backup" does: each chunk becomes a Blob part.
    const exportStartedAt = performance.now();
    const parts: Blob[] = [];
    for await (const chunk of exportWorkspace(db, { appVersion: 'bench' })) parts.push(new Blob([chunk]));
    const file = new Blob(parts);
    const exportMs = performance.now() - exportStartedAt;

    const wipeStartedAt = performance.now();
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    const wipeMs = performance.now() - wipeStartedAt;

    const restoreStartedAt = performance.now();
    await restoreWorkspace(db, file.stream());
    const restoreMs = performance.now() - restoreStartedAt;

    const after = await rowHashes(db);
    const differences: string[] = [];
    for (const [key, hash] of before) if (after.get(key) !== hash) differences.push(after.has(key) ? `${key} differs` : `${key} is missing`);
    for (const key of after.keys()) if (!before.has(key)) differences.push(`${key} is new`);
    return { rows, answers, fileMb: file.size / 1024 / 1024, rawReadMs, exportMs, wipeMs, restoreMs, differentRows: differences.length, firstDifferences: differences.slice(0, 5) };
  });
}

/**
 * The baseline of a first sync: the same workspace (this page's, just synced) downloaded as a
 * backup file and restored from it through the app's own code. The team session stops first, so
 * the restore's writes go nowhere else.
 */
async function syncRestoreBaseline(): Promise<SyncRestoreReport> {
  const { db, engine, transport, stopFollowing } = currentSyncSession();
  stopFollowing();
  engine.stop();
  transport.destroy();
  syncSession = undefined;
  try {
    const notes = await db.notes.count();
    const parts: Blob[] = [];
    for await (const chunk of exportWorkspace(db, { appVersion: 'bench' })) parts.push(new Blob([chunk]));
    const file = new Blob(parts);
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    const restoreStartedAt = performance.now();
    await restoreWorkspace(db, file.stream());
    const restoreMs = performance.now() - restoreStartedAt;
    const restored = await db.notes.count();
    if (restored !== notes) throw new Error(`The restore wrote ${restored} notes, not ${notes}.`);
    return { restoreMs, fileMb: file.size / 1024 / 1024, notes: restored };
  } finally {
    db.close();
  }
}

window.discoveryBench = api;
