import { expect, test, type Page } from '@playwright/test';

/** The edge band of the buckets where a resting card scrolls them (use-drag-auto-scroll.ts). */
const AUTO_SCROLL_EDGE = 72;
const CARDS = 60;
const BUCKETS = 12;

/** One real note through the app (so the workspace has data and the backup reminder shows). */
async function oneNote(page: Page) {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Coffee chat' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Builds are slow');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

/** A round of 60 cards in 12 buckets written straight into the app's IndexedDB (a board midway through a workshop). */
async function seedRound(page: Page): Promise<string> {
  return page.evaluate(
    ({ cardCount, bucketCount }) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('discovery-desk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const now = Date.UTC(2026, 10, 1);
          const roundId = crypto.randomUUID();
          const buckets = Array.from({ length: bucketCount }, (_, index) => ({
            id: crypto.randomUUID(),
            roundId,
            title: `Pain ${index + 1}`,
            statement: `Users struggle with pain ${index + 1}.`,
            solutionKind: 'address',
            slaGapCardIds: [],
            createdAt: now + index,
            updatedAt: now + index,
          }));
          const cards = Array.from({ length: cardCount }, (_, index) => ({
            id: crypto.randomUUID(),
            roundId,
            source: { kind: 'note', noteId: crypto.randomUUID() },
            ...(index % 2 === 0 ? { bucketId: buckets[index % bucketCount]?.id } : {}),
            position: index,
            snapshot: {
              title: `Card ${index + 1}`,
              excerpt: 'The build waits for a runner, then a flaky test fails it again and we start over.',
              channel: 'coffee-chat',
              occurredAt: now - index * 86_400_000,
              personIds: [],
              people: [`Person ${index + 1}`],
              teams: ['Payments'],
              tags: ['ci'],
            },
          }));
          const round = {
            id: roundId,
            title: 'Projector round',
            state: 'clustering',
            filter: {},
            snapshotNoteIds: cards.map((card) => card.source.noteId),
            snapshotHighlightIds: [],
            snapshotTakenAt: now,
            immediatePainTargetPercent: 70,
            createdAt: now,
            updatedAt: now,
          };
          const transaction = db.transaction(['rounds', 'buckets', 'cards'], 'readwrite');
          transaction.objectStore('rounds').add(round);
          for (const bucket of buckets) transaction.objectStore('buckets').add(bucket);
          for (const card of cards) transaction.objectStore('cards').add(card);
          transaction.oncomplete = () => {
            db.close();
            resolve(roundId);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { cardCount: CARDS, bucketCount: BUCKETS },
  );
}

async function fullyVisibleCards(page: Page, listName: string): Promise<number> {
  const list = page.getByRole('list', { name: listName });
  const scroller = await list.evaluate((element) => element.parentElement?.getBoundingClientRect().toJSON() as DOMRect);
  const boxes = await list.getByRole('article').evaluateAll((articles) => articles.map((article) => article.closest('li')?.getBoundingClientRect().toJSON() as DOMRect));
  return boxes.filter((box) => box.top >= scroller.top - 1 && box.bottom - 8 <= scroller.bottom + 1).length;
}

test.describe('the board on a small screen and a projector', () => {
  test.describe.configure({ timeout: 120_000 });
  test('the app never scrolls as a whole, and Ungrouped shows several cards at 1280x720 under a compact backup reminder', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await oneNote(page);
    const roundId = await seedRound(page);
    await page.goto(`/#/board/${roundId}`);
    await expect(page.getByRole('heading', { name: 'Projector round' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Backup reminder' })).toBeVisible();

    // Nothing stretches the document: every region scrolls on its own.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    await page.getByRole('heading', { name: 'Projector round' }).hover();
    for (let turn = 0; turn < 5; turn += 1) await page.mouse.wheel(0, 600);
    await page.locator('.board__toolbar').hover();
    for (let turn = 0; turn < 5; turn += 1) await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeInViewport();

    expect(await fullyVisibleCards(page, 'Ungrouped cards')).toBeGreaterThanOrEqual(3);

    // The reminder can be put off for a day, and stays off after a reload.
    await page.getByRole('button', { name: 'Remind me tomorrow' }).click();
    await expect(page.getByRole('status', { name: 'Backup reminder' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Projector round' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Backup reminder' })).toHaveCount(0);
    expect(await fullyVisibleCards(page, 'Ungrouped cards')).toBeGreaterThanOrEqual(3);
  });

  test('a card dragged to a bucket below the fold scrolls the buckets to it and lands there; a drop on nothing says so', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/#/board');
    // The app has created its database before anything is written beside it.
    await expect(page.getByText('No rounds yet')).toBeVisible();
    const roundId = await seedRound(page);
    await page.goto(`/#/board/${roundId}`);
    const last = page.getByRole('region', { name: `Pain ${BUCKETS}` });
    await expect(last).toBeAttached();
    await expect(last).not.toBeInViewport();
    const area = await page.locator('.board__buckets').boundingBox();
    if (!area) throw new Error('The buckets area is not on screen');
    const ungroupedScroll = () => page.getByRole('list', { name: 'Ungrouped cards' }).evaluate((list) => list.parentElement?.scrollTop ?? -1);

    const handle = page.getByRole('button', { name: 'Move card “Card 2”' });
    const from = await handle.boundingBox();
    if (!from) throw new Error('The card is not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 10, { steps: 4 });
    // Rest the card at the bottom edge of the buckets, without moving, until they are scrolled to their end.
    const edge = { x: area.x + area.width / 4, y: area.y + area.height - 8 };
    await page.mouse.move(edge.x, edge.y, { steps: 8 });
    await expect
      .poll(() => page.locator('.board__buckets').evaluate((scroller) => scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop), { timeout: 15_000 })
      .toBeLessThanOrEqual(1);
    await expect(last).toBeInViewport({ ratio: 0.3 });
    // Only the buckets scrolled: the card's own list (level with that edge) stayed where it was.
    expect(await ungroupedScroll()).toBe(0);
    // The bucket shown as the target is the one now under the still pointer, not the one it was over before the scroll.
    const underPointer = await page.evaluate(({ x, y }) => document.elementsFromPoint(x, y).find((element) => element.matches('[data-drop-id]'))?.getAttribute('aria-labelledby') ?? null, edge);
    if (underPointer === null) await expect(page.locator('.bucket--over')).toHaveCount(0);
    else await expect(page.locator('.bucket--over')).toHaveAttribute('aria-labelledby', underPointer);
    const target = await last.boundingBox();
    if (!target) throw new Error('The last bucket is not on screen');
    // Into the part of the bucket the buckets area shows, away from the edge bands where resting scrolls the buckets on.
    const shown = { top: Math.max(target.y, area.y), bottom: Math.min(target.y + target.height, area.y + area.height) };
    const calm = { top: Math.max(shown.top, area.y + AUTO_SCROLL_EDGE + 8), bottom: Math.min(shown.bottom, area.y + area.height - AUTO_SCROLL_EDGE - 8) };
    const dropY = calm.top < calm.bottom ? (calm.top + calm.bottom) / 2 : (shown.top + shown.bottom) / 2;
    await page.mouse.move(target.x + target.width / 2, dropY, { steps: 6 });
    await page.mouse.up();
    await expect(last.getByRole('article', { name: 'Card 2' })).toBeVisible();

    // Let go over the round's title: nothing moves, and the board says why.
    const other = page.getByRole('button', { name: 'Move card “Card 4”' });
    const start = await other.boundingBox();
    const title = await page.getByRole('heading', { name: 'Projector round' }).boundingBox();
    if (!start || !title) throw new Error('The card or the title is not on screen');
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 10, { steps: 4 });
    await page.mouse.move(title.x + 20, title.y + title.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(page.getByRole('status').filter({ hasText: '“Card 4” was not moved' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Ungrouped cards' }).getByRole('article', { name: 'Card 4' })).toBeAttached();
  });
});
