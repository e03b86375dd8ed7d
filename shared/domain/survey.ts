/** An imported survey; re-importing the same file adds no duplicate responses. */
export interface Survey {
  readonly id: string;
  readonly title: string;
  readonly sourceFileName: string;
  readonly importedAt: number;
  /** The export shape it was read as (see SURVEY-FORMATS.md); absent on surveys from older builds. */
  readonly format?: string;
  /** Responses stored, kept with every import so lists need not count them. */
  readonly responseCount?: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * `ranking`: each row of a grid (an item to rank) holds its position, 1 being first; the question's
 * `scale` is 1 to the number of items. `grid-item` is one row of a grid question.
 */
export type SurveyQuestionType = 'scale' | 'number' | 'single-choice' | 'multi-choice' | 'free-text' | 'ranking' | 'grid-item';

export interface SurveyQuestion {
  readonly id: string;
  readonly surveyId: string;
  /** Column order in the source file. */
  readonly position: number;
  readonly text: string;
  readonly type: SurveyQuestionType;
  readonly options?: readonly string[];
  readonly scale?: { readonly min: number; readonly max: number; readonly labels?: readonly string[] };
  /** For grid items: the grid question this row belongs to. */
  readonly gridTitle?: string;
  /** For grid items: whether a cell is a point on a scale or one of the options. */
  readonly itemType?: Exclude<SurveyQuestionType, 'grid-item'>;
  /** Derived from the column header: the same question in a newer export of the survey has the same key. */
  readonly key?: string;
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
  /** A hash of the answers as read from the file: a re-import tells changed responses from unchanged ones by it. */
  readonly answersHash?: string;
  /** Set when someone marked the respondent "to follow up"; removed when unmarked. */
  readonly followUp?: SurveyFollowUp;
}

/**
 * A respondent marked to follow up. Planning a coffee chat links its note (`chatNoteId`, with a
 * fingerprint of the text it started with); the follow-up is done (`doneAt`) when that note is
 * saved with more than it started with, not when it is created.
 */
export interface SurveyFollowUp {
  readonly markedAt: number;
  readonly doneAt?: number;
  readonly chatNoteId?: string;
  readonly chatStartHash?: string;
}
