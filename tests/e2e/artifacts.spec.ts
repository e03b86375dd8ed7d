import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

/** Starts a round with one bucket through the board, as a person would; returns the round's id. */
async function startRoundWithBucket(page: Page, roundTitle: string, bucketTitle: string): Promise<string> {
  await page.goto('/#/board');
  await page.getByRole('button', { name: 'Start a round' }).click();
  await page.getByRole('textbox', { name: 'Round title' }).fill(roundTitle);
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page).toHaveURL(/#\/board\/[^/]+$/);
  const roundId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
  await page.getByRole('button', { name: 'New bucket' }).click();
  const title = page.getByRole('textbox', { name: 'Bucket title' });
  await title.fill(bucketTitle);
  await title.press('Enter');
  await expect(title).toHaveValue(bucketTitle);
  return roundId;
}

test('a team writes a cited charter, exports it with footnotes, and runs an experiment whose kill criteria are locked', async ({ page }, testInfo) => {
  // A long scenario: about a minute on a busy two-core machine.
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1400, height: 950 });

  await page.goto('/#/artifacts');
  await expect(page.getByRole('heading', { name: 'No prioritization round yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the Board' })).toBeVisible();

  // The evidence to cite: an open-source scan in Discovery.
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Open-source scan' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Backstage <templates> & golden paths');
  await page.getByRole('textbox', { name: 'Note text' }).fill('Backstage software templates give teams a golden path.');
  // No wait for "Saved" anywhere in this scenario: every edit is journaled at once and saved when the form closes.

  const roundId = await startRoundWithBucket(page, 'Spring round', 'Slow deploys');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Artifacts' }).click();
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue(roundId);

  // Write the charter with a citation picked through search (the toolbar button; Ctrl+Shift+C does the same).
  const uniqueValue = page.getByRole('textbox', { name: 'Unique value' });
  await uniqueValue.click();
  await uniqueValue.pressSequentially('A paved road to production ');
  await page.getByRole('button', { name: 'Cite a source' }).first().click();
  const picker = page.getByRole('dialog', { name: 'Cite a note or highlight' });
  await picker.getByRole('searchbox', { name: 'Find the source' }).fill('backstage');
  await picker.getByRole('button', { name: /^Cite note Backstage/ }).click();
  await expect(picker).toBeHidden();
  // The editor takes the focus back, after the citation, in the next animation frame (TipTap's focus
  // command). Typing before that made Playwright focus the text box itself, with the caret at its
  // start: "in minutes.A paved road to production [^1]", one run in about thirty.
  await expect(uniqueValue).toBeFocused();
  await uniqueValue.pressSequentially('in minutes.');
  const citation = uniqueValue.getByRole('link', { name: 'Backstage <templates> & golden paths' });
  await expect(citation).toBeVisible();

  // A citation opens its source.
  await citation.click();
  await expect(page).toHaveURL(/#\/discovery\/notes\//);
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Backstage <templates> & golden paths');
  await page.goBack();
  await expect(citation).toBeVisible();

  // Export Markdown: the citation is a footnote naming source, channel and date, with the title escaped.
  const exportAs = async (format: RegExp, what = 'Charter') => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export artifacts' });
    await dialog.getByRole('radio', { name: what }).check();
    await dialog.getByRole('radio', { name: format }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const target = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(target);
    return { target, name: download.suggestedFilename() };
  };
  const markdown = await exportAs(/^Markdown/);
  expect(markdown.name).toBe('charter-Spring-round.md');
  const markdownText = await readFile(markdown.target, 'utf8');
  expect(markdownText).toContain('A paved road to production [^1] in minutes.');
  expect(markdownText).toMatch(/\[\^1\]: Backstage \\<templates\\> & golden paths, Open-source scan, \d{4}-\d{2}-\d{2}/);
  expect(markdownText).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);

  // Export HTML, open it in the browser and follow the citation to its footnote.
  const html = await exportAs(/^Standalone HTML/);
  expect(html.name).toBe('charter-Spring-round.html');
  const exported = await page.context().newPage();
  await exported.goto(pathToFileURL(html.target).href);
  await expect(exported.getByRole('heading', { name: 'Charter: Spring round', level: 1 })).toBeVisible();
  const footnotes = exported.getByRole('region', { name: 'Sources' });
  await expect(footnotes.getByRole('listitem')).toHaveText(/^Backstage <templates> & golden paths, Open-source scan, \d{4}-\d{2}-\d{2}/);
  await exported.getByRole('link', { name: '[1]' }).click();
  await expect(exported).toHaveURL(/#fn-1$/);
  await exported.close();

  // The user-pain list follows the board.
  await page.getByRole('link', { name: 'User pains' }).click();
  await expect(page.getByRole('list', { name: 'User pains' }).getByRole('heading', { name: /Slow deploys/ })).toBeVisible();

  // Solution validation: a candidate solution, the existing-capability question, an experiment locked before its result.
  await page.getByRole('link', { name: 'Solution validation' }).click();
  await page.getByRole('textbox', { name: 'New solution for Slow deploys' }).fill('Golden path template');
  await page.getByRole('button', { name: 'Add solution' }).click();
  const states = page.getByRole('region', { name: 'Solutions by validation state' });
  await expect(states.getByRole('region', { name: 'Not checked: 1' })).toBeVisible();
  await page.getByRole('link', { name: 'Golden path template' }).first().click();
  await page.getByRole('radio', { name: 'No: nothing existing solves it' }).check();
  await page.getByRole('button', { name: 'Link Backstage <templates> & golden paths' }).click();
  await expect(page.getByRole('list', { name: 'Linked notes' }).getByRole('link', { name: 'Backstage <templates> & golden paths' })).toBeVisible();
  // No wait for "Saved": every keystroke and choice is journaled at once, so the reload below cannot lose it.
  await page.getByRole('button', { name: 'Add experiment' }).click();
  const experiment = page.getByRole('article', { name: 'Experiment 1' });
  await experiment.getByRole('textbox', { name: 'Hypothesis' }).fill('Teams create services from the template without help');
  await experiment.getByRole('textbox', { name: 'How it could fail' }).fill('Teams keep asking us on chat');
  const killCriteria = experiment.getByRole('textbox', { name: 'Kill criteria' });
  await killCriteria.fill('Fewer than 3 of 10 teams ship a service alone within 2 weeks');
  await expect(experiment.getByRole('form', { name: 'Result' })).toHaveCount(0);
  await experiment.getByRole('button', { name: 'Lock kill criteria' }).click();
  // Locking is permanent: it asks first, and "Not yet" leaves the criteria editable.
  await expect(experiment.getByRole('alert')).toContainText('Lock these kill criteria for good?');
  await experiment.getByRole('button', { name: 'Not yet' }).click();
  await expect(experiment.getByText('Kill criteria locked')).toHaveCount(0);
  await experiment.getByRole('button', { name: 'Lock kill criteria' }).click();
  await experiment.getByRole('button', { name: 'Lock for good' }).click();
  await expect(experiment.getByText('Kill criteria locked')).toBeVisible();
  await expect(killCriteria).toHaveAttribute('readonly', '');
  await killCriteria.press('End');
  await killCriteria.pressSequentially(' or 4');
  await expect(killCriteria).toHaveValue('Fewer than 3 of 10 teams ship a service alone within 2 weeks');

  const result = experiment.getByRole('form', { name: 'Result' });
  await result.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Killed' });
  await result.getByRole('textbox', { name: 'Evidence' }).fill('Only 1 of 10 teams shipped alone');
  await result.getByRole('button', { name: 'Record result' }).click();
  await expect(experiment.getByText('Only 1 of 10 teams shipped alone')).toBeVisible();

  // The locked criteria survive a reload.
  await page.reload();
  await expect(page.getByRole('article', { name: 'Experiment 1' }).getByRole('textbox', { name: 'Kill criteria' })).toHaveAttribute('readonly', '');
  await page.getByRole('link', { name: '← All solutions' }).click();
  await expect(page.getByRole('region', { name: 'Solutions by validation state' }).getByRole('region', { name: 'Killed: 1' })).toBeVisible();
  // The tree shows the killed solution under its bucket.
  await expect(page.getByRole('tree', { name: 'Validation tree of Slow deploys' }).getByRole('treeitem', { name: 'Golden path template: Killed, 1 experiment' })).toBeVisible();

  // The whole pack: artifacts, workshop record, plan and solution validation in one Markdown file.
  const pack = await readFile((await exportAs(/^Markdown/, 'Everything, as one document')).target, 'utf8');
  for (const heading of ['## Charter', '## Prioritized user-pain list', '## Workshop record', '## Plan', '## Solution validation']) expect(pack).toContain(heading);
  expect(pack).toContain('| Golden path template | Killed |');
  expect(pack).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);

  // A deleted source shows as such in the charter instead of breaking it.
  await page.goto('/#/discovery');
  await page.getByRole('list', { name: 'Notes' }).getByRole('link', { name: /Backstage/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete note' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Deleted “Backstage/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Artifacts' }).click();
  await expect(page.getByRole('textbox', { name: 'Unique value' }).getByRole('link', { name: /^Deleted source: Backstage/ })).toBeVisible();

  expect(pageErrors).toEqual([]);
});
