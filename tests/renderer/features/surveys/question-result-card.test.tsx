import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionResultCard } from '../../../../renderer/features/surveys/question-result-card';
import type { SurveyQuestion } from '../../../../shared/domain/survey';
import type { QuestionResult } from '../../../../shared/surveys/survey-results';

const question: SurveyQuestion = { id: 'q', surveyId: 's', position: 0, text: 'Which tools do you use?', type: 'multi-choice' };
const option = (name: string, count: number) => ({ option: name, count, percent: count * 10 });

describe('a choice question in the results', () => {
  it('shows choices most chosen first and folds one-off write-ins into an expandable Other (N)', () => {
    const result: QuestionResult = {
      questionId: 'q',
      type: 'multi-choice',
      answered: 10,
      skipped: 0,
      options: [option('Vault', 2), option('CI', 8), option('my scripts', 1), option('Grafana', 6), option('Terraform', 4), option('Jenkins X', 1), option('a wiki', 1)],
    };
    render(<QuestionResultCard question={question} result={result} />);
    const card = screen.getByRole('article', { name: 'Which tools do you use?' });
    const [bars] = within(card).getAllByRole('list');
    expect(within(bars ?? card).getAllByRole('listitem').map((row) => row.firstChild?.textContent)).toEqual(['CI', 'Grafana', 'Terraform', 'Vault']);
    expect(within(card).getByText(/^Other \(3\)/)).toBeTruthy();
    const folded = within(card).getByRole('list', { name: 'Answers given once each', hidden: true });
    expect(within(folded).getAllByRole('listitem', { hidden: true }).map((row) => row.firstChild?.textContent)).toEqual(['my scripts', 'Jenkins X', 'a wiki']);
  });
});
