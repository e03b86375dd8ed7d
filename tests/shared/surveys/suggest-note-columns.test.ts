import { describe, expect, it } from 'vitest';
import { notesFromColumns } from '../../../shared/surveys/count-import-notes';
import { planSurveyColumns } from '../../../shared/surveys/plan-survey-columns';
import { readSurveyResponses } from '../../../shared/surveys/read-survey-responses';
import { freeTextColumnStats, isSuggestedForNotes, suggestNoteColumns } from '../../../shared/surveys/suggest-note-columns';
import type { SurveyColumnPlan } from '../../../shared/surveys/survey-import-plan';
import { tableFromRows } from './survey-fixtures';

const team = ['Checkout', 'Payments', 'Checkout', 'Search', 'Checkout', 'Payments'];
const pains = [
  'Deploys take forty minutes and fail at random',
  'I cannot find who owns a service when it pages me',
  'Flaky integration tests block every merge on Fridays',
  'The staging database is always out of date with prod',
  'Secrets rotation is manual and I forget it',
  'Logs are spread over three tools',
];

describe('which free-text questions become notes', () => {
  it('suggests long, mostly distinct answers and leaves short repeated ones as answers', () => {
    expect(isSuggestedForNotes(freeTextColumnStats(pains))).toBe(true);
    expect(isSuggestedForNotes(freeTextColumnStats(team))).toBe(false);
    // Distinct but short (one-word labels) is not prose either.
    expect(isSuggestedForNotes(freeTextColumnStats(['Go', 'Rust', 'Java', 'Python']))).toBe(false);
    // Long but the same answer over and over (a pasted template) is not evidence per answer.
    expect(isSuggestedForNotes(freeTextColumnStats(Array.from({ length: 6 }, () => 'No comment from me at this time, thanks')))).toBe(false);
    expect(isSuggestedForNotes(freeTextColumnStats(['', '  ']))).toBe(false);
  });

  it('marks the columns of a file and the import reads the choice into its questions', () => {
    const table = tableFromRows([['Which team are you on?', 'What slows you down?'], ...team.map((name, index) => [name, pains[index] ?? ''])]);
    const guessed = planSurveyColumns(table).columns.map((column): SurveyColumnPlan => ({ ...column, role: 'question', type: 'free-text' }));
    const columns = suggestNoteColumns(table, guessed);
    expect(columns.map((column) => column.makesNotes)).toEqual([false, true]);
    expect(notesFromColumns(columns)).toBe(6);
    const read = readSurveyResponses(table, columns);
    expect(read.ok && read.questions.map((question) => question.makesNotes)).toEqual([false, undefined]);
  });
});
