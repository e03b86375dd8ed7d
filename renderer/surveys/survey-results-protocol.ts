import type { SurveyFollowUp } from '../../shared/domain/survey';
import type { AnswerCondition, SurveyResults } from '../../shared/surveys/survey-results';

/** One filter on respondents: the answer to `questionId` meets `condition`. */
export interface RespondentFilter {
  readonly questionId: string;
  readonly condition: AnswerCondition;
}

export interface RespondentRow {
  readonly responseId: string;
  readonly respondentKey: string;
  readonly contactId?: string;
  readonly submittedAt?: number;
  readonly followUp?: SurveyFollowUp;
}

export interface FreeTextAnswerRow {
  readonly responseId: string;
  readonly contactId?: string;
  readonly submittedAt?: number;
  readonly text: string;
}

/** Messages to the survey results worker; each asks about one survey and is answered by requestId. */
export type SurveyResultsRequest =
  | { readonly type: 'open'; readonly databaseName: string }
  | { readonly type: 'results'; readonly requestId: number; readonly surveyId: string }
  | { readonly type: 'answers'; readonly requestId: number; readonly surveyId: string; readonly questionId: string; readonly query: string; readonly limit: number }
  | {
      readonly type: 'respondents';
      readonly requestId: number;
      readonly surveyId: string;
      readonly filters: readonly RespondentFilter[];
      readonly followUpOnly: boolean;
      readonly limit: number;
    }
  /** Every response as CSV (formula-safe), for a download. */
  | { readonly type: 'responsesCsv'; readonly requestId: number; readonly surveyId: string }
  /** Responses changed (a follow-up mark, a re-import): drop what is cached for the survey. */
  | { readonly type: 'invalidate'; readonly surveyId: string };

export type SurveyResultsValue =
  | { readonly kind: 'results'; readonly results: SurveyResults }
  | { readonly kind: 'answers'; readonly total: number; readonly answers: readonly FreeTextAnswerRow[] }
  | { readonly kind: 'respondents'; readonly total: number; readonly respondents: readonly RespondentRow[] }
  | { readonly kind: 'responsesCsv'; readonly text: string };

export type SurveyResultsReply =
  | { readonly type: 'reply'; readonly requestId: number; readonly value: SurveyResultsValue }
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };
