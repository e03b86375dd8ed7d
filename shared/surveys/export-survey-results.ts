import type { SurveyAnswer, SurveyQuestion, SurveyResponse } from '../domain/survey';
import { toCsv, type CsvOptions, type CsvValue } from '../export/csv';
import type { QuestionResult } from './survey-results';

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** A question as a column or row title: a grid item carries its grid's title. */
export function exportedQuestionText(question: SurveyQuestion): string {
  const title = question.gridTitle;
  if (question.type !== 'grid-item' || title === undefined || question.text.includes(title)) return question.text;
  return `${title} [${question.text}]`;
}

const RESULTS_HEADER = ['Question', 'Type', 'Option', 'Count', 'Percent', 'Statistic', 'Value'];

/**
 * Survey results as CSV, for a spreadsheet: per question (in the results' order) its Answered and
 * Skipped counts, one row per option with its count and percent of answered (one decimal; for
 * multi-choice, of respondents), then Mean, Median, Minimum, Maximum (two decimals) and NPS with
 * its promoters, passives and detractors where there are any. Option rows fill Option, Count and
 * Percent; statistic rows fill Statistic and Value. With a UTF-8 BOM unless `bom: false`.
 */
export function surveyResultsCsv(
  questions: readonly SurveyQuestion[],
  results: { readonly questions: readonly QuestionResult[] },
  options: CsvOptions = { bom: true },
): string {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const rows: CsvValue[][] = [RESULTS_HEADER];
  for (const result of results.questions) {
    const question = byId.get(result.questionId);
    const text = question === undefined ? result.questionId : exportedQuestionText(question);
    const statistic = (name: string, value: number): void => {
      rows.push([text, result.type, null, null, null, name, value]);
    };
    statistic('Answered', result.answered);
    statistic('Skipped', result.skipped);
    for (const option of result.options ?? []) rows.push([text, result.type, option.option, option.count, round(option.percent, 1), null, null]);
    if (result.stats !== undefined) {
      statistic('Mean', round(result.stats.mean, 2));
      statistic('Median', round(result.stats.median, 2));
      statistic('Minimum', result.stats.min);
      statistic('Maximum', result.stats.max);
    }
    if (result.nps !== undefined) {
      statistic('NPS', result.nps.score);
      statistic('Promoters (9-10)', result.nps.promoters);
      statistic('Passives (7-8)', result.nps.passives);
      statistic('Detractors (0-6)', result.nps.detractors);
    }
  }
  return toCsv(rows, options);
}

function answerCell(answer: SurveyAnswer | undefined): CsvValue {
  if (answer === null || answer === undefined || typeof answer === 'string' || typeof answer === 'number') return answer;
  return answer.join('; ');
}

/**
 * Responses as CSV, one row each: respondent key, submitted at (ISO 8601, UTC), then one column
 * per question in the order given, multi-choice picks joined with `; `. Numbers stay numbers;
 * text that a spreadsheet would run as a formula is neutralised. With a UTF-8 BOM unless `bom: false`.
 */
export function surveyResponsesCsv(
  questions: readonly SurveyQuestion[],
  responses: Iterable<Pick<SurveyResponse, 'respondentKey' | 'submittedAt' | 'answers'>>,
  options: CsvOptions = { bom: true },
): string {
  const rows: CsvValue[][] = [['Respondent', 'Submitted at', ...questions.map(exportedQuestionText)]];
  for (const response of responses) {
    const at = response.submittedAt;
    const submittedAt = at === undefined || !Number.isFinite(at) ? null : new Date(at).toISOString();
    rows.push([response.respondentKey, submittedAt, ...questions.map((question) => answerCell(response.answers[question.id]))]);
  }
  return toCsv(rows, options);
}
