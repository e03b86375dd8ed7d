import { describe, expect, it } from 'vitest';
import type { SurveyQuestionType } from '../../../shared/domain/survey';
import { parseSurveyTable } from '../../../shared/surveys/parse-survey-table';
import { planSurveyColumns } from '../../../shared/surveys/plan-survey-columns';
import { readSurveyResponses } from '../../../shared/surveys/read-survey-responses';
import { generateSurvey } from '../../bench/generate-survey';
import { SURVEY_FILE_SHAPES, surveyCsvLines } from '../../bench/survey-csv-lines';

// The benchmark imports these files: the planner must read them as the generator wrote them.
const RESPONSES = 300;

describe.each(SURVEY_FILE_SHAPES)('the %s benchmark file', (shape) => {
  const generated = generateSurvey({ seed: 42, responseCount: RESPONSES });
  const parsed = parseSurveyTable([...surveyCsvLines(generated, shape)].join(''));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const { table } = parsed;
  const plan = planSurveyColumns(table, { fileName: generated.survey.sourceFileName });
  const fixed = shape === 'google-forms' ? 2 : 3;

  it('is planned with the generator question types', () => {
    expect(plan.title).toBe('Platform developer survey');
    const answerColumns = plan.columns.slice(fixed);
    const types = answerColumns.map((column): SurveyQuestionType | undefined => (column.role === 'grid-item' ? 'grid-item' : column.type));
    expect(types).toEqual(generated.questions.map((question) => question.type));
    expect(answerColumns.every((column) => column.role === 'question' || column.role === 'grid-item')).toBe(true);
    expect(plan.columns.slice(0, fixed).map((column) => column.role)).toEqual(
      shape === 'google-forms' ? ['submitted-at', 'email'] : ['respondent-key', 'submitted-at', 'email'],
    );
    for (const [i, question] of generated.questions.entries()) {
      const column = answerColumns[i];
      if (question.scale !== undefined) expect(column?.scale, question.text).toEqual(question.scale);
      if (question.gridTitle !== undefined) expect([column?.group, column?.item]).toEqual([question.gridTitle, question.text]);
    }
  });

  it('reads every answer, email and time as generated', () => {
    const read = readSurveyResponses(table, plan.columns);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.questions.map((q) => q.text)).toEqual(generated.questions.map((q) => q.text));
    expect(read.questions.map((q) => q.gridTitle)).toEqual(generated.questions.map((q) => q.gridTitle));
    expect(read.responses).toHaveLength(RESPONSES);
    for (const [index, response] of read.responses.entries()) {
      const expected = generated.responseAt(index);
      expect(response.email).toBe(expected.email);
      expect(response.submittedAt).toBe(expected.submittedAt);
      if (shape === 'generic') expect(response.respondentKey).toBe(expected.response.id);
      const answers = Object.fromEntries(read.questions.map((question, i) => [question.key, expected.response.answers[generated.questions[i]?.id ?? ''] ?? null]));
      expect(response.answers).toEqual(answers);
    }
    expect(new Set(read.responses.map((r) => r.respondentKey)).size).toBe(RESPONSES);
  });
});
