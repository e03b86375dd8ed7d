import { expect, test, type Locator, type Page } from '@playwright/test';

async function newNote(page: Page, channel: string, title: string, person: string | null, tag: string) {
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: channel }).click();
  const titleBox = page.getByRole('textbox', { name: 'Title' });
  await expect(titleBox).toBeFocused();
  await titleBox.fill(title);
  if (person !== null) {
    await page.getByRole('combobox', { name: 'People' }).fill(person);
    await page.getByRole('option', { name: `Create contact “${person}”` }).click();
    await expect(page.getByRole('button', { name: `Remove ${person}` })).toBeVisible();
  }
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill(tag);
  await tags.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`${title}: the details of what we heard.`);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('Both the handle and the target must be on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 80), { steps: 12 });
  await page.mouse.up();
}

test('a team starts a round from a snapshot and groups cards into pain buckets by mouse and by keyboard', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto('/#/discovery');
  await newNote(page, 'Coffee chat', 'Builds take forty minutes', 'Priya Raman', 'ci');
  await newNote(page, 'Email check-in', 'Flaky tests block merges', 'Tom Okafor', 'ci');
  await newNote(page, 'Brainstorm', 'Unrelated idea about docs', null, 'docs');

  await page.goto('/#/board');
  await expect(page.getByText('No rounds yet')).toBeVisible();
  await page.getByRole('button', { name: 'Start a round' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a prioritization round' });
  await dialog.getByRole('textbox', { name: 'Round title' }).fill('Q3 CI pains');
  await expect(dialog.getByRole('status')).toHaveText('3 notes and 0 highlights will be frozen into this round.');
  await dialog.getByRole('combobox', { name: 'Tag' }).fill('ci');
  await expect(dialog.getByRole('status')).toHaveText('2 notes and 0 highlights will be frozen into this round.');
  await dialog.getByRole('button', { name: 'Start round' }).click();
  await expect(page).toHaveURL(/#\/board\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Q3 CI pains' })).toBeVisible();

  const ungrouped = page.getByRole('list', { name: 'Ungrouped cards' });
  await expect(ungrouped.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Open note' }).first()).toHaveAttribute('href', /#\/discovery\/notes\/.+/);

  // A new bucket, named in place.
  await page.getByRole('button', { name: 'New bucket' }).click();
  const title = page.getByRole('textbox', { name: 'Bucket title' });
  await expect(title).toBeFocused();
  await title.fill('Slow feedback from CI');
  await title.press('Enter');
  const bucket = page.getByRole('region', { name: 'Slow feedback from CI' });
  await expect(bucket).toBeVisible();

  // By mouse.
  await dragWithMouse(page, page.getByRole('button', { name: 'Move card “Builds take forty minutes”' }), bucket);
  await expect(bucket.getByRole('article', { name: 'Builds take forty minutes' })).toBeVisible();
  await expect(bucket.getByText('single source')).toBeVisible();

  // By keyboard: Space lifts, the arrow moves to the next drop target, Space drops.
  const handle = page.getByRole('button', { name: 'Move card “Flaky tests block merges”' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up card “Flaky tests block merges”/)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/is over Slow feedback from CI/)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(bucket.getByRole('article')).toHaveCount(2);
  await expect(ungrouped).toHaveCount(0);
  await expect(bucket.getByText('across channels')).toBeVisible();
  await expect(bucket.getByText('2 people · 0 teams · 2 channels · 2 notes')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/board-grouped.png' });

  // Undo puts the last card back, from the keyboard.
  await page.getByRole('heading', { name: 'Q3 CI pains' }).click();
  await page.keyboard.press('Control+z');
  await expect(bucket.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Ungrouped cards' }).getByRole('article')).toHaveCount(1);

  // The round stays readable from the list.
  await page.getByRole('link', { name: 'Rounds' }).click();
  await expect(page.getByRole('link', { name: /Q3 CI pains/ })).toContainText('2 cards');
  expect(pageErrors).toEqual([]);
});
