import type { Page } from 'playwright-core';
import { maxLongTask, pageNow, waitForMark } from '../app-session';
import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions } from '../bench-browser';
import type { BenchProfile } from '../bench-profile';
import { boardMetrics } from '../metric-names';
import { percentile } from '../percentile';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';

export interface BoardScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

/** The board's contract (renderer/features/board): this mark once the cards are on screen, the handles' names. */
const BOARD_READY_MARK = 'board:cards-rendered';
const OPENS = 3;
const DRAGS = 5;
const BUCKET_COUNT = 20;

/**
 * A round of N cards (half in 20 buckets) seeded into the app's real IndexedDB, then:
 * - opening: navigation start to the board's `board:cards-rendered` mark, median of three loads
 *   (the first from the blank page, then reloads),
 *   against a raw read of the same round's cards and buckets in the same browser;
 * - dragging: cards dragged with the mouse from Ungrouped into buckets, in small pointer steps,
 *   with the longest main-thread task (Long Tasks API) from the first press to the last drop.
 */
export async function boardScenario({ appUrl, bundleSource, browserOptions, profile }: BoardScenarioOptions): Promise<ScenarioOutcome> {
  const { cardCount, label } = profile.board;
  const names = boardMetrics(label);
  return runScenario(`board ${label}`, [names.open, names.dragMaxTask, names.rawRead, names.ratio, names.drags], async () => {
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      const { page } = browser;
      await openBlankDocument(page, appUrl);
      await loadSeedBundle(page, bundleSource);
      const seeded = await page.evaluate((options) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.seedBoard(options);
      }, { seed: profile.seed, cardCount, bucketCount: BUCKET_COUNT });
      console.log(`    seeded ${seeded.cards} cards in ${seeded.buckets} buckets in ${seeded.bulkAddMs.toFixed(0)} ms`);
      const rawSamples: number[] = [];
      for (let read = 0; read < OPENS; read += 1) {
        const raw = await page.evaluate((roundId) => window.discoveryBench?.readBoardRaw({ roundId }), seeded.roundId);
        if (raw === undefined || raw.cards !== cardCount) throw new Error(`The raw read found ${raw?.cards ?? 0} cards, not ${cardCount}.`);
        rawSamples.push(raw.readMs);
      }

      const boardUrl = new URL(`#/board/${seeded.roundId}`, appUrl).href;
      const openSamples: number[] = [];
      for (let open = 0; open < OPENS; open += 1) {
        // A hash change alone does not reload the page; the later opens reload it.
        if (open === 0) await page.goto(boardUrl);
        else await page.reload();
        openSamples.push(await waitForMark(page, BOARD_READY_MARK, 60_000, 'The board never said its cards were rendered'));
      }
      const cardsShown = await page.locator('[data-card-count]').getAttribute('data-card-count');
      if (Number(cardsShown) !== cardCount) throw new Error(`The board says it holds ${cardsShown} cards, not ${cardCount}.`);
      console.log(`    board open after ${openSamples.map((ms) => ms.toFixed(0)).join(', ')} ms; raw read ${rawSamples.map((ms) => ms.toFixed(1)).join(', ')} ms`);

      const { maxTaskMs, drags } = await dragCards(page, cardCount);
      console.log(`    ${drags} mouse drags, longest main-thread task ${maxTaskMs.toFixed(0)} ms`);
      const openMs = percentile(openSamples, 50);
      const rawMs = percentile(rawSamples, 50);
      return { [names.open]: openMs, [names.rawRead]: rawMs, [names.ratio]: rawMs > 0 ? openMs / rawMs : Number.NaN, [names.dragMaxTask]: maxTaskMs, [names.drags]: drags };
    } finally {
      await browser.close();
    }
  });
}

async function dragCards(page: Page, cardCount: number): Promise<{ maxTaskMs: number; drags: number }> {
  const ungrouped = page.getByRole('list', { name: 'Ungrouped cards' });
  const buckets = page.locator('.board__buckets > section');
  await ungrouped.waitFor();
  const startedAt = await pageNow(page);
  let drags = 0;
  for (let drag = 0; drag < DRAGS; drag += 1) {
    const before = Number(await page.locator('[data-card-count]').getAttribute('data-card-count'));
    if (before !== cardCount) throw new Error('The board lost cards while dragging.');
    const handle = ungrouped.getByRole('button', { name: /^Move card/ }).first();
    const target = buckets.nth(drag % 2);
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('A card handle or a bucket is off screen.');
    const ungroupedBefore = await ungrouped.getByRole('button', { name: /^Move card/ }).first().getAttribute('aria-label');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 30 });
    await page.mouse.up();
    // The drop has landed when the first ungrouped card is another one.
    await page.waitForFunction(
      (label) => document.querySelector('[aria-label="Ungrouped cards"] button[aria-label^="Move card"]')?.getAttribute('aria-label') !== label,
      ungroupedBefore,
      { timeout: 10_000 },
    );
    drags += 1;
  }
  const endedAt = await pageNow(page);
  return { maxTaskMs: await maxLongTask(page, startedAt, endedAt), drags };
}
