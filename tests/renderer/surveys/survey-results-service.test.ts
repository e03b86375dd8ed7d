// The survey results worker's logic, driven in-process over a survey written to a fresh
// fake-indexeddb database by the import writer.
import { describe, expect, it } from 'vitest';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { writeSurveyImport } from '../../../renderer/db/repositories/survey-import-writer';
import { createSurveysRepository } from '../../../renderer/db/repositories/surveys-repository';
import type { SurveyResultsReply, SurveyResultsRequest, SurveyResultsValue } from '../../../renderer/surveys/survey-results-protocol';
import { createSurveyResultsService, type SurveyResultsService } from '../../../renderer/surveys/survey-results-service';
import { computeSurveyResults } from '../../../shared/surveys/survey-results';
import type { PlannedQuestion, PlannedResponse } from '../../../shared/surveys/survey-import-plan';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';

const QUESTIONS: readonly PlannedQuestion[] = [
  { key: 'satisfaction', position: 0, text: 'How satisfied are you?', type: 'scale', scale: { min: 1, max: 5 } },
  { key: 'team', position: 1, text: 'Which team are you in?', type: 'single-choice', options: ['Payments', 'Search', 'Platform'] },
  { key: 'tools', position: 2, text: 'Which tools do you use?', type: 'multi-choice', options: ['Grafana', 'Terraform', 'Log search'] },
  { key: 'slow', position: 3, text: 'What slows you down?', type: 'free-text' },
];

const at = (day: number): number => Date.UTC(2025, 5, day, 9, 30);

function response(key: string, day: number, answers: PlannedResponse['answers'], extra: Partial<PlannedResponse> = {}): PlannedResponse {
  return { row: day + 1, respondentKey: key, answersHash: `hash-${key}`, submittedAt: at(day), answers, ...extra };
}

const RESPONSES: readonly PlannedResponse[] = [
  response('r1', 1, { satisfaction: 5, team: 'Payments', tools: ['Grafana', 'Terraform'], slow: 'Slow CI builds' }, { email: 'ana@example.com', name: 'Ana Lima' }),
  response('r2', 2, { satisfaction: 2, team: 'Search', tools: ['Terraform'], slow: '=HYPERLINK("x")' }),
  response('r3', 3, { satisfaction: 1, team: 'Payments', tools: [], slow: 'The CI is flaky' }),
  response('r4', 4, { satisfaction: 4, team: 'Platform', tools: ['Grafana'], slow: null }),
  response('r5', 5, { satisfaction: 3, team: 'Search', tools: ['Grafana', 'Log search'], slow: 'ci queue times' }),
  response('r6', 6, { satisfaction: 2, team: 'Platform', tools: ['Terraform'], slow: '   ' }),
];

/** The requests answered by requestId. */
type Question = Exclude<SurveyResultsRequest, { type: 'open' | 'invalidate' }>;

interface Harness {
  readonly db: DiscoveryDb;
  readonly surveyId: string;
  readonly questionId: (key: string) => string;
  readonly responseId: (key: string) => string;
  readonly service: SurveyResultsService;
  readonly replies: SurveyResultsReply[];
  ask<K extends SurveyResultsValue['kind']>(request: Question & { readonly type: K }): Promise<Extract<SurveyResultsValue, { kind: K }>>;
}

let requestCount = 0;
const nextRequestId = (): number => (requestCount += 1);

async function setUp(label: string): Promise<Harness> {
  const db = await openTestDatabase(label);
  const { surveyId } = await writeSurveyImport(
    db,
    { title: 'Platform survey', sourceFileName: 'platform.csv', format: 'generic', questions: QUESTIONS, responses: RESPONSES },
    createTestDependencies(),
  );
  const questions = await db.surveyQuestions.toArray();
  const responses = await db.surveyResponses.toArray();
  const questionId = (key: string) => questions.find((question) => question.key === key)?.id ?? `missing question ${key}`;
  const responseId = (key: string) => responses.find((stored) => stored.respondentKey === key)?.id ?? `missing response ${key}`;
  const replies: SurveyResultsReply[] = [];
  const service = createSurveyResultsService((reply) => replies.push(structuredClone(reply)), () => Promise.resolve(db));
  await service.handle({ type: 'open', databaseName: db.name });
  return {
    db,
    surveyId,
    questionId,
    responseId,
    service,
    replies,
    async ask(request) {
      await service.handle(request);
      const reply = replies.at(-1);
      if (reply?.type !== 'reply' || reply.requestId !== request.requestId) throw new Error(`no reply to ${request.type}: ${JSON.stringify(reply)}`);
      return reply.value as never;
    },
  };
}

const respondents = (harness: Harness, filters: Extract<SurveyResultsRequest, { type: 'respondents' }>['filters'], followUpOnly = false, limit = 50) =>
  harness.ask({ type: 'respondents', requestId: nextRequestId(), surveyId: harness.surveyId, filters, followUpOnly, limit });

const keysOf = (rows: readonly { readonly respondentKey: string }[]) => rows.map((row) => row.respondentKey);

describe('survey results service', () => {
  it('answers results as computeSurveyResults counts the same answers', async () => {
    const harness = await setUp('results-counts');
    const value = await harness.ask({ type: 'results', requestId: nextRequestId(), surveyId: harness.surveyId });
    const questions = await createSurveysRepository(harness.db).questions(harness.surveyId);
    const stored = (await harness.db.surveyResponses.toArray()).sort((a, b) => a.respondentKey.localeCompare(b.respondentKey));
    expect(value).toEqual({ kind: 'results', results: computeSurveyResults(questions, stored.map((response) => response.answers)) });

    const { results } = value;
    expect(results.responseCount).toBe(6);
    expect(results.questions.map((question) => question.questionId)).toEqual(['satisfaction', 'team', 'tools', 'slow'].map(harness.questionId));
    const [satisfaction, team, tools, slow] = results.questions;
    expect(satisfaction?.stats).toEqual({ count: 6, mean: 17 / 6, median: 2.5, min: 1, max: 5 });
    expect(satisfaction?.options?.map((option) => option.count)).toEqual([1, 2, 1, 1, 1]);
    expect(team?.options?.map((option) => [option.option, option.count])).toEqual([
      ['Payments', 2],
      ['Search', 2],
      ['Platform', 2],
    ]);
    // r3 picked nothing: skipped.
    expect(tools).toMatchObject({ answered: 5, skipped: 1 });
    expect(tools?.options?.map((option) => [option.option, option.count])).toEqual([
      ['Grafana', 3],
      ['Terraform', 3],
      ['Log search', 1],
    ]);
    // r4 gave no answer and r6 a blank one.
    expect(slow).toMatchObject({ type: 'free-text', answered: 4, skipped: 2 });
  });

  it('lists free-text answers matching a query, ignoring case, up to the limit, counting them all', async () => {
    const harness = await setUp('results-answers');
    const answers = (query: string, limit = 10) =>
      harness.ask({ type: 'answers', requestId: nextRequestId(), surveyId: harness.surveyId, questionId: harness.questionId('slow'), query, limit });

    const all = await answers('');
    expect(all.total).toBe(4);
    expect(all.answers.map((answer) => answer.text)).toEqual(['Slow CI builds', '=HYPERLINK("x")', 'The CI is flaky', 'ci queue times']);
    expect(all.answers[0]).toEqual({
      responseId: harness.responseId('r1'),
      contactId: (await harness.db.contacts.toArray())[0]?.id,
      submittedAt: at(1),
      text: 'Slow CI builds',
    });
    expect(all.answers[1]).toEqual({ responseId: harness.responseId('r2'), submittedAt: at(2), text: '=HYPERLINK("x")' });

    const ci = await answers('  Ci ');
    expect(ci).toEqual({
      kind: 'answers',
      total: 3,
      answers: [
        expect.objectContaining({ responseId: harness.responseId('r1'), text: 'Slow CI builds' }),
        expect.objectContaining({ responseId: harness.responseId('r3'), text: 'The CI is flaky' }),
        expect.objectContaining({ responseId: harness.responseId('r5'), text: 'ci queue times' }),
      ],
    });
    const limited = await answers('CI', 1);
    expect(limited.total).toBe(3);
    expect(limited.answers.map((answer) => answer.text)).toEqual(['Slow CI builds']);
    expect(await answers('kubernetes')).toEqual({ kind: 'answers', total: 0, answers: [] });
  });

  it('filters respondents by a range and by options, combined, with a limit', async () => {
    const harness = await setUp('results-respondents');
    const low = { questionId: harness.questionId('satisfaction'), condition: { kind: 'range', min: 1, max: 2 } } as const;
    const search = { questionId: harness.questionId('team'), condition: { kind: 'oneOf', values: ['Search'] } } as const;
    const grafana = { questionId: harness.questionId('tools'), condition: { kind: 'oneOf', values: ['Grafana'] } } as const;

    const everyone = await respondents(harness, []);
    expect(everyone.total).toBe(6);
    expect(keysOf(everyone.respondents)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(everyone.respondents[1]).toEqual({ responseId: harness.responseId('r2'), respondentKey: 'r2', submittedAt: at(2) });

    expect(keysOf((await respondents(harness, [low])).respondents)).toEqual(['r2', 'r3', 'r6']);
    expect(keysOf((await respondents(harness, [grafana])).respondents)).toEqual(['r1', 'r4', 'r5']);
    expect(await respondents(harness, [low, search])).toEqual({
      kind: 'respondents',
      total: 1,
      respondents: [{ responseId: harness.responseId('r2'), respondentKey: 'r2', submittedAt: at(2) }],
    });
    const limited = await respondents(harness, [low], false, 2);
    expect(limited.total).toBe(3);
    expect(keysOf(limited.respondents)).toEqual(['r2', 'r3']);
    // A filter on a question the survey does not have is left out rather than matching nobody.
    expect((await respondents(harness, [{ questionId: 'gone', condition: { kind: 'answered' } }])).total).toBe(6);
  });

  it('keeps the responses it read until invalidated: follow-up marks show after invalidate', async () => {
    const harness = await setUp('results-follow-up');
    expect(await respondents(harness, [], true)).toEqual({ kind: 'respondents', total: 0, respondents: [] });

    const markedAt = Date.UTC(2025, 6, 1);
    const marked = await createSurveysRepository(harness.db, { clock: () => markedAt }).setFollowUp(harness.responseId('r5'), 'marked');
    expect(marked?.followUp).toEqual({ markedAt });
    // Still the responses read before the mark.
    expect((await respondents(harness, [], true)).total).toBe(0);

    // Invalidating another survey keeps this one's cache.
    await harness.service.handle({ type: 'invalidate', surveyId: 'another-survey' });
    expect((await respondents(harness, [], true)).total).toBe(0);

    await harness.service.handle({ type: 'invalidate', surveyId: harness.surveyId });
    expect(await respondents(harness, [], true)).toEqual({
      kind: 'respondents',
      total: 1,
      respondents: [{ responseId: harness.responseId('r5'), respondentKey: 'r5', submittedAt: at(5), followUp: { markedAt } }],
    });
    // Follow-up only combines with the answer filters.
    const low = { questionId: harness.questionId('satisfaction'), condition: { kind: 'range', max: 2 } } as const;
    expect((await respondents(harness, [low], true)).total).toBe(0);
    const mid = { questionId: harness.questionId('satisfaction'), condition: { kind: 'range', min: 3, max: 3 } } as const;
    expect((await respondents(harness, [mid], true)).total).toBe(1);
  });

  it('exports every response as formula-safe CSV with a header row', async () => {
    const harness = await setUp('results-csv');
    const { text } = await harness.ask({ type: 'responsesCsv', requestId: nextRequestId(), surveyId: harness.surveyId });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual([
      '"Respondent","Submitted at","How satisfied are you?","Which team are you in?","Which tools do you use?","What slows you down?"',
      '"r1","2025-06-01T09:30:00.000Z",5,"Payments","Grafana; Terraform","Slow CI builds"',
      `"r2","2025-06-02T09:30:00.000Z",2,"Search","Terraform","'=HYPERLINK(""x"")"`,
      '"r3","2025-06-03T09:30:00.000Z",1,"Payments",,"The CI is flaky"',
      '"r4","2025-06-04T09:30:00.000Z",4,"Platform","Grafana",',
      '"r5","2025-06-05T09:30:00.000Z",3,"Search","Grafana; Log search","ci queue times"',
      '"r6","2025-06-06T09:30:00.000Z",2,"Platform","Terraform","   "',
      '',
    ]);
  });

  it('answers an unknown survey with empty results rather than an error', async () => {
    const harness = await setUp('results-unknown');
    const surveyId = 'no-such-survey';
    expect(await harness.ask({ type: 'results', requestId: nextRequestId(), surveyId })).toEqual({
      kind: 'results',
      results: { responseCount: 0, questions: [], grids: [] },
    });
    expect(await harness.ask({ type: 'answers', requestId: nextRequestId(), surveyId, questionId: 'q', query: '', limit: 10 })).toEqual({
      kind: 'answers',
      total: 0,
      answers: [],
    });
    expect(await harness.ask({ type: 'respondents', requestId: nextRequestId(), surveyId, filters: [], followUpOnly: false, limit: 10 })).toEqual({
      kind: 'respondents',
      total: 0,
      respondents: [],
    });
    expect(await harness.ask({ type: 'responsesCsv', requestId: nextRequestId(), surveyId })).toEqual({
      kind: 'responsesCsv',
      text: '\uFEFF"Respondent","Submitted at"\r\n',
    });
    expect(harness.replies.every((reply) => reply.type === 'reply')).toBe(true);
  });

  it('switches between surveys, reading each afresh', async () => {
    const harness = await setUp('results-switch');
    const { surveyId: otherId } = await writeSurveyImport(
      harness.db,
      { title: 'Other', sourceFileName: 'other.csv', format: 'generic', questions: QUESTIONS, responses: RESPONSES.slice(0, 2) },
      { ...createTestDependencies(), newId: (() => { let n = 0; return () => `other-${(n += 1)}`; })() },
    );
    const count = async (surveyId: string) => (await harness.ask({ type: 'results', requestId: nextRequestId(), surveyId })).results.responseCount;
    expect(await count(harness.surveyId)).toBe(6);
    expect(await count(otherId)).toBe(2);
    expect(await count(harness.surveyId)).toBe(6);
  });

  it('answers each request with an error when the workspace cannot be opened', async () => {
    const replies: SurveyResultsReply[] = [];
    const service = createSurveyResultsService(
      (reply) => replies.push(reply),
      () => new Promise((_, reject) => setTimeout(() => reject(new Error('The workspace could not be opened to read survey results.')), 0)),
    );
    await service.handle({ type: 'open', databaseName: 'broken' });
    // As in the worker, the question arrives in a later task than `open`.
    await new Promise((settle) => setTimeout(settle, 5));
    await service.handle({ type: 'results', requestId: 41, surveyId: 's' });
    await service.handle({ type: 'answers', requestId: 42, surveyId: 's', questionId: 'q', query: '', limit: 5 });
    expect(replies).toEqual([
      { type: 'error', requestId: 41, message: 'The workspace could not be opened to read survey results.' },
      { type: 'error', requestId: 42, message: 'The workspace could not be opened to read survey results.' },
    ]);
  });

  it('answers an error when asked before it was opened', async () => {
    const replies: SurveyResultsReply[] = [];
    const service = createSurveyResultsService(
      (reply) => replies.push(reply),
      () => Promise.reject(new Error('not used')),
    );
    await service.handle({ type: 'results', requestId: 7, surveyId: 's' });
    expect(replies).toEqual([{ type: 'error', requestId: 7, message: 'The results worker was asked before it was opened.' }]);
  });
});
