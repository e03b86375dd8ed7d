import { expect, test, type Page } from '@playwright/test';

const CONTACTS_CSV = [
  'Name;Email;Team;Role;Company',
  'Ada Lovelace;ada@example.com;Payments;SRE;Finance',
  'Grace Hopper;grace@example.com;Compilers;Lead;Engineering',
  'Grace Hopper;GRACE@example.com;Compilers;;Engineering',
  'A. Lovelace;ada.l@example.org;Payments;;Finance',
].join('\r\n');

async function newNote(page: Page, channel: string, title: string) {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: channel }).click();
  const titleBox = page.getByRole('textbox', { name: 'Title' });
  await expect(titleBox).toBeFocused();
  await titleBox.fill(title);
}

async function addPerson(page: Page, label: string, name: string) {
  await page.getByRole('combobox', { name: label }).fill(name.slice(0, 5));
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
}

async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

test('a researcher imports contacts, logs two chats, sees load and history, merges a duplicate and is warned before a third ask', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/#/people');
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();

  // Import: the columns are guessed, the in-file duplicate is found and skipped.
  await page.getByRole('button', { name: 'Import contacts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV, 'utf8') });
  await expect(dialog.getByRole('combobox', { name: 'Column Company holds' })).toHaveValue('organisation');
  await expect(dialog.getByText('Row 4 (Grace Hopper): same email as row 3')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Skip them' })).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/people-import.png' });
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(dialog.getByRole('status')).toHaveText('3 contacts added, 0 updated, 1 duplicates skipped.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const list = page.getByRole('list', { name: 'Contacts list' });
  await expect(list.getByRole('link')).toHaveText(['A. Lovelace', 'Ada Lovelace', 'Grace Hopper']);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search contacts (/)' })).toBeFocused();
  await page.keyboard.type('grace');
  await expect(list.getByRole('link')).toHaveText(['Grace Hopper']);
  await page.getByRole('searchbox', { name: 'Search contacts (/)' }).fill('');

  // The duplicate gets a planned chat, which must survive the merge.
  await list.getByRole('link', { name: 'A. Lovelace' }).click();
  await page.getByRole('textbox', { name: 'Topic (optional)' }).fill('CI wishes');
  await page.getByRole('button', { name: 'Plan chat' }).click();
  await expect(page.getByRole('list', { name: 'Planned chats' })).toContainText('CI wishes');

  // Two coffee chats with Ada.
  for (const title of ['First chat with Ada', 'Second chat with Ada']) {
    await newNote(page, 'Coffee chat', title);
    await addPerson(page, 'People', 'Ada Lovelace');
    await expectSaved(page);
    await expect(page.getByRole('status', { name: 'Research load warning' })).toHaveCount(0);
  }

  // Her page shows the load against the budget and both chats, newest first, each opening its note.
  await page.goto('/#/people');
  await page.getByRole('list', { name: 'Contacts list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeVisible();
  await expect(page.getByLabel('2 asks in the last 30 days')).toBeVisible();
  await expect(page.getByText('At budget')).toBeVisible();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('link')).toHaveText(['Second chat with Ada', 'First chat with Ada']);
  await page.screenshot({ path: 'test-results/screenshots/people-contact.png', fullPage: true });

  // Merge the duplicate from the directory: her planned chat moves over, the duplicate is gone.
  await page.goto('/#/people');
  await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
  await page.getByRole('checkbox', { name: 'Select A. Lovelace' }).check();
  await page.screenshot({ path: 'test-results/screenshots/people-directory.png' });
  await page.getByRole('button', { name: 'Merge 2 contacts' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge two contacts' });
  await expect(merge.getByRole('status')).toContainText('A. Lovelace is removed; 0 notes, 0 survey responses, 1 planned chat and 0 workshops move to Ada Lovelace.');
  await merge.getByRole('button', { name: 'Merge into Ada Lovelace' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Planned chats' })).toContainText('CI wishes');
  await expect(page.getByRole('list', { name: 'History' }).getByRole('link')).toHaveCount(2);
  await page.goto('/#/people');
  await expect(page.getByRole('list', { name: 'Contacts list' }).getByRole('link')).toHaveText(['Ada Lovelace', 'Grace Hopper']);

  // A third ask in 30 days goes over the budget of 2: a warning with the numbers, not a block.
  await newNote(page, 'Discussion group', 'Group on the deploy proposal');
  await addPerson(page, 'Participants (2-4)', 'Ada Lovelace');
  const warning = page.getByRole('status', { name: 'Research load warning' });
  await expect(warning).toContainText('Ada Lovelace has had 2 asks in the last 30 days (budget 2); one more ask goes over the budget.');
  await addPerson(page, 'Participants (2-4)', 'Grace Hopper');
  await expectSaved(page);
  await expect(warning).not.toContainText('Grace Hopper');
  await page.screenshot({ path: 'test-results/screenshots/people-warning.png' });

  // Now over budget, her page says so.
  await page.goto('/#/people');
  await page.getByRole('list', { name: 'Contacts list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page.getByLabel('3 asks in the last 30 days')).toBeVisible();
  await expect(page.getByText('Over budget', { exact: true })).toBeVisible();

  // A chat planned for a past day asks for notes and becomes a coffee-chat note in one step.
  await page.getByRole('link', { name: 'Planned chats' }).click();
  await page.getByRole('combobox', { name: 'Person' }).fill('Grace');
  await page.getByRole('option', { name: /^Grace Hopper/ }).click();
  await page.getByLabel('Chat date').fill('2026-01-15');
  await page.getByRole('button', { name: 'Plan chat' }).click();
  const waiting = page.getByRole('region', { name: 'Waiting for notes' });
  await expect(waiting.getByRole('list', { name: 'Planned chats' })).toContainText('Grace Hopper');
  await page.screenshot({ path: 'test-results/screenshots/people-planned.png' });
  await waiting.getByRole('button', { name: /^Write notes for the chat with Grace Hopper/ }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Coffee chat with Grace Hopper');
  await expect(page.getByRole('button', { name: 'Remove Grace Hopper' })).toBeVisible();
  await page.goto('/#/people/planned');
  await expect(page.getByRole('region', { name: 'Waiting for notes' })).toContainText('No past chat is waiting for notes.');

  // A survey import that reaches people surveyed recently says how many, and over which window.
  const survey = (question: string, rows: readonly string[]) => Buffer.from([`Email,${question}`, ...rows].join('\n'), 'utf8');
  await page.goto('/#/surveys');
  for (const [name, question, title, other] of [
    ['first.csv', 'What slows you down?', 'First survey', 'new@example.com'],
    ['second.csv', 'Which tool do you use most?', 'Second survey', 'newer@example.com'],
  ] as const) {
    const fileChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Import survey/ }).click();
    await (await fileChooser).setFiles({ name, mimeType: 'text/csv', buffer: survey(question, ['ada@example.com,Flaky tests', `${other},Slow builds`]) });
    await expect(page.locator('[data-import-state="preview"]')).toBeVisible();
    if (title === 'Second survey') {
      await expect(page.getByRole('status', { name: 'Recently surveyed respondents' })).toContainText('1 respondent was already surveyed in the last 90 days (First survey: 1)');
      await page.screenshot({ path: 'test-results/screenshots/people-resurvey.png' });
    }
    await page.getByRole('textbox', { name: 'Survey title' }).fill(title);
    await page.getByRole('button', { name: 'Import 2 responses' }).click();
    await expect(page.locator('[data-import-state="done"]')).toBeVisible();
    await page.goto('/#/surveys');
  }
  // Each survey shows in her history and opens its results.
  await page.goto('/#/people');
  await page.getByRole('list', { name: 'Contacts list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('list', { name: 'History' }).getByRole('link', { name: 'Second survey' }).click();
  // It opens her own response to that survey, with the way back to the survey's results.
  await expect(page).toHaveURL(/#\/surveys\/[^/]+\/respondents\//);
  await expect(page.getByRole('link', { name: /Second survey/ })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
