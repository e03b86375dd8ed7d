/** An imported survey; re-importing the same file adds no duplicate responses. */
export interface Survey {
  readonly id: string;
  readonly title: string;
  readonly sourceFileName: string;
  readonly importedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type SurveyQuestionType = 'scale' | 'number' | 'single-choice' | 'multi-choice' | 'free-text' | 'grid-item';

export interface SurveyQuestion {
  readonly id: string;
  readonly surveyId: string;
  /** Column order in the source file. */
  readonly position: number;
  readonly text: string;
  readonly type: SurveyQuestionType;
  readonly options?: readonly string[];
  readonly scale?: { readonly min: number; readonly max: number };
  /** For grid items: the grid question this row belongs to. */
  readonly gridTitle?: string;
}

export type SurveyAnswer = string | number | readonly string[] | null;

export interface SurveyResponse {
  readonly id: string;
  readonly surveyId: string;
  /** Stable per respondent within a survey (response id, email or a row hash): the re-import key. */
  readonly respondentKey: string;
  readonly contactId?: string;
  readonly submittedAt?: number;
  /** Answers by question id. */
  readonly answers: Readonly<Record<string, SurveyAnswer>>;
}
