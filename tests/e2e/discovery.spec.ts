import { expect, test, type Page } from '@playwright/test';

async function newNote(page: Page, channel: string) {
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: channel }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused();
}

async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

test('a researcher logs a coffee chat, highlights evidence, finds it again and sees SLA gaps', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/#/discovery');
  await expect(page.getByText('No notes yet')).toBeVisible();

  // Log a coffee chat with a new contact and tags.
  await newNote(page, 'Coffee chat');
  await page.getByRole('textbox', { name: 'Title' }).fill('Coffee with Priya about CI');
  const people = page.getByRole('combobox', { name: 'People' });
  await people.fill('Priya Raman');
  await page.getByRole('option', { name: 'Create contact “Priya Raman”' }).click();
  await expect(page.getByRole('button', { name: 'Remove Priya Raman' })).toBeVisible();
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('ci');
  await tags.press('Enter');
  await tags.fill('flaky-tests');
  await tags.press('Enter');

  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Our build pipeline takes forty minutes and flaky tests block every merge.');
  await expectSaved(page);

  // Highlight a sentence as evidence.
  await editor.getByText('Our build pipeline takes forty minutes').click({ clickCount: 3 });
  await page.getByRole('button', { name: 'Highlight as evidence' }).first().click();
  const highlights = page.getByRole('region', { name: /Highlights/ });
  await expect(highlights.getByText('Our build pipeline takes forty minutes and flaky tests block every merge.')).toBeVisible();
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/screenshots/discovery-editor.png' });

  // An SLA conversation with a gap between what users expect and what is offered.
  await newNote(page, 'SLA conversation');
  await page.getByRole('textbox', { name: 'Title' }).fill('Build cache availability');
  await page.getByLabel('Service *').fill('Build cache');
  await page.getByLabel('Metric *').selectOption('availability');
  await page.getByLabel('Users expect *').fill('99.9%');
  await page.getByLabel('Offered today').fill('99.5%');
  await expectSaved(page);

  // Nothing typed is lost across a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Notes' }).getByRole('link')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/discovery-inbox.png' });

  // Find the coffee chat by a search with a typo.
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('pipline');
  const results = page.locator('[aria-label="Search results"][data-search-query="pipline"]');
  await expect(results.getByRole('link', { name: /Coffee with Priya about CI/ })).toBeVisible({ timeout: 15_000 });
  await expect(results.locator('mark').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('');

  // Filter the inbox by channel.
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByLabel('Channel').first().selectOption({ label: 'SLA conversation' });
  const inbox = page.getByRole('list', { name: 'Notes' });
  await expect(inbox.getByRole('link')).toHaveCount(1);
  await expect(inbox.getByRole('link', { name: /Build cache availability/ })).toBeVisible();

  // Filters combine: the SLA channel and Priya match nothing; Priya alone matches the coffee chat.
  const person = page.getByRole('combobox', { name: 'Person' });
  await person.fill('pri');
  await page.getByRole('option', { name: 'Priya Raman' }).click();
  await expect(page.getByText('No notes match these filters.')).toBeVisible();
  await page.getByLabel('Channel').first().selectOption({ label: 'Any' });
  await expect(inbox.getByRole('link')).toHaveCount(1);
  await expect(inbox.getByRole('link', { name: /Coffee with Priya about CI/ })).toBeVisible();

  // The SLA table shows the gap.
  await page.getByRole('link', { name: 'SLA table' }).click();
  const row = page.getByRole('row', { name: /Build cache/ });
  await expect(row.getByText('Gap')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/discovery-sla-table.png' });

  // The highlights view lists the evidence with its source, which opens the note.
  await page.getByRole('link', { name: 'Highlights', exact: true }).click();
  await page.getByRole('list', { name: 'Highlights' }).getByRole('link', { name: 'Coffee with Priya about CI' }).click();

  // Removing a highlight takes its mark out of the text too, and can be undone.
  const noteHighlights = page.getByRole('region', { name: /Highlights/ });
  await noteHighlights.getByRole('button', { name: /Remove highlight/ }).click();
  await expect(noteHighlights.locator('blockquote')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Note text' }).locator('mark[data-highlight-id]')).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'Removed the highlight' }).getByRole('button', { name: 'Undo' }).click();
  await expect(noteHighlights.locator('blockquote')).toHaveText('Our build pipeline takes forty minutes and flaky tests block every merge.');
  await expect(page.getByRole('textbox', { name: 'Note text' }).locator('mark[data-highlight-id]')).toHaveCount(1);
  await expectSaved(page);

  expect(pageErrors).toEqual([]);
});

test('discovery screens have no score, priority, vote or rank anywhere', async ({ page }) => {
  await page.goto('/#/discovery');
  await newNote(page, 'Research');
  for (const path of ['/#/discovery', '/#/discovery/highlights', '/#/discovery/sla', '/#/discovery/coverage']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();
    const text = (await page.locator('main').innerText()).toLowerCase();
    expect(text).not.toMatch(/\b(score|priority|prioriti[sz]e|vote|rank|importance)\b/);
  }
});

test('the highlight bubble stays with its selection when the note scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/discovery');
  await newNote(page, 'Coffee chat');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  for (let index = 1; index <= 40; index += 1) {
    await page.keyboard.insertText(`Line ${index} about slow builds`);
    await page.keyboard.press('Enter');
  }
  const line = editor.getByText('Line 20 about slow builds', { exact: true });
  await line.scrollIntoViewIfNeeded();
  await line.click({ clickCount: 3 });
  const bubble = page.getByRole('button', { name: 'Highlight as evidence' });
  await expect(bubble).toBeVisible();
  const gap = async () => {
    const [bubbleBox, lineBox] = await Promise.all([bubble.boundingBox(), line.boundingBox()]);
    return Math.round((bubbleBox?.y ?? Number.NaN) - (lineBox?.y ?? Number.NaN));
  };
  const gapBefore = await gap();
  const lineBefore = (await line.boundingBox())?.y ?? 0;

  // Scroll what holds the note (an element inside the app, not the window), leaving the selection alone.
  const scroller = await line.evaluate((element) => {
    for (let current = element.parentElement; current !== null; current = current.parentElement) {
      const { overflowY } = getComputedStyle(current);
      if ((overflowY === 'auto' || overflowY === 'scroll') && current.scrollHeight > current.clientHeight) {
        current.scrollTop += 120;
        return current.className;
      }
    }
    return null;
  });
  expect(scroller).not.toBeNull();
  await expect.poll(async () => (await line.boundingBox())?.y ?? lineBefore).toBeLessThan(lineBefore - 50);
  await expect.poll(gap).toBe(gapBefore);
});
