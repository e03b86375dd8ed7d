import type { SurveyAnswer, SurveyQuestion } from '../../../shared/domain/survey';

/**
 * `count` responses to 20 questions, four of each type (scale, single choice, multi choice,
 * number, free text), answered in a fixed pattern: every scale question's five values come up
 * equally often. Used by the unit test (counts) and by tests/bench/pure-rules-bench.ts (speed).
 */
export function manySurveyResponses(count: number): { questions: SurveyQuestion[]; responses: Record<string, SurveyAnswer>[] } {
  const questions: SurveyQuestion[] = [];
  for (let i = 0; i < 20; i += 1) {
    const base = { id: `q${i}`, surveyId: 's1', position: i, text: `Question ${i}` };
    const kind = i % 5;
    if (kind === 0) questions.push({ ...base, type: 'scale', scale: { min: 1, max: 5 } });
    else if (kind === 1) questions.push({ ...base, type: 'single-choice', options: ['A', 'B', 'C', 'D'] });
    else if (kind === 2) questions.push({ ...base, type: 'multi-choice', options: ['A', 'B', 'C', 'D'] });
    else if (kind === 3) questions.push({ ...base, type: 'number' });
    else questions.push({ ...base, type: 'free-text' });
  }
  const picks = [['A'], ['B', 'C'], ['A', 'D'], []];
  const letters = ['A', 'B', 'C', 'D'];
  const responses: Record<string, SurveyAnswer>[] = [];
  for (let r = 0; r < count; r += 1) {
    const answers: Record<string, SurveyAnswer> = {};
    questions.forEach((q, i) => {
      const kind = i % 5;
      answers[q.id] =
        kind === 0 ? 1 + ((r + i) % 5) : kind === 1 ? (letters[(r + i) % 4] ?? null) : kind === 2 ? (picks[(r + i) % 4] ?? null) : kind === 3 ? (r * 7) % 101 : r % 3 === 0 ? null : 'text';
    });
    responses.push(answers);
  }
  return { questions, responses };
}
