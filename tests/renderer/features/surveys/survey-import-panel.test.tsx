import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SurveyImportPanel } from '../../../../renderer/features/surveys/survey-import-panel';
import type { SurveyImportControls, SurveyImportPreview } from '../../../../renderer/surveys';
import type { SurveyColumnPlan } from '../../../../shared/surveys/survey-import-plan';

const column = (index: number, header: string, patch: Partial<SurveyColumnPlan>): SurveyColumnPlan => ({
  index,
  header,
  role: 'question',
  filled: 10,
  samples: [],
  ...(patch.role === undefined || patch.role === 'question' ? { type: 'free-text' } : {}),
  ...patch,
});

function previewOf(columns: readonly SurveyColumnPlan[]): SurveyImportPreview {
  return {
    fileName: 'survey.csv',
    fileKind: 'text',
    plan: { format: 'generic', title: 'Survey', responseCount: 10, columns, notices: [] },
    sampleRows: [],
    problems: [],
    matches: [],
  };
}

function renderPreview(columns: readonly SurveyColumnPlan[]) {
  const commit = vi.fn<SurveyImportControls['commit']>();
  const controls: SurveyImportControls = { state: { kind: 'preview', preview: previewOf(columns), problems: [] }, start: vi.fn(), commit, cancel: vi.fn(), reset: vi.fn() };
  render(
    <MemoryRouter>
      <SurveyImportPanel controls={controls} onChooseAnother={vi.fn()} />
    </MemoryRouter>,
  );
  return commit;
}

const TRIAGE_COLUMNS = [
  column(0, 'Email', { role: 'email'}),
  column(1, 'Which team are you on?', { makesNotes: false }),
  column(2, 'What slows you down?', { makesNotes: true, filled: 8 }),
];

describe('the import preview', () => {
  it('lets the person choose which free-text questions become notes, counting the notes out of every free-text answer', async () => {
    const user = userEvent.setup();
    const commit = renderPreview(TRIAGE_COLUMNS);
    const count = screen.getByTestId('import-note-count');
    expect(count.textContent).toBe('8 notes from 18 free-text answers');
    const team = screen.getByRole('checkbox', { name: 'Make notes of the answers to Which team are you on?' });
    const pains = screen.getByRole('checkbox', { name: 'Make notes of the answers to What slows you down?' });
    expect((team as HTMLInputElement).checked).toBe(false);
    expect((pains as HTMLInputElement).checked).toBe(true);

    await user.click(team);
    expect(count.textContent).toBe('18 notes from 18 free-text answers');
    await user.click(pains);
    await user.click(team);
    expect(count.textContent).toBe('0 notes from 18 free-text answers');
    expect(screen.getAllByText('answers only')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Import 10 responses' }));
    const columns = commit.mock.calls[0]?.[0].columns ?? [];
    expect(columns.map((entry) => entry.makesNotes)).toEqual([undefined, false, false]);
  });

  it('says before anything is imported when no column identifies respondents, and not when one does', async () => {
    const user = userEvent.setup();
    renderPreview(TRIAGE_COLUMNS.slice(1));
    const warning = screen.getByRole('status', { name: 'Respondents cannot be identified' });
    expect(warning.textContent).toContain('Nobody in this file can be followed up');
    expect(within(warning).getByText(/No column is a respondent id, email or name/)).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of Which team are you on?' }), 'name');
    expect(screen.queryByRole('status', { name: 'Respondents cannot be identified' })).toBeNull();
  });

  it('shows no warning for a file with a respondent key', () => {
    renderPreview([column(0, 'Response ID', { role: 'respondent-key'}), ...TRIAGE_COLUMNS.slice(1)]);
    expect(screen.queryByRole('status', { name: 'Respondents cannot be identified' })).toBeNull();
  });
});
