import type { SurveyQuestion } from '../domain/survey';

/**
 * Whether a question's answers are free text: a free-text question, or a grid row read as free
 * text (a text-entry matrix, a multi-field question, a choice's "Other" box). Each such answer is
 * a survey-response note and is listed under Free-text answers.
 */
export function isFreeTextQuestion(question: Pick<SurveyQuestion, 'type' | 'itemType'>): boolean {
  return question.type === 'free-text' || (question.type === 'grid-item' && question.itemType === 'free-text');
}

/** How a free-text question is named in lists: its text, or for a grid row `Question › Row`. */
export function freeTextLabel(question: Pick<SurveyQuestion, 'type' | 'text' | 'gridTitle'>): string {
  if (question.type !== 'grid-item' || question.gridTitle === undefined) return question.text;
  const bracket = /\[([^\]]*)\]\s*$/.exec(question.text);
  const row = bracket !== null && question.text.startsWith(question.gridTitle) ? (bracket[1] ?? '').trim() : question.text;
  return `${question.gridTitle} › ${row}`;
}
