import { describe, expect, it } from 'vitest';
import { createContactsRepository } from '../../../../renderer/db/repositories/contacts-repository';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { readNoteCounts } from '../../../../renderer/db/repositories/note-counts';
import {
  SurveyImportCancelledError,
  writeSurveyImport,
  type SurveyImportProgress,
  type SurveyImportRequest,
} from '../../../../renderer/db/repositories/survey-import-writer';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import type { PlannedQuestion, PlannedResponse } from '../../../../shared/surveys/survey-import-plan';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

const QUESTIONS: readonly PlannedQuestion[] = [
  { key: 'satisfaction', position: 0, text: 'How satisfied are you?', type: 'scale', scale: { min: 1, max: 5 } },
  { key: 'tools', position: 1, text: 'Which tools?', type: 'multi-choice', options: ['CI', 'Grafana'] },
  { key: 'pain', position: 2, text: 'What slows you down?', type: 'free-text' },
];

function response(key: string, overrides: Partial<PlannedResponse> = {}): PlannedResponse {
  return {
    row: 2,
    respondentKey: key,
    answersHash: `hash-${key}`,
    submittedAt: Date.UTC(2025, 5, 1),
    answers: { satisfaction: 4, tools: ['CI'], pain: `Builds are slow for ${key}` },
    ...overrides,
  };
}

function request(responses: readonly PlannedResponse[], overrides: Partial<SurveyImportRequest> = {}): SurveyImportRequest {
  return { title: 'Platform survey', sourceFileName: 'platform.csv', format: 'generic', questions: QUESTIONS, responses, ...overrides };
}

async function tableCounts(db: DiscoveryDb) {
  return {
    surveys: await db.surveys.count(),
    questions: await db.surveyQuestions.count(),
    responses: await db.surveyResponses.count(),
    contacts: await db.contacts.count(),
    notes: await db.notes.count(),
  };
}

describe('writeSurveyImport', () => {
  it('makes no note of the answers to a free-text question kept as answers only, and keeps those answers in the response', async () => {
    const db = await openTestDatabase('survey-import-answers-only');
    const questions = [...QUESTIONS, { key: 'team', position: 3, text: 'Which team are you on?', type: 'free-text', makesNotes: false } satisfies PlannedQuestion];
    const summary = await writeSurveyImport(
      db,
      request([response('r1', { answers: { satisfaction: 4, tools: [], pain: 'Deploys are slow', team: 'Checkout' } })], { questions }),
      createTestDependencies(),
    );
    expect(summary.notesCreated).toBe(1);
    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.title)).toEqual(['What slows you down?']);
    const [stored] = await db.surveyResponses.toArray();
    expect(Object.values(stored?.answers ?? {})).toContain('Checkout');
  });

  it('writes the survey, its questions and responses, and a note per free-text answer linked to its respondent', async () => {
    const db = await openTestDatabase('survey-import-new');
    await createNotesRepository(db).ensureCounts();
    const summary = await writeSurveyImport(
      db,
      request([response('r1', { email: 'Ada@Example.com ', name: 'Ada Lovelace' }), response('r2', { answers: { satisfaction: 2, tools: [], pain: '  ' } })]),
      createTestDependencies(),
    );

    expect(summary).toMatchObject({ added: 2, unchanged: 0, changed: 0, questionsAdded: 3, contactsCreated: 1, notesCreated: 1, responseCount: 2 });
    const survey = await db.surveys.get(summary.surveyId);
    expect(survey).toMatchObject({ title: 'Platform survey', format: 'generic', responseCount: 2 });
    const questions = await db.surveyQuestions.toArray();
    expect(questions.map((question) => [question.key, question.position])).toEqual([['satisfaction', 0], ['tools', 1], ['pain', 2]]);
    const [ada] = await db.contacts.toArray();
    expect(ada).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const stored = await db.surveyResponses.toArray();
    const first = stored.find((row) => row.respondentKey === 'r1');
    const painId = questions.find((question) => question.key === 'pain')?.id ?? '';
    expect(first?.contactId).toBe(ada?.id);
    expect(first?.answers[painId]).toBe('Builds are slow for r1');
    const [note] = await db.notes.toArray();
    expect(note).toMatchObject({
      channel: 'survey-response',
      title: 'What slows you down?',
      plainText: 'Builds are slow for r1',
      personIds: [ada?.id],
      occurredAt: Date.UTC(2025, 5, 1),
      channelFields: { kind: 'survey-response', surveyId: summary.surveyId, responseId: first?.id, questionId: painId },
    });
    expect((await readNoteCounts(db))?.byChannel.get('survey-response')).toBe(1);
  });

  it('keeps a word-scale answer on its words when a newer file holds more points of the scale', async () => {
    const db = await openTestDatabase('survey-import-word-scale');
    const scaleQuestion = (labels: readonly string[]): PlannedQuestion => ({ key: 'satisfaction', position: 0, text: 'How satisfied are you?', type: 'scale', scale: { min: 1, max: labels.length, labels } });
    const first = await writeSurveyImport(
      db,
      request([response('r1', { answers: { satisfaction: 1 } }), response('r2', { answers: { satisfaction: 2 } })], { questions: [scaleQuestion(['Satisfied', 'Very satisfied'])] }),
      createTestDependencies(),
    );
    // The newer file also holds "Dissatisfied", so its numbering moves everything up by one.
    await writeSurveyImport(
      db,
      request([response('r1', { answers: { satisfaction: 2 } }), response('r2', { answers: { satisfaction: 3 } }), response('r3', { answers: { satisfaction: 1 } })], {
        surveyId: first.surveyId,
        questions: [scaleQuestion(['Dissatisfied', 'Satisfied', 'Very satisfied'])],
      }),
      createTestDependencies(),
    );
    const [question] = await db.surveyQuestions.toArray();
    expect(question?.scale).toEqual({ min: 1, max: 3, labels: ['Dissatisfied', 'Satisfied', 'Very satisfied'] });
    const said = (await db.surveyResponses.toArray())
      .map((row) => [row.respondentKey, question?.scale?.labels?.[Number(row.answers[question.id]) - 1]])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(said).toEqual([['r1', 'Satisfied'], ['r2', 'Very satisfied'], ['r3', 'Dissatisfied']]);
  });

  it('adds only new responses on re-import and tells unchanged from changed ones', async () => {
    const db = await openTestDatabase('survey-import-again');
    const dependencies = createTestDependencies();
    const first = await writeSurveyImport(db, request([response('r1'), response('r2')]), dependencies);
    const second = await writeSurveyImport(
      db,
      request(
        [
          response('r1'),
          response('r2', { answersHash: 'hash-r2-edited', answers: { satisfaction: 1, tools: ['Grafana'], pain: 'Edited' } }),
          response('r3'),
        ],
        { surveyId: first.surveyId, questions: [...QUESTIONS, { key: 'team', position: 3, text: 'Team?', type: 'single-choice', options: ['A'] }] },
      ),
      dependencies,
    );

    expect(second).toMatchObject({ surveyId: first.surveyId, added: 1, unchanged: 1, changed: 1, questionsAdded: 1, notesCreated: 1, responseCount: 3 });
    expect(await tableCounts(db)).toMatchObject({ surveys: 1, questions: 4, responses: 3, notes: 3 });
    const satisfactionId = (await db.surveyQuestions.toArray()).find((question) => question.key === 'satisfaction')?.id ?? '';
    const r2 = (await db.surveyResponses.toArray()).find((row) => row.respondentKey === 'r2');
    expect(r2?.answers[satisfactionId]).toBe(1);
    expect(r2?.answersHash).toBe('hash-r2-edited');
    const newQuestion = (await db.surveyQuestions.toArray()).find((question) => question.key === 'team');
    expect(newQuestion?.position).toBe(3);
  });

  it('matches respondents to contacts by email, then by name only where no email disagrees', async () => {
    const db = await openTestDatabase('survey-import-contacts');
    const contacts = createContactsRepository(db);
    const grace = await contacts.create({ name: 'Grace Hopper', email: 'grace@example.com' });
    const linus = await contacts.create({ name: 'Linus T' });
    const summary = await writeSurveyImport(
      db,
      request([
        response('by-email', { email: 'GRACE@example.com', name: 'G. Hopper' }),
        response('by-name', { name: 'linus   t' }),
        response('same-name-other-email', { name: 'Grace Hopper', email: 'other@example.com' }),
        response('name-only-known-email', { name: 'Grace Hopper' }),
        response('anonymous'),
      ]),
      createTestDependencies(),
    );

    const byKey = new Map((await db.surveyResponses.toArray()).map((row) => [row.respondentKey, row.contactId]));
    expect(byKey.get('by-email')).toBe(grace.id);
    expect(byKey.get('by-name')).toBe(linus.id);
    expect(byKey.get('name-only-known-email')).toBe(grace.id);
    expect(byKey.get('same-name-other-email')).not.toBe(grace.id);
    expect(byKey.get('anonymous')).toBeUndefined();
    expect(summary).toMatchObject({ contactsMatched: 2, contactsCreated: 1 });
    expect(await db.contacts.count()).toBe(3);
  });

  it('leaves no trace when cancelled half-way through writing', async () => {
    const db = await openTestDatabase('survey-import-cancel');
    await createNotesRepository(db).ensureCounts();
    const controller = new AbortController();
    const progress: SurveyImportProgress[] = [];
    const responses = Array.from({ length: 40 }, (_, index) => response(`r${index}`, { email: `p${index}@example.com` }));
    const write = writeSurveyImport(db, request(responses), {
      ...createTestDependencies(),
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (update) => {
        progress.push(update);
        if (update.done >= 50) controller.abort();
      },
    });

    await expect(write).rejects.toBeInstanceOf(SurveyImportCancelledError);
    expect(progress.some((update) => update.done > 0 && update.done < update.total)).toBe(true);
    expect(await tableCounts(db)).toEqual({ surveys: 0, questions: 0, responses: 0, contacts: 0, notes: 0 });
    expect(await readNoteCounts(db)).toMatchObject({ total: 0 });
  });

  it('leaves no trace when a write fails part-way (a duplicate respondent key)', async () => {
    const db = await openTestDatabase('survey-import-fail');
    const responses = [...Array.from({ length: 30 }, (_, index) => response(`r${index}`)), response('r3')];

    await expect(writeSurveyImport(db, request(responses), { ...createTestDependencies(), chunkSize: 10 })).rejects.toThrow();
    expect(await tableCounts(db)).toEqual({ surveys: 0, questions: 0, responses: 0, contacts: 0, notes: 0 });
  });

  it('refuses to add to a survey that was deleted meanwhile', async () => {
    const db = await openTestDatabase('survey-import-missing');
    await expect(writeSurveyImport(db, request([response('r1')], { surveyId: 'gone' }), createTestDependencies())).rejects.toThrow(/no longer exists/);
    expect(await tableCounts(db)).toMatchObject({ surveys: 0, responses: 0 });
  });
});
