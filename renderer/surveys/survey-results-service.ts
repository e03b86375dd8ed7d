import type { SurveyQuestion, SurveyResponse } from '../../shared/domain/survey';
import { surveyResponsesCsv } from '../../shared/surveys/export-survey-results';
import { answerPredicate, computeSurveyResults } from '../../shared/surveys/survey-results';
import type { DiscoveryDb } from '../db/discovery-db';
import { createSurveysRepository } from '../db/repositories/surveys-repository';
import type { FreeTextAnswerRow, RespondentRow, SurveyResultsReply, SurveyResultsRequest, SurveyResultsValue } from './survey-results-protocol';

export interface SurveyResultsService {
  handle(request: SurveyResultsRequest): Promise<void>;
}

interface LoadedSurvey {
  readonly surveyId: string;
  readonly questions: readonly SurveyQuestion[];
  readonly responses: readonly SurveyResponse[];
}

/**
 * The survey results worker's logic: reads one survey's responses (kept until invalidated, so
 * filtering while typing does not re-read 100,000 rows) and answers results, free-text answers
 * and respondent filters. Runs off the main thread: reading and tallying are the slow parts.
 */
export function createSurveyResultsService(post: (reply: SurveyResultsReply) => void, openDb: (name: string) => Promise<DiscoveryDb>): SurveyResultsService {
  let db: Promise<DiscoveryDb> | null = null;
  let loaded: Promise<LoadedSurvey> | null = null;
  let loadedId: string | null = null;

  const load = (surveyId: string): Promise<LoadedSurvey> => {
    if (loaded !== null && loadedId === surveyId) return loaded;
    if (db === null) throw new Error('The results worker was asked before it was opened.');
    const opening = db;
    loadedId = surveyId;
    loaded = (async () => {
      const surveys = createSurveysRepository(await opening);
      const questions = await surveys.questions(surveyId);
      const responses: SurveyResponse[] = [];
      await surveys.eachResponsePage(surveyId, (page) => {
        for (const response of page) responses.push(response);
      });
      return { surveyId, questions, responses };
    })();
    // A failed read is not kept: the next request tries again.
    loaded.catch(() => {
      if (loadedId === surveyId) {
        loaded = null;
        loadedId = null;
      }
    });
    return loaded;
  };

  const answer = async (request: Exclude<SurveyResultsRequest, { type: 'open' | 'invalidate' }>): Promise<SurveyResultsValue> => {
    const survey = await load(request.surveyId);
    switch (request.type) {
      case 'responsesCsv':
        return { kind: 'responsesCsv', text: surveyResponsesCsv(survey.questions, survey.responses) };
      case 'results':
        return { kind: 'results', results: computeSurveyResults(survey.questions, survey.responses.map((response) => response.answers)) };
      case 'answers': {
        const needle = request.query.trim().toLowerCase();
        const rows: FreeTextAnswerRow[] = [];
        let total = 0;
        for (const response of survey.responses) {
          const text = response.answers[request.questionId];
          if (typeof text !== 'string' || text.trim() === '') continue;
          if (needle !== '' && !text.toLowerCase().includes(needle)) continue;
          total += 1;
          if (rows.length < request.limit) rows.push({ responseId: response.id, text, ...respondentFields(response) });
        }
        return { kind: 'answers', total, answers: rows };
      }
      case 'respondents': {
        const byId = new Map(survey.questions.map((question) => [question.id, question]));
        const tests = request.filters.flatMap((filter) => {
          const question = byId.get(filter.questionId);
          if (question === undefined) return [];
          const matches = answerPredicate(question, filter.condition);
          return [(response: SurveyResponse) => matches(response.answers[filter.questionId])];
        });
        const rows: RespondentRow[] = [];
        let total = 0;
        for (const response of survey.responses) {
          if (request.followUpOnly && response.followUp === undefined) continue;
          if (!tests.every((test) => test(response))) continue;
          total += 1;
          if (rows.length < request.limit) {
            rows.push({
              responseId: response.id,
              respondentKey: response.respondentKey,
              ...respondentFields(response),
              ...(response.followUp === undefined ? {} : { followUp: response.followUp }),
            });
          }
        }
        return { kind: 'respondents', total, respondents: rows };
      }
    }
  };

  return {
    async handle(request) {
      if (request.type === 'open') {
        if (db === null) {
          db = openDb(request.databaseName);
          // A workspace that cannot be opened is reported to each request (an error reply), not as an unhandled rejection.
          db.catch(() => undefined);
        }
        return;
      }
      if (request.type === 'invalidate') {
        if (loadedId === request.surveyId) {
          loaded = null;
          loadedId = null;
        }
        return;
      }
      try {
        post({ type: 'reply', requestId: request.requestId, value: await answer(request) });
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}

function respondentFields(response: SurveyResponse): { contactId?: string; submittedAt?: number } {
  return {
    ...(response.contactId === undefined ? {} : { contactId: response.contactId }),
    ...(response.submittedAt === undefined ? {} : { submittedAt: response.submittedAt }),
  };
}
