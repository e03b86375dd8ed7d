import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../../../renderer/components/toast';
import { DatabaseContext, StorageFullError, type DiscoveryDb } from '../../../../../renderer/db';
import { createSurveyPlansRepository } from '../../../../../renderer/db/repositories/survey-plans-repository';
import { SurveyPlansView } from '../../../../../renderer/features/surveys/plans/survey-plans-view';
import { createTestDependencies } from '../../../db/create-test-dependencies';
import { openTestDatabase } from '../../../db/open-test-database';

function renderPlans(db: DiscoveryDb, path = '/surveys/plans') {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/surveys/plans/*" element={<SurveyPlansView />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

const checksPanel = () => screen.getByRole('complementary', { name: 'Checks' });
const questionText = (number: number) => screen.getByRole('textbox', { name: `Question ${number}` });

async function expectSaved() {
  await waitFor(() => expect(screen.getAllByRole('status').some((status) => status.textContent === 'Saved')).toBe(true), { timeout: 3000 });
}

async function addQuestion(user: UserEvent, text: string, type?: string) {
  await user.click(screen.getByRole('button', { name: 'Add question' }));
  const number = screen.getAllByRole('textbox', { name: /^Question \d+$/ }).length;
  expect(questionText(number)).toBe(document.activeElement);
  await user.paste(text);
  if (type) await user.selectOptions(screen.getByRole('combobox', { name: `Question ${number} type` }), type);
}

async function addReviewer(user: UserEvent, name: string, perspective: string) {
  const form = screen.getByRole('form', { name: 'Add a reviewer' });
  await user.type(within(form).getByRole('textbox', { name: 'Reviewer name' }), name);
  await user.type(within(form).getByRole('textbox', { name: 'Perspective' }), perspective);
  await user.click(within(form).getByRole('button', { name: 'Add reviewer' }));
}

// Each test types whole questions with user-event into a full React tree: several seconds each, far more on a busy machine.
describe('survey plans', { timeout: 60_000 }, () => {
  it('starts from an empty list, and a new plan opens in the editor with every check explained', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-new');
    renderPlans(db);

    expect(await screen.findByText('No survey plans yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New survey plan' }));

    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(title).toBe(document.activeElement);
    expect(screen.getByText(/No questions yet/)).toBeTruthy();
    expect(screen.getByText(/No reviewers yet. Add at least two people/)).toBeTruthy();
    expect(within(checksPanel()).getByText('Add at least one question.')).toBeTruthy();
    expect(within(checksPanel()).getByText('Draft')).toBeTruthy();

    await user.type(title, 'CI pain survey');
    await user.type(screen.getByRole('textbox', { name: 'Goal' }), 'Decide whether to build a remote cache');
    await user.type(screen.getByRole('textbox', { name: 'Audience' }), 'Product engineers');
    await expectSaved();
    const [stored] = await createSurveyPlansRepository(db).listNewest();
    expect(stored).toMatchObject({ title: 'CI pain survey', goal: 'Decide whether to build a remote cache', audience: 'Product engineers' });
  });

  it('warns while typing when the survey gets long or has few quantified questions, and hints at double questions', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-warnings');
    const plan = await createSurveyPlansRepository(db).create({ title: 'Long one' });
    renderPlans(db, `/surveys/plans/${plan.id}`);
    await screen.findByRole('textbox', { name: 'Title' });

    await addQuestion(user, 'How satisfied are you with CI?');
    expect(within(checksPanel()).queryByText(/Long survey/)).toBeNull();
    for (let number = 2; number <= 11; number += 1) await addQuestion(user, `What slows you down, part ${number}?`, 'free-text');

    const panel = within(checksPanel());
    expect(panel.getByText(/Long survey: 11 questions \(aim for 10 or fewer\) and about 11 minutes/)).toBeTruthy();
    expect(panel.getByText(/Few quantified questions: 1 of 11/)).toBeTruthy();
    expect(panel.getByText('about 11 min')).toBeTruthy();

    await addQuestion(user, 'How fast and reliable are builds?');
    expect(panel.getByText(/Question 12 may ask two things at once/)).toBeTruthy();
    expect(panel.getAllByText('Hint').length).toBe(1);

    // A choice question needs two options; the options box takes one per line.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Question 12 type' }), 'single-choice');
    expect(panel.getByText('Question 12 needs at least two options to choose from.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Question 12 options, one per line' }), 'Yes{Enter}{Enter}No');
    expect(panel.queryByText('Question 12 needs at least two options to choose from.')).toBeNull();
    await expectSaved();
    const [stored] = await createSurveyPlansRepository(db).listNewest();
    expect(stored?.questions.at(-1)).toMatchObject({ type: 'single-choice', options: ['Yes', 'No'] });
    // It types twelve questions key by key: on a loaded 2-core machine that outlasts the 5 s default.
  }, 20_000);

  it('reorders questions with buttons and with Alt+Arrow keys, keeping focus, and removes one with undo', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-move');
    const plan = await createSurveyPlansRepository(db).create({ title: 'Order' });
    renderPlans(db, `/surveys/plans/${plan.id}`);
    await screen.findByRole('textbox', { name: 'Title' });
    await addQuestion(user, 'First');
    await addQuestion(user, 'Second');
    await addQuestion(user, 'Third');

    const texts = () => screen.getAllByRole('textbox', { name: /^Question \d+$/ }).map((box) => (box as HTMLTextAreaElement).value);
    await user.click(screen.getByRole('button', { name: 'Move question 3 up' }));
    expect(texts()).toEqual(['First', 'Third', 'Second']);
    expect((screen.getByRole('button', { name: 'Move question 1 up' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(questionText(1));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(texts()).toEqual(['Third', 'First', 'Second']);
    expect(document.activeElement).toBe(questionText(2));
    expect(screen.getByText('Question 1 moved to position 2 of 3.')).toBeTruthy();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(texts()).toEqual(['First', 'Third', 'Second']);
    expect(document.activeElement).toBe(questionText(1));

    await user.click(screen.getByRole('button', { name: 'Remove question 2' }));
    expect(texts()).toEqual(['First', 'Second']);
    await user.click(within(screen.getByText(/Removed question 2/).closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(texts()).toEqual(['First', 'Third', 'Second']);
  });

  it('needs two reviewers with different perspectives who both signed off; a later question change marks their sign-offs as earlier', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-review');
    const plan = await createSurveyPlansRepository(db).create({ title: 'Reviewed' });
    renderPlans(db, `/surveys/plans/${plan.id}`);
    await screen.findByRole('textbox', { name: 'Title' });
    await addQuestion(user, 'How many minutes does your CI take?', 'number');
    const panel = within(checksPanel());

    // The form asks for a perspective: the method is about opposing ones.
    await user.type(screen.getByRole('textbox', { name: 'Reviewer name' }), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Add reviewer' }));
    expect(screen.getByText('Say where they stand, so the perspectives can be compared.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Perspective' }), 'SRE on-call, sceptical of more tooling');
    await user.click(screen.getByRole('button', { name: 'Add reviewer' }));
    expect(panel.getByText('Add a second reviewer whose perspective differs from the first.')).toBeTruthy();

    await addReviewer(user, 'Priya', 'sre on-call, SCEPTICAL of more tooling');
    expect(panel.getByText(/The reviewers share one perspective/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove reviewer Priya' }));
    await addReviewer(user, 'Priya', 'Product engineer who wants faster builds');
    expect(panel.getByText('In review: 0 of 2 signed off')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sign off for Sam' }));
    expect(panel.getByText('In review: 1 of 2 signed off')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Priya’s comment (optional)' }), 'Fine by me');
    await user.click(screen.getByRole('button', { name: 'Sign off for Priya' }));
    expect(panel.getByText('Ready to send')).toBeTruthy();
    expect(panel.getByText('Ready to send: every reviewer signed off these questions.')).toBeTruthy();
    await expectSaved();

    // Editing the questions keeps the sign-offs on record but they no longer count.
    await user.type(questionText(1), ' per run');
    expect(screen.getAllByText('Signed off before the last change')).toHaveLength(2);
    expect(panel.getByText('In review: 0 of 2 signed off')).toBeTruthy();
    expect(screen.getByText(/The questions changed after 2 sign-offs/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sign off again for Sam' }));
    await user.click(screen.getByRole('button', { name: 'Sign off again for Priya' }));
    expect(panel.getByText('Ready to send')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Withdraw sign-off for Priya' }));
    expect(panel.getByText('In review: 1 of 2 signed off')).toBeTruthy();
    await expectSaved();

    const stored = await createSurveyPlansRepository(db).get(plan.id);
    expect(stored?.reviewers.map((reviewer) => [reviewer.name, reviewer.signedOffAt !== undefined, reviewer.comment])).toEqual([
      ['Sam', true, undefined],
      ['Priya', false, 'Fine by me'],
    ]);
  });

  it('shows a failed save with its reason, keeps the text, and saves it on retry', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-failed-save');
    const plan = await createSurveyPlansRepository(db).create({ title: 'Draft' });
    renderPlans(db, `/surveys/plans/${plan.id}`);
    const title = await screen.findByRole('textbox', { name: 'Title' });

    const refuse = vi.spyOn(db, 'assertWritable').mockImplementation(() => {
      throw new StorageFullError();
    });
    await user.type(title, ' plan');
    expect(await screen.findByText(`Not saved: ${new StorageFullError().message}`, undefined, { timeout: 3000 })).toBeTruthy();
    expect((title as HTMLInputElement).value).toBe('Draft plan');

    refuse.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await expectSaved();
    expect((await createSurveyPlansRepository(db).get(plan.id))?.title).toBe('Draft plan');
  });

  it('lists plans with their status, deletes one and brings it back with Undo', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-list');
    const plans = createSurveyPlansRepository(db, createTestDependencies());
    const older = await plans.create({ title: 'Older plan' });
    await plans.update(older.id, {
      questions: [{ id: 'q1', text: 'How fast is CI?', type: 'scale', scale: { min: 1, max: 5 } }],
      reviewers: [
        { id: 'r1', name: 'Sam', perspective: 'SRE', signedOffAt: 1 },
        { id: 'r2', name: 'Priya', perspective: 'Developer', signedOffAt: 2 },
      ],
    });
    await plans.create({ title: 'Newer plan' });
    await plans.update((await plans.listNewest())[0]?.id ?? '', { reviewers: [{ id: 'r1', name: 'Sam', perspective: 'SRE' }] });
    renderPlans(db);

    const list = await screen.findByRole('list', { name: 'Survey plans' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Newer plan', 'Older plan']);
    expect(within(rows[0] as HTMLElement).getByText('In review: 0 of 1 signed off')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Ready to send')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(/1 question · about 1 min/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete “Older plan”' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Older plan' })).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Older plan' })).toBeTruthy();
  });

  it('keeps everything across a restart of the screen', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('plans-view-reload');
    const plan = await createSurveyPlansRepository(db).create({ title: 'Kept' });
    const first = renderPlans(db, `/surveys/plans/${plan.id}`);
    await screen.findByRole('textbox', { name: 'Title' });
    await addQuestion(user, 'Which region do you deploy to?', 'multi-choice');
    await user.type(screen.getByRole('textbox', { name: 'Question 1 options, one per line' }), 'eu-west-1{Enter}us-east-1');
    await expectSaved();
    await act(async () => first.unmount());

    renderPlans(db, `/surveys/plans/${plan.id}`);
    expect(await screen.findByDisplayValue('Which region do you deploy to?')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Question 1 type' }) as HTMLSelectElement).value).toBe('multi-choice');
    expect((screen.getByRole('textbox', { name: 'Question 1 options, one per line' }) as HTMLTextAreaElement).value).toBe('eu-west-1\nus-east-1');
  });

  it('says so when a plan does not exist', async () => {
    const db = await openTestDatabase('plans-view-missing');
    renderPlans(db, '/surveys/plans/nope');
    expect(await screen.findByText('This survey plan does not exist')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All survey plans' })).toBeTruthy();
  });
});
