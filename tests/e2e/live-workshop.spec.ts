import { expect, test, type Browser, type Page } from '@playwright/test';

const LIVE_PORT = Number(process.env.E2E_LIVE_PORT ?? 4471);

async function newNote(page: Page, channel: string, title: string, person: string) {
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: channel }).click();
  const titleBox = page.getByRole('textbox', { name: 'Title' });
  await expect(titleBox).toBeFocused();
  await titleBox.fill(title);
  await page.getByRole('combobox', { name: 'People' }).fill(person);
  await page.getByRole('option', { name: `Create contact “${person}”` }).click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.type(`${title}: what we heard.`);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

async function joinAs(browser: Browser, url: string, code: string, name: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Code from the projector' }).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: /name/ }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} · Connected` })).toBeVisible();
  return page;
}

test('a facilitator and three participants on their own browsers run a whole live workshop, and the round holds the outcome', async ({ page, browser }) => {
  test.setTimeout(300_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/discovery');
  await newNote(page, 'Coffee chat', 'Builds take forty minutes', 'Priya Raman');
  await newNote(page, 'Email check-in', 'Flaky tests block merges', 'Tom Okafor');
  await newNote(page, 'Coffee chat', 'Runbooks are out of date', 'Ana Lima');

  await page.goto('/#/board');
  await page.getByRole('button', { name: 'Start a round' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a prioritization round' });
  await dialog.getByRole('textbox', { name: 'Round title' }).fill('Live round');
  await dialog.getByRole('button', { name: 'Start round' }).click();
  await expect(page.getByRole('heading', { name: 'Live round' })).toBeVisible();
  const roundUrl = page.url();

  await page.getByRole('link', { name: 'Workshop mode' }).click();
  const workshop = page.getByRole('region', { name: 'Workshop mode' });
  await workshop.getByRole('button', { name: 'Start the workshop' }).click();
  await workshop.getByRole('button', { name: 'Run live' }).click();
  const live = page.getByRole('region', { name: 'Live workshop' });
  await live.getByRole('combobox', { name: 'Address' }).selectOption('127.0.0.1');
  await live.getByRole('spinbutton', { name: 'Port' }).fill(String(LIVE_PORT));
  await live.getByRole('checkbox', { name: /Replace people’s names/ }).check();
  await live.getByRole('button', { name: 'Start the live workshop' }).click();
  const joinUrl = await live.getByLabel('Join address').textContent();
  const code = await live.getByLabel('Join code').textContent();
  expect(joinUrl).toBe(`http://127.0.0.1:${LIVE_PORT}/`);
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(live.getByRole('note')).toContainText('Not encrypted');
  await expect(live.getByRole('img', { name: /QR code/ })).toBeVisible();

  const ana = await joinAs(browser, joinUrl ?? '', code ?? '', 'Ana');
  const bo = await joinAs(browser, joinUrl ?? '', code ?? '', 'Bo');
  let cy = await joinAs(browser, joinUrl ?? '', code ?? '', 'Cy', { width: 390, height: 844 });
  await expect(live.getByRole('heading', { name: 'Participants (3 connected of 3)' })).toBeVisible();
  await expect(ana.getByRole('list', { name: 'Cards to read' }).getByRole('listitem')).toHaveCount(3);
  await expect(ana.getByRole('list', { name: 'Cards to read' })).not.toContainText('Priya Raman');
  await page.screenshot({ path: 'test-results/screenshots/live-facilitator.png' });

  // Cy's phone dies: the facilitator releases the seat, the old page is told, and Cy rejoins under the name from another device.
  const oldCy = cy;
  const release = live.getByRole('button', { name: 'Release Cy’s seat' });
  // It must look like a button (a border and a background of its own), not like the names around it.
  const looks = await release.evaluate((element) => {
    const style = getComputedStyle(element);
    return { border: style.borderTopColor, width: style.borderTopWidth, background: style.backgroundColor };
  });
  expect(looks.width).not.toBe('0px');
  expect(looks.border).not.toBe('rgba(0, 0, 0, 0)');
  expect(looks.background).not.toBe('rgba(0, 0, 0, 0)');
  await release.click();
  await expect(oldCy.getByText('The facilitator released your name for another device.')).toBeVisible();
  await expect(live.getByRole('heading', { name: 'Participants (2 connected of 3)' })).toBeVisible();
  cy = await joinAs(browser, joinUrl ?? '', code ?? '', 'Cy', { width: 390, height: 844 });
  await expect(live.getByRole('heading', { name: 'Participants (3 connected of 3)' })).toBeVisible();
  await oldCy.context().close();

  // Grouping: buckets made on two devices, a card moved on a third; every device sees every move.
  await live.getByRole('button', { name: /Grouping/ }).click();
  await ana.getByRole('textbox', { name: 'New bucket name' }).fill('Slow CI');
  await ana.getByRole('button', { name: 'Add bucket' }).click();
  await bo.getByRole('textbox', { name: 'New bucket name' }).fill('Stale docs');
  await bo.getByRole('button', { name: 'Add bucket' }).click();
  await cy.getByRole('combobox', { name: 'Move “Builds take forty minutes” to' }).selectOption({ label: 'Slow CI' });
  await bo.getByRole('combobox', { name: 'Move “Flaky tests block merges” to' }).selectOption({ label: 'Slow CI' });
  await ana.getByRole('combobox', { name: 'Move “Runbooks are out of date” to' }).selectOption({ label: 'Stale docs' });
  await expect(cy.getByRole('region', { name: 'Slow CI' }).getByRole('listitem')).toHaveCount(2);
  await expect(bo.getByRole('region', { name: 'Stale docs' }).getByRole('listitem')).toHaveCount(1);
  await ana.screenshot({ path: 'test-results/screenshots/live-participant-grouping.png' });
  await cy.screenshot({ path: 'test-results/screenshots/live-participant-phone.png', fullPage: true });

  // Dot voting: private ballots; the roster shows who voted, nobody sees what before the reveal.
  await live.getByRole('button', { name: /Dot voting/ }).click();
  for (const [participant, picks] of [[ana, ['Slow CI', 'Slow CI', 'Stale docs']], [bo, ['Slow CI', 'Slow CI', 'Slow CI']], [cy, ['Stale docs']]] as const) {
    for (const bucket of picks) await participant.getByRole('button', { name: `Add a dot to ${bucket}` }).click();
  }
  await expect(ana.getByText('2 of 5 dots left')).toBeVisible();
  await expect(live.locator('.live__person').filter({ hasText: 'voted' })).toHaveCount(3);
  await expect(ana.getByLabel('Who has voted')).toContainText('3 of 3 have voted');
  await expect(ana.getByRole('region', { name: 'Results' })).toHaveCount(0);
  await live.getByRole('button', { name: 'Reveal votes' }).click();
  await expect(bo.getByRole('region', { name: 'Results' })).toContainText('Slow CI5 dots');
  await expect(live.getByRole('list', { name: 'Live vote results' }).getByRole('listitem').first()).toContainText('Slow CI5 dots');

  // Blind scoring, then the spread after the reveal.
  await live.getByRole('button', { name: /Blind scoring/ }).click();
  for (const [participant, reach] of [[ana, '2'], [bo, '5'], [cy, '4']] as const) {
    await participant.getByRole('combobox', { name: 'reach of Slow CI' }).selectOption(reach);
  }
  await expect(live.locator('.live__person').filter({ hasText: 'scored' })).toHaveCount(3);
  await live.getByRole('button', { name: 'Reveal scores' }).click();
  await expect(cy.getByRole('region', { name: 'Results' })).toContainText('reach: spread 3 (2–5)');

  // Ranking by votes, then the end: the code dies and the outcome lands in the workspace.
  await live.getByRole('button', { name: /Ranking/ }).click();
  await live.getByRole('button', { name: 'Rank by votes' }).click();
  await expect(ana.getByRole('region', { name: 'Ranking' }).getByRole('listitem').first()).toContainText('Slow CI');
  await page.screenshot({ path: 'test-results/screenshots/live-facilitator-ranking.png' });
  await live.getByRole('button', { name: 'End the workshop and save' }).click();
  await expect(live.getByRole('status').filter({ hasText: 'saved to this round' })).toBeVisible();
  await expect(ana.getByText('The workshop has ended')).toBeVisible();

  await page.goto(roundUrl);
  await expect(page.getByRole('heading', { name: 'Live round' })).toBeVisible();
  await expect(page.getByText('Slow CI').first()).toBeVisible();
  await expect(page.getByText('Stale docs').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Ungrouped cards' }).getByRole('article')).toHaveCount(0);
  await page.getByRole('link', { name: 'Workshop mode' }).click();
  await expect(workshop.getByRole('complementary', { name: 'Room' })).toContainText('Ana');
  await workshop.getByRole('button', { name: /Dot voting/ }).click();
  await expect(workshop.getByRole('list', { name: 'Vote results' }).getByRole('listitem').first()).toContainText('5 dots from 2 people');
});
