import { expect, test, type Page } from '@playwright/test';

async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

async function addQuestion(page: Page, number: number, text: string, type: string) {
  await page.getByRole('button', { name: 'Add question' }).click();
  const box = page.getByRole('textbox', { name: `Question ${number}`, exact: true });
  await expect(box).toBeFocused();
  await box.fill(text);
  await page.getByRole('combobox', { name: `Question ${number} type` }).selectOption({ label: type });
}

async function addReviewer(page: Page, name: string, perspective: string) {
  const form = page.getByRole('form', { name: 'Add a reviewer' });
  await form.getByRole('textbox', { name: 'Reviewer name' }).fill(name);
  await form.getByRole('textbox', { name: 'Perspective' }).fill(perspective);
  await form.getByRole('button', { name: 'Add reviewer' }).click();
}

const FREE_TEXT_QUESTIONS = [
  'What slows down your deploys the most?',
  'Describe the last time CI blocked a release.',
  'Which tools do you wish the platform team provided?',
  'What would you stop doing if builds took one minute?',
  'Where do you lose time waiting on other teams?',
  'What is the most annoying part of on-call handovers?',
  'What did you try to speed up your local builds?',
  'Which dashboards do you open first during an incident?',
  'What would make you trust the staging environment?',
  'Anything else we should know?',
];

test('a researcher plans a survey, sees it is long and barely quantified, and gets two opposing reviewers to sign off', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto('/#/surveys/plans');
  await expect(page.getByText('No survey plans yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/survey-plans-empty.png' });
  await page.getByRole('button', { name: 'New survey plan' }).click();

  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill('Build and deploy pain, Q3');
  await page.getByRole('textbox', { name: 'Goal' }).fill('Decide whether to fund a remote build cache next quarter');
  await page.getByRole('textbox', { name: 'Audience' }).fill('Product engineers who deploy at least weekly');

  // Twelve questions, mostly free text.
  await addQuestion(page, 1, 'How satisfied are you with CI speed?', 'Scale');
  await addQuestion(page, 2, 'How many minutes does a typical CI run take?', 'Number');
  for (const [index, text] of FREE_TEXT_QUESTIONS.entries()) await addQuestion(page, index + 3, text, 'Free text');

  const checks = page.getByRole('complementary', { name: 'Checks' });
  await expect(checks.getByText(/Long survey: 12 questions/)).toBeVisible();
  await expect(checks.getByText(/Few quantified questions: 2 of 12/)).toBeVisible();
  await expect(checks.getByText('about 11 min', { exact: true })).toBeVisible();

  // Alt+ArrowDown moves the question being edited, and the cursor stays in it.
  const first = page.getByRole('textbox', { name: 'Question 1', exact: true });
  await first.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('textbox', { name: 'Question 2', exact: true })).toHaveValue('How satisfied are you with CI speed?');
  await expect(page.getByRole('textbox', { name: 'Question 2', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Move question 2 up' }).click();
  await expect(first).toHaveValue('How satisfied are you with CI speed?');

  // Two reviewers with different perspectives sign off.
  await addReviewer(page, 'Sam Okafor', 'SRE on-call, sceptical of more tooling');
  await addReviewer(page, 'Priya Raman', 'Product engineer who wants faster builds');
  await expect(checks.getByText('In review: 0 of 2 signed off')).toBeVisible();
  await page.getByRole('button', { name: 'Sign off for Sam Okafor' }).click();
  await expect(checks.getByText('In review: 1 of 2 signed off')).toBeVisible();
  await page.getByRole('textbox', { name: 'Priya Raman’s comment (optional)' }).fill('Question 4 could be a number.');
  await page.getByRole('button', { name: 'Sign off for Priya Raman' }).click();
  await expect(checks.getByText('Ready to send', { exact: true })).toBeVisible();
  await expectSaved(page);

  await page.getByRole('heading', { name: 'Reviewers' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/survey-plan-reviewers.png' });
  await title.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/survey-plan-editor.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/survey-plan-editor-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Everything is kept across a reload.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Build and deploy pain, Q3');
  await expect(page.getByRole('textbox', { name: 'Goal' })).toHaveValue('Decide whether to fund a remote build cache next quarter');
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('listitem')).toHaveCount(12);
  await expect(page.getByRole('textbox', { name: 'Question 12', exact: true })).toHaveValue('Anything else we should know?');
  await expect(page.getByRole('textbox', { name: 'Priya Raman’s comment (optional)' })).toHaveValue('Question 4 could be a number.');
  await expect(page.getByRole('list', { name: 'Reviewers' }).getByText(/^Signed off /)).toHaveCount(2);
  await expect(checks.getByText('Ready to send', { exact: true })).toBeVisible();
  await expect(checks.getByText(/Long survey: 12 questions/)).toBeVisible();

  // The list shows the plan with its status.
  await page.getByRole('link', { name: '← All survey plans' }).click();
  const row = page.getByRole('list', { name: 'Survey plans' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: 'Build and deploy pain, Q3' })).toBeVisible();
  await expect(row.getByText('Ready to send')).toBeVisible();
  await expect(row.getByText(/12 questions · about 11 min/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/survey-plan-list.png' });

  expect(pageErrors).toEqual([]);
});
