import { describe, expect, it } from 'vitest';
import { notesFromColumn, notesFromColumns } from '../../../shared/surveys/count-import-notes';
import { planSurveyColumns } from '../../../shared/surveys/plan-survey-columns';
import type { SurveyColumnPlan } from '../../../shared/surveys/survey-import-plan';
import { fixtureBytes, tableOf } from './survey-fixtures';

const column = (patch: Partial<SurveyColumnPlan>): SurveyColumnPlan => ({ index: 0, header: 'Q', role: 'question', filled: 7, samples: [], ...patch });

describe('notes an import makes', () => {
  it('counts one note per answer of free-text questions and free-text grid rows only', () => {
    expect(notesFromColumn(column({ type: 'free-text' }))).toBe(7);
    expect(notesFromColumn(column({ role: 'grid-item', type: 'free-text' }))).toBe(7);
    expect(notesFromColumn(column({ type: 'single-choice' }))).toBe(0);
    expect(notesFromColumn(column({ role: 'metadata' }))).toBe(0);
    expect(notesFromColumn(column({ role: 'choice-option', type: 'free-text' }))).toBe(0);
  });

  it('makes notes only of the prose column of a file with ids, ZIP codes, dates and short categories', () => {
    const plan = planSurveyColumns(tableOf(fixtureBytes('open-answer-shapes.csv')));
    expect(plan.columns.map((c) => notesFromColumn(c))).toEqual([0, 0, 0, 0, 0, 0, 30]);
    expect(notesFromColumns(plan.columns)).toBe(30);
  });
});
