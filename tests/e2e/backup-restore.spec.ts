import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

async function addNote(page: Page, title: string) {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

async function downloadBackup(page: Page, path: string) {
  await page.goto('/#/settings');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^discovery-desk-.*\.ddworkspace$/);
  await download.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: /Backup saved as/ })).toBeVisible();
}

async function chooseRestoreFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/#/settings');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  await (await choosing).setFiles(file);
}

/** The question comes only after the whole file was checked, with what the file holds. */
async function askedToReplace(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Replace your workspace with this backup?' });
  await expect(dialog).toContainText(/was checked and is complete\. It holds 2 notes, .*made /, { timeout: 15_000 });
  return dialog;
}

const inboxLink = (page: Page, title: string) => page.getByRole('list', { name: 'Notes' }).getByRole('link', { name: new RegExp(title) });

test('a deleted note comes back from a downloaded backup', async ({ page }, testInfo) => {
  await addNote(page, 'Kept through a restore');
  await addNote(page, 'Another chat');
  await expect(page.getByRole('status', { name: 'Backup reminder' })).toContainText('No backup yet');
  const backup = testInfo.outputPath('workspace.ddworkspace');
  await downloadBackup(page, backup);
  await expect(page.getByRole('status', { name: 'Backup reminder' })).toHaveCount(0);

  await page.goto('/#/discovery');
  await inboxLink(page, 'Kept through a restore').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click();
  await expect(inboxLink(page, 'Kept through a restore')).toHaveCount(0);
  await addNote(page, 'Written after the backup');

  // Cancel after the check: everything stays as it was.
  await chooseRestoreFile(page, backup);
  await (await askedToReplace(page)).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was restored; your workspace is as it was.' })).toBeVisible();
  await page.goto('/#/discovery');
  await expect(inboxLink(page, 'Written after the backup')).toBeVisible();
  await expect(inboxLink(page, 'Kept through a restore')).toHaveCount(0);

  await chooseRestoreFile(page, backup);
  const dialog = await askedToReplace(page);
  await page.screenshot({ path: 'test-results/screenshots/settings-restore-question.png' });
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Restored: 2 notes\b.* from the backup made / })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('region', { name: 'Backups' }).screenshot({ path: 'test-results/screenshots/settings-restored.png' });

  // The app reopens the workspace by itself.
  await page.waitForURL(/#\/settings/);
  await page.goto('/#/discovery');
  await expect(inboxLink(page, 'Kept through a restore')).toBeVisible({ timeout: 15_000 });
  await expect(inboxLink(page, 'Another chat')).toBeVisible();
  await expect(inboxLink(page, 'Written after the backup')).toHaveCount(0);
  // This machine's last backup is kept through the restore.
  await page.goto('/#/settings');
  await expect(page.getByRole('region', { name: 'Backups' }).getByRole('definition').first()).toHaveText(/\d/);
});

test('a damaged backup is refused and the workspace stays as it was', async ({ page }, testInfo) => {
  await addNote(page, 'First note');
  await addNote(page, 'Second note');
  const backup = testInfo.outputPath('workspace.ddworkspace');
  await downloadBackup(page, backup);
  const text = await readFile(backup, 'utf8');
  const damaged = text.replace('First note', 'Fir5t note');
  expect(damaged).not.toBe(text);
  await writeFile(backup, damaged);

  await chooseRestoreFile(page, backup);
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was restored' });
  await expect(alert).toContainText('checksum does not match', { timeout: 15_000 });
  // A bad file is never offered for replacing the workspace.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('region', { name: 'Backups' }).screenshot({ path: 'test-results/screenshots/settings-refused.png' });

  await chooseRestoreFile(page, { name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from('id,answer\n1,yes\n') });
  await expect(alert).toContainText('not a Discovery Desk workspace file');

  await chooseRestoreFile(page, { name: 'cut.ddworkspace', mimeType: 'application/x-ndjson', buffer: Buffer.from(text.slice(0, Math.floor(text.length * 0.6))) });
  await expect(alert).toContainText(/cut off|ends early/);

  await page.reload();
  await page.goto('/#/discovery');
  await expect(inboxLink(page, 'First note')).toBeVisible();
  await expect(inboxLink(page, 'Second note')).toBeVisible();
  await expect(inboxLink(page, 'Fir5t note')).toHaveCount(0);
});
