export { useSurveyImport, type SurveyImportControls, type SurveyImportState } from './use-survey-import';
export type { SurveyImportPreview } from './survey-import-protocol';
export type { SurveyImportProgressUpdate } from './survey-import-client';
export { createSurveyResultsClient, type SurveyResultsClient, type SurveyResultsPort } from './survey-results-client';
export type { FreeTextAnswerRow, RespondentFilter, RespondentRow } from './survey-results-protocol';
