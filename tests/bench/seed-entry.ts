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
import type { BenchPageApi } from './bench-page-api';
import { generateSurvey } from './generate-survey';
import { generateWorkspace } from './generate-workspace';

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

async function withWorkspace<T>(work: (db: DiscoveryDb) => Promise<T>): Promise<T> {
  const db = await openWorkspace();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

const api: BenchPageApi = {
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
};

window.discoveryBench = api;
