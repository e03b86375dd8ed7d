import { expect, test } from '@playwright/test';

test('text typed just before the page is reloaded is still there afterwards', async ({ page }) => {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill('Ideas for the build farm');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });

  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Cache warm-up before the morning rush');
  // Reload inside the autosave delay: the edit has not been saved by the timer yet.
  await page.reload();

  await expect(page.getByRole('textbox', { name: 'Note text' })).toContainText('Cache warm-up before the morning rush', { timeout: 10_000 });
});

test('text typed just before the window is closed is still there when it is opened again', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await page.keyboard.type('Closing mid-sentence');
  await page.close({ runBeforeUnload: true });

  const reopened = await context.newPage();
  await reopened.goto('/#/discovery');
  await expect(reopened.getByRole('list', { name: 'Notes' }).getByRole('link', { name: /Closing mid-sentence/ })).toBeVisible({ timeout: 10_000 });
});
