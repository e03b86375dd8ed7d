import type { Page } from 'playwright-core';
import { maxLongTask, pageNow } from '../app-session';
import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions } from '../bench-browser';
import type { BenchProfile } from '../bench-profile';
import { surveyResultsMetrics } from '../metric-names';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';

export interface SurveyResultsScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

/** The results screen's contract (renderer/features/surveys): its card list says how many cards it holds. */
const CARD_LIST = '.result-card-list[data-card-count]';
const CARD = '.result-card-list .result-card';
/** Scroll steps through the results, each a wheel turn of this many pixels, with a pause to draw. */
const SCROLL_STEPS = 30;
const SCROLL_PIXELS = 1500;
const SCROLL_PAUSE_MS = 100;

/**
 * A generated survey of N questions (a mix of scales, choices, numbers, free text and grids) is
 * seeded into the app's IndexedDB; its results screen is opened and scrolled through with the
 * mouse wheel, then to the end, while the Long Tasks API watches: the longest main-thread task
 * from navigation to the last scroll is the figure (it froze the app for minutes when every
 * chart was drawn at once).
 */
export async function surveyResultsScenario({ appUrl, bundleSource, browserOptions, profile }: SurveyResultsScenarioOptions): Promise<ScenarioOutcome> {
  const { questionCount, responseCount, label } = profile.surveyResults;
  const names = surveyResultsMetrics(label);
  return runScenario(`survey results ${label}`, [names.maxTask, names.firstCard, names.cards], async () => {
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      const { page } = browser;
      await openBlankDocument(page, appUrl);
      await loadSeedBundle(page, bundleSource);
      const seeded = await page.evaluate((options) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.seedWideSurvey(options);
      }, { seed: profile.seed, questionCount, responseCount });
      console.log(`    seeded ${seeded.questions} questions x ${responseCount} responses in ${seeded.bulkAddMs.toFixed(0)} ms`);

      await page.setViewportSize({ width: 1440, height: 900 });
      // The app starts on the surveys list (its start-up is measured elsewhere); the survey opens by
      // a route change, as a click on it does.
      await page.goto(new URL('#/surveys', appUrl).href);
      await page.getByRole('button', { name: /^Import survey/ }).waitFor({ timeout: 60_000 });
      const startedAt = await pageNow(page);
      await page.evaluate((id) => {
        window.location.hash = `#/surveys/${id}`;
      }, seeded.surveyId);
      await page.locator(CARD).first().waitFor({ timeout: 10 * 60_000 });
      const firstCardMs = (await pageNow(page)) - startedAt;
      const cards = Number(await page.locator(CARD_LIST).getAttribute('data-card-count'));
      if (!(cards > 0)) throw new Error(`The results screen holds ${cards} cards.`);
      await scrollThrough(page);
      const endedAt = await pageNow(page);
      const maxTask = await maxLongTask(page, startedAt, endedAt);
      console.log(`    first card after ${firstCardMs.toFixed(0)} ms; ${cards} cards; longest main-thread task ${maxTask.toFixed(0)} ms`);
      return { [names.maxTask]: maxTask, [names.firstCard]: firstCardMs, [names.cards]: cards };
    } finally {
      await browser.close();
    }
  });
}

async function scrollThrough(page: Page): Promise<void> {
  const first = page.locator(CARD).first();
  await first.hover();
  for (let step = 0; step < SCROLL_STEPS; step += 1) {
    await page.mouse.wheel(0, SCROLL_PIXELS);
    await page.waitForTimeout(SCROLL_PAUSE_MS);
  }
  // Then the far end at once, as dragging the scroll bar does.
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main?.scrollTo({ top: main.scrollHeight });
  });
  await page.waitForTimeout(500);
}
