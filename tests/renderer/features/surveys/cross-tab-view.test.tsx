import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DatabaseContext } from '../../../../renderer/db';
import { writeSurveyImport } from '../../../../renderer/db/repositories/survey-import-writer';
import { CrossTabView } from '../../../../renderer/features/surveys/cross-tab-view';
import type { PlannedQuestion } from '../../../../shared/surveys/survey-import-plan';
import { createTestDependencies } from '../../db/create-test-dependencies';
import { openTestDatabase } from '../../db/open-test-database';

const QUESTIONS: readonly PlannedQuestion[] = [
  { key: 'stable', position: 0, text: 'Is it stable enough?', type: 'scale', scale: { min: 1, max: 2, labels: ['No', 'Yes'] } },
  { key: 'size', position: 1, text: 'Cluster size', type: 'single-choice', options: ['Small', 'Large'] },
  { key: 'why', position: 2, text: 'Why?', type: 'free-text', makesNotes: false },
];

const ANSWERS = [
  { stable: 1, size: 'Large', why: null },
  { stable: 1, size: 'Large', why: null },
  { stable: 2, size: 'Large', why: null },
  { stable: 2, size: 'Small', why: null },
  { stable: null, size: 'Small', why: null },
];

describe('survey cross-tab', () => {
  it('shows one question by another with counts and row percentages', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('cross-tab');
    await writeSurveyImport(
      db,
      {
        title: 'Platform survey',
        sourceFileName: 'p.csv',
        format: 'generic',
        questions: QUESTIONS,
        responses: ANSWERS.map((answers, index) => ({ row: index + 2, respondentKey: `r${index}`, answersHash: `h${index}`, answers })),
      },
      createTestDependencies(),
    );
    const surveyId = (await db.surveys.toArray())[0]?.id ?? '';
    const questions = await db.surveyQuestions.where('surveyId').equals(surveyId).sortBy('position');
    render(
      <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
        <CrossTabView surveyId={surveyId} questions={questions} />
      </DatabaseContext.Provider>,
    );
    // Free text cannot be split by.
    expect(within(screen.getByRole('combobox', { name: /Rows/ })).queryByRole('option', { name: 'Why?' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: /Rows/ }), 'Is it stable enough?');
    await user.selectOptions(screen.getByRole('combobox', { name: /Columns/ }), 'Cluster size');
    const table = await screen.findByRole('table', { name: /Is it stable enough\? by Cluster size/ }, { timeout: 8000 });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['Is it stable enough?', 'Small', 'Large', 'Total'],
      ['1 (No)', '0 0%', '2 100%', '2'],
      ['2 (Yes)', '1 50%', '1 50%', '2'],
      ['Total', '1', '3', '4'],
    ]);
    expect(table.textContent).toContain('4 responses answered both, 1 skipped one and are left out');
  });
});
