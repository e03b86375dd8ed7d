import type { SurveyFileProblem } from '../../shared/surveys/parse-survey-table';
import type { SurveyColumnPlan, SurveyImportPlan } from '../../shared/surveys/survey-import-plan';
import type { SurveyImportSummary } from '../db/repositories/survey-import-writer';
import type { RecentlySurveyed } from '../db/repositories/people-repository';
import type { SurveyMatch } from '../db/repositories/surveys-repository';

/** What the preview shows before anything is written. */
export interface SurveyImportPreview {
  readonly fileName: string;
  readonly fileKind: 'text' | 'xlsx';
  /** How the text was decoded and split (text files only). */
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly plan: SurveyImportPlan;
  /** The first few responses as the file has them, cell by cell, for the preview table. */
  readonly sampleRows: readonly (readonly string[])[];
  /** Problems reading the answers with the guessed plan; the user can fix them by correcting columns. */
  readonly problems: readonly SurveyFileProblem[];
  readonly matches: readonly SurveyMatch[];
  /** Respondents matched to contacts who answered a survey recently: re-surveying them adds to their research load. */
  readonly recentlySurveyed?: RecentlySurveyed;
}

export type SurveyImportStage = 'reading' | 'parsing' | 'planning' | 'checking' | 'matching' | 'writing';

/** Messages to the survey import worker. One worker serves one file. */
export type SurveyImportRequest =
  | {
      readonly type: 'read';
      readonly databaseName: string;
      readonly fileName: string;
      /**
       * The file itself (a Blob, read in the worker: reading a 40 MB export on the page would block
       * it for half a second), or bytes already read (transferred, not copied).
       */
      readonly bytes: ArrayBuffer | Blob;
    }
  | {
      readonly type: 'import';
      readonly columns: readonly SurveyColumnPlan[];
      readonly title: string;
      /** A stored survey to add the responses to (a re-import), or undefined for a new survey. */
      readonly surveyId?: string;
    }
  | { readonly type: 'cancel' };

/** Messages from the worker. Exactly one of preview/failed answers `read`; one of imported/failed/cancelled answers `import`. */
export type SurveyImportReply =
  | { readonly type: 'progress'; readonly stage: SurveyImportStage; readonly done: number; readonly total: number }
  | { readonly type: 'preview'; readonly preview: SurveyImportPreview }
  | { readonly type: 'imported'; readonly summary: SurveyImportSummary }
  | { readonly type: 'failed'; readonly problems: readonly SurveyFileProblem[]; readonly wroteNothing: true }
  | { readonly type: 'cancelled' };

/** Reads a request posted to the worker; undefined for anything malformed. Column plans come from our own page. */
export function parseSurveyImportRequest(data: unknown): SurveyImportRequest | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data)) return undefined;
  switch (data.type) {
    case 'read':
      if (!('databaseName' in data) || !('fileName' in data) || !('bytes' in data)) return undefined;
      if (typeof data.databaseName !== 'string' || typeof data.fileName !== 'string' || !(data.bytes instanceof ArrayBuffer || data.bytes instanceof Blob)) return undefined;
      return { type: 'read', databaseName: data.databaseName, fileName: data.fileName, bytes: data.bytes };
    case 'import': {
      if (!('columns' in data) || !Array.isArray(data.columns) || !('title' in data) || typeof data.title !== 'string') return undefined;
      const surveyId = 'surveyId' in data && typeof data.surveyId === 'string' ? data.surveyId : undefined;
      return { type: 'import', columns: data.columns as SurveyColumnPlan[], title: data.title, ...(surveyId === undefined ? {} : { surveyId }) };
    }
    case 'cancel':
      return { type: 'cancel' };
    default:
      return undefined;
  }
}
