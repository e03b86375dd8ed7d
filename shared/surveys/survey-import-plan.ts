import type { SurveyAnswer, SurveyQuestionType } from '../domain/survey';
import type { SurveyFileProblem, SurveyTable } from './parse-survey-table';

/**
 * What one column of a survey file holds. `question` is a whole question; `grid-item` is one row of
 * a grid (matrix) question; `choice-option` is one option of a multiple-choice question exported as
 * one column per option (SurveyMonkey, Typeform, Qualtrics `Q3_1`); `respondent-key` identifies a
 * response across exports; `email`, `name` and `submitted-at` describe the respondent; `metadata`
 * is kept out of the results (IP address, duration, display order...); `ignore` is dropped.
 * A name split over first- and last-name columns gives both columns the role `name`: the reader
 * joins them, given name first. At most one column may be the respondent key.
 */
export type SurveyColumnRole =
  | 'respondent-key'
  | 'email'
  | 'name'
  | 'submitted-at'
  | 'metadata'
  | 'question'
  | 'grid-item'
  | 'choice-option'
  | 'ignore';

/** How a question column's answers are read. Grid items and choice options use it too. */
export type SurveyColumnType = Exclude<SurveyQuestionType, 'grid-item'>;

/** A scale's bounds and, when the file used words, the word for each point from min upward. */
export interface SurveyScale {
  readonly min: number;
  readonly max: number;
  readonly labels?: readonly string[];
}

/** The importer's reading of one column, correctable by the user in the preview. */
export interface SurveyColumnPlan {
  /** Column index in the table (0-based). */
  readonly index: number;
  /** The column's header as the user should see it: HTML stripped, whitespace collapsed. */
  readonly header: string;
  readonly role: SurveyColumnRole;
  /** For question, grid-item and choice-option columns. */
  readonly type?: SurveyColumnType;
  /** grid-item / choice-option: the question the column belongs to (columns with the same group form one question). */
  readonly group?: string;
  /** grid-item: the row label; choice-option: the option label. */
  readonly item?: string;
  /** Choice questions: the options seen, in a stable order (file order of first use, or scale order). */
  readonly options?: readonly string[];
  readonly scale?: SurveyScale;
  /**
   * multi-choice answers joined in one cell: what joins them (`;`, `, `). Absent when the user
   * made the column multi-choice: the reader then takes `;` if any cell has one, else `, `.
   */
  readonly separator?: string;
  /** Date columns of a Qualtrics export: the IANA zone its ImportId names (`timeZone`), which times without a zone are in. */
  readonly timeZone?: string;
  /** Free-text columns: whether each answer becomes a survey-response note (absent: it does). Its answers stay in the survey either way. */
  readonly makesNotes?: boolean;
  /** Non-empty answers in the column. */
  readonly filled: number;
  /** Up to five distinct non-empty values, for the preview. */
  readonly samples: readonly string[];
}

/** The whole reading of a file, before anything is written. */
export interface SurveyImportPlan {
  readonly format: SurveyTable['format'];
  readonly title: string;
  readonly responseCount: number;
  readonly columns: readonly SurveyColumnPlan[];
  /** Things the user should know but that do not stop the import (e.g. "12 responses are incomplete"). */
  readonly notices: readonly string[];
}

/** One respondent's row, read with a plan: what the importer stores and matches. */
export interface PlannedResponse {
  /** 1-based spreadsheet row, for messages. */
  readonly row: number;
  /**
   * From the respondent-key column; without one, the email when no other row has it, else a
   * cyrb53 hash of the row's submitted-at and answer cells.
   */
  readonly respondentKey: string;
  /** A hash of the answers, to tell a changed response from an unchanged one on re-import. */
  readonly answersHash: string;
  readonly email?: string;
  readonly name?: string;
  readonly submittedAt?: number;
  /** Answers by question key (see PlannedQuestion.key). */
  readonly answers: Readonly<Record<string, SurveyAnswer>>;
}

/** A question as the plan defines it: one per question column, grid item, or group of choice-option columns. */
export interface PlannedQuestion {
  /**
   * The question's text lower-cased with whitespace collapsed (a grid row: `title [row]`; a group
   * of option columns: its group), so a re-import of a newer export maps to the same question.
   */
  readonly key: string;
  readonly position: number;
  readonly text: string;
  readonly type: SurveyQuestionType;
  readonly options?: readonly string[];
  readonly scale?: SurveyScale;
  readonly gridTitle?: string;
  /** grid items: how the cell is read (a scale or a single choice). */
  readonly itemType?: SurveyColumnType;
  /** Free text the person chose to keep as answers only: no survey-response note per answer. */
  readonly makesNotes?: false;
}

/** The records a plan yields, or the problems (each naming its row and column) that stop the import. */
export type ReadSurveyResponsesResult =
  | { readonly ok: true; readonly questions: readonly PlannedQuestion[]; readonly responses: readonly PlannedResponse[] }
  | { readonly ok: false; readonly problems: readonly SurveyFileProblem[] };
