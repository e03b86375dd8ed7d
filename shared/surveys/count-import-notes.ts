import type { SurveyColumnPlan } from './survey-import-plan';

/**
 * How many survey-response notes an import makes from one column: one per answer of a free-text
 * question or of a grid row read as free text (as the import writer makes them), none otherwise.
 */
export function notesFromColumn(column: SurveyColumnPlan): number {
  const isFreeText = (column.role === 'question' || column.role === 'grid-item') && (column.type ?? 'free-text') === 'free-text';
  return isFreeText ? column.filled : 0;
}

/** The notes an import of these columns makes, all columns together. */
export function notesFromColumns(columns: readonly SurveyColumnPlan[]): number {
  let total = 0;
  for (const column of columns) total += notesFromColumn(column);
  return total;
}
