import type { SurveyAnswer, SurveyQuestion } from '../domain/survey';
import { isFreeTextQuestion } from './free-text-questions';
import type { PromptingAnswer } from './follow-up-chat';

/** An answer as a person reads it: a scale point with its word when the file gave one, choices joined; null when not answered. */
export function formatAnswer(question: Pick<SurveyQuestion, 'scale'>, answer: SurveyAnswer | undefined): string | null {
  if (answer === undefined || answer === null) return null;
  if (typeof answer === 'number') {
    const label = question.scale?.labels?.[answer - question.scale.min];
    return label === undefined || label === String(answer) ? answer.toLocaleString('en-US') : `${answer} (${label})`;
  }
  if (typeof answer === 'string') return answer.trim() === '' ? null : answer;
  return answer.length === 0 ? null : answer.join(', ');
}

/** How a question is named beside its answer: its text, a grid row as `Grid › Row`. */
export function answerQuestionLabel(question: Pick<SurveyQuestion, 'type' | 'text' | 'gridTitle'>): string {
  return question.type === 'grid-item' && question.gridTitle !== undefined ? `${question.gridTitle} › ${question.text}` : question.text;
}

/**
 * The answers a follow-up chat starts with: those to `questionIds` (the filters that found the
 * respondent) when given, else the respondent's own words (every free-text answer), in question order.
 */
export function promptingAnswers(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, SurveyAnswer>>,
  questionIds?: readonly string[],
): PromptingAnswer[] {
  const wanted = questionIds === undefined || questionIds.length === 0 ? undefined : new Set(questionIds);
  return questions.flatMap((question) => {
    if (wanted === undefined ? !isFreeTextQuestion(question) : !wanted.has(question.id)) return [];
    const answer = formatAnswer(question, answers[question.id]);
    return answer === null ? [] : [{ question: answerQuestionLabel(question), answer }];
  });
}
