import { isFreeTextColumn } from './suggest-note-columns';
import type { SurveyColumnPlan } from './survey-import-plan';

/**
 * How many survey-response notes an import makes from one column: one per answer of a free-text
 * question or of a grid row read as free text (as the import writer makes them) unless the person
 * left its answers as answers only (`makesNotes: false`), none otherwise.
 */
export function notesFromColumn(column: SurveyColumnPlan): number {
  return isFreeTextColumn(column) && column.makesNotes !== false ? column.filled : 0;
}

/** The free-text answers in a column, whether or not they become notes. */
export function freeTextAnswersInColumn(column: SurveyColumnPlan): number {
  return isFreeTextColumn(column) ? column.filled : 0;
}

/** The notes an import of these columns makes, all columns together. */
export function notesFromColumns(columns: readonly SurveyColumnPlan[]): number {
  let total = 0;
  for (const column of columns) total += notesFromColumn(column);
  return total;
}

/** The free-text answers in these columns, all columns together (those that become notes and the rest). */
export function freeTextAnswersInColumns(columns: readonly SurveyColumnPlan[]): number {
  let total = 0;
  for (const column of columns) total += freeTextAnswersInColumn(column);
  return total;
}
