import { expect, test, type Page } from '@playwright/test';

const RESPONSES = 30_000;

// A plain one-header sheet; every free-text answer becomes a survey-response note when imported.
function bigSurvey(): Buffer {
  const lines = ['Email,How satisfied are you with CI?,What slows you down the most?'];
  for (let index = 0; index < RESPONSES; index += 1) {
    lines.push(`person${index}@example.com,${(index % 5) + 1},"Answer ${index}: the build waits for a runner, then flaky tests fail it again"`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** Row counts of the app's own IndexedDB stores, read beside the app. */
async function storedCounts(page: Page, stores: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('discovery-desk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = transaction.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
    [...stores],
  );
}

async function startBigImport(page: Page) {
  await page.goto('/#/surveys');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import survey/ }).click();
  await (await chooser).setFiles({ name: 'big-survey.csv', mimeType: 'text/csv', buffer: bigSurvey() });
  const preview = page.locator('[data-import-state="preview"]');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await preview.getByRole('button', { name: `Import ${RESPONSES.toLocaleString('en')} responses` }).click();
  // Interrupt while the one write transaction is under way.
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('data-stage', 'writing', { timeout: 30_000 });
  await expect(page.locator('[data-import-state="importing"]')).toBeVisible();
}

async function expectNothingImported(page: Page) {
  await page.goto('/#/surveys');
  await expect(page.getByRole('heading', { name: 'No surveys yet' })).toBeVisible({ timeout: 15_000 });
  await page.goto('/#/discovery');
  await expect(page.getByText('Kept before the import')).toBeVisible();
  await expect(page.getByText(/Answer \d+: the build waits/)).toHaveCount(0);
  expect(await storedCounts(page, ['surveys', 'surveyQuestions', 'surveyResponses', 'notes', 'contacts'])).toEqual({ surveys: 0, surveyQuestions: 0, surveyResponses: 0, notes: 1, contacts: 0 });
}

async function addNote(page: Page, title: string) {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

test.describe('an interrupted survey import leaves no trace', () => {
  test.setTimeout(120_000);

  test('when the page is reloaded mid-import', async ({ page }) => {
    await addNote(page, 'Kept before the import');
    await startBigImport(page);
    await page.reload();
    await expectNothingImported(page);
  });

  test('when the window is closed mid-import', async ({ context }) => {
    const page = await context.newPage();
    await addNote(page, 'Kept before the import');
    await startBigImport(page);
    await page.close({ runBeforeUnload: false });
    const reopened = await context.newPage();
    await reopened.goto('/#/discovery');
    await expectNothingImported(reopened);
  });
});

async function storedPlainTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('discovery-desk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('notes', 'readonly').objectStore('notes').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve((all.result as { plainText: string }[]).map((note) => note.plainText));
          };
        };
      }),
  );
}

/** Writes a little into a throwaway database of the same origin: true once Chromium refuses it for quota. */
async function isQuotaEnforced(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('quota-probe');
        request.onupgradeneeded = () => request.result.createObjectStore('probe');
        request.onerror = () => resolve(request.error?.name === 'QuotaExceededError');
        request.onsuccess = () => {
          const transaction = request.result.transaction('probe', 'readwrite');
          transaction.objectStore('probe').put('x'.repeat(1000), Date.now());
          transaction.oncomplete = () => resolve(false);
          transaction.onabort = () => resolve(transaction.error?.name === 'QuotaExceededError');
          transaction.addEventListener('complete', () => request.result.close());
          transaction.addEventListener('abort', () => request.result.close());
        };
      }),
  );
}

test('a full disk while typing: a clear message, the text kept, nothing half-written, saved once there is space', async ({ page }) => {
  test.setTimeout(120_000);
  await addNote(page, 'Quota note');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Saved before the disk filled.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });

  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  // Chromium keeps an origin's free space cached for up to about 30 seconds.
  await expect.poll(() => isQuotaEnforced(page), { timeout: 60_000, intervals: [2_000] }).toBe(true);

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed while the disk was full.');
  await expect(page.getByRole('status').filter({ hasText: /^Not saved: Your disk is full/ })).toBeVisible({ timeout: 10_000 });
  await expect(editor).toContainText('Saved before the disk filled. Typed while the disk was full.');
  await page.screenshot({ path: 'test-results/screenshots/quota-not-saved.png' });

  // Nothing half-written: the stored note holds exactly what was saved before.
  const stored = await storedPlainTexts(page);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toContain('Saved before the disk filled.');
  expect(stored[0]).not.toContain('Typed while');

  // Space is back: the next change saves everything that was kept in the editor.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect.poll(() => isQuotaEnforced(page), { timeout: 60_000, intervals: [2_000] }).toBe(false);
  await page.keyboard.type(' Space again.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  const everything = 'Saved before the disk filled. Typed while the disk was full. Space again.';
  expect((await storedPlainTexts(page))[0]).toContain(everything);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toContainText(everything, { timeout: 10_000 });
});

test('New note on a full disk: it says the note was not created and why, and writes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await addNote(page, 'Kept before the disk filled');
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  // Chromium keeps an origin's free space cached for up to about 30 seconds.
  await expect.poll(() => isQuotaEnforced(page), { timeout: 60_000, intervals: [2_000] }).toBe(true);
  await page.goto('/#/discovery');
  await expect(page.getByRole('list', { name: 'Notes' }).getByRole('link', { name: /Kept before the disk filled/ })).toBeVisible();

  // The New note menu.
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  const toast = page.getByRole('status').filter({ hasText: /^Not created: your disk is full/ });
  await expect(toast).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/#\/discovery$/);
  await page.screenshot({ path: 'test-results/screenshots/new-note-disk-full.png' });
  // The keyboard (Alt+N in a browser, Ctrl/Cmd+N in the desktop app) takes the same path.
  await page.locator('body').press('Alt+n');
  await expect(toast).toBeVisible();
  await expect(page).toHaveURL(/#\/discovery$/);

  // Nothing half-written: the one note stored before is all there is.
  expect(await storedPlainTexts(page)).toHaveLength(1);
  expect((await storedCounts(page, ['notes'])).notes).toBe(1);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
});
