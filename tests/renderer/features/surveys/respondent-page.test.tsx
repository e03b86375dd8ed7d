import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { writeSurveyImport } from '../../../../renderer/db/repositories/survey-import-writer';
import { RespondentPage } from '../../../../renderer/features/surveys/respondent-page';
import type { PlannedQuestion } from '../../../../shared/surveys/survey-import-plan';
import { createTestDependencies } from '../../db/create-test-dependencies';
import { openTestDatabase } from '../../db/open-test-database';

const QUESTIONS: readonly PlannedQuestion[] = [
  { key: 'sat', position: 0, text: 'How satisfied are you?', type: 'scale', scale: { min: 1, max: 3, labels: ['Unhappy', 'Neutral', 'Happy'] } },
  { key: 'tools', position: 1, text: 'Which tools?', type: 'multi-choice', options: ['CI', 'Grafana'] },
  { key: 'pain', position: 2, text: 'What slows you down?', type: 'free-text' },
  { key: 'team', position: 3, text: 'Which team are you on?', type: 'free-text', makesNotes: false },
];

async function seed(label: string, contact: boolean) {
  const db = await openTestDatabase(label);
  await writeSurveyImport(
    db,
    {
      title: 'Platform survey',
      sourceFileName: 'p.csv',
      format: 'generic',
      questions: QUESTIONS,
      responses: [
        {
          row: 2,
          respondentKey: 'r1',
          answersHash: 'h',
          submittedAt: Date.UTC(2025, 5, 1),
          ...(contact ? { email: 'ada@example.com', name: 'Ada Lovelace' } : {}),
          answers: { sat: 1, tools: null, pain: 'Flaky tests block every merge', team: 'Checkout' },
        },
      ],
    },
    createTestDependencies(),
  );
  const [response] = await db.surveyResponses.toArray();
  if (response === undefined) throw new Error('not seeded');
  return { db, response };
}

function renderPage(db: DiscoveryDb, surveyId: string, responseId: string) {
  render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter initialEntries={[`/surveys/${surveyId}/respondents/${responseId}`]}>
          <Routes>
            <Route path="/surveys/:surveyId/respondents/:responseId" element={<RespondentPage surveyId={surveyId} responseId={responseId} />} />
            <Route path="/discovery/notes/:noteId" element={<p>Chat note open</p>} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

// Live queries settle after several IndexedDB round trips: slow on a loaded machine.
const WAIT = { timeout: 8000 };

describe("one respondent's whole response", () => {
  it('shows every answer, empty ones as such, the free text as highlightable notes, and plans a chat that is not done yet', async () => {
    const user = userEvent.setup();
    const { db, response } = await seed('respondent-page', true);
    renderPage(db, response.surveyId, response.id);

    const page = await screen.findByRole('region', { name: 'Response of Ada Lovelace' }, WAIT);
    const answers = within(page).getByRole('list', { name: 'Answers' });
    const items = within(answers).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['How satisfied are you?', 'Which tools?', 'What slows you down?', 'Which team are you on?']);
    expect(items[0]?.textContent).toContain('1 (Unhappy)');
    expect(within(items[1] ?? page).getByText('No answer')).toBeTruthy();
    // An answer made a note: the respondent's words, locked, highlightable.
    const pain = await within(page).findByRole('textbox', { name: 'Answer to What slows you down?' }, WAIT);
    expect(pain.textContent).toBe('Flaky tests block every merge');
    expect(pain.getAttribute('aria-readonly')).toBe('true');
    // An answer kept as an answer only can be made a note to highlight.
    await user.click(within(items[3] ?? page).getByRole('button', { name: 'Make it a note to highlight' }));
    expect(await within(page).findByRole('textbox', { name: 'Answer to Which team are you on?' }, WAIT)).toBeTruthy();

    expect(within(page).getByText('Not marked to follow up')).toBeTruthy();
    await user.click(within(page).getByRole('button', { name: 'Follow up' }));
    expect(await within(page).findByText('To follow up', {}, WAIT)).toBeTruthy();
    await user.click(within(page).getByRole('button', { name: 'Plan a coffee chat' }));
    expect(await screen.findByText('Chat note open', {}, WAIT)).toBeTruthy();

    const chat = (await db.notes.toArray()).find((note) => note.channel === 'coffee-chat');
    expect(chat?.plainText).toContain('What slows you down?: Flaky tests block every merge');
    const stored = await db.surveyResponses.get(response.id);
    expect(stored?.followUp?.chatNoteId).toBe(chat?.id);
    expect(stored?.followUp?.doneAt).toBeUndefined();
  });

  it('cannot plan a chat with an anonymous respondent, and reaches every action by keyboard', async () => {
    const user = userEvent.setup();
    const { db, response } = await seed('respondent-page-anonymous', false);
    renderPage(db, response.surveyId, response.id);
    const page = await screen.findByRole('region', { name: /^Response of Anonymous respondent/ }, WAIT);
    expect((within(page).getByRole('button', { name: 'Plan a coffee chat' }) as HTMLButtonElement).disabled).toBe(true);
    await user.tab();
    expect(document.activeElement?.textContent).toContain('Platform survey');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Follow up');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.surveyResponses.get(response.id))?.followUp?.markedAt).toEqual(expect.any(Number)), WAIT);
  });
});
