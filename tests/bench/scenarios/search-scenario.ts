import type { Page } from 'playwright-core';
import { maxLongTask, pageNow, reloadDiscovery, searchBox, waitForSearchIndex, type SearchIndexReady } from '../app-session';
import type { BenchProfile, WorkspaceSize } from '../bench-profile';
import { keystrokeLatencies } from '../keystroke-latencies';
import { unwrap, type FirstLoad } from '../load-app-first-time';
import { searchMetrics } from '../metric-names';
import { percentile } from '../percentile';
import type { Metrics, Skip } from '../scenario-outcome';

export const SEARCH_MISSING = 'feature not present: no searchbox named "Search notes" on /#/discovery (search contract)';

const MIN_KEYSTROKES_FOR_P95 = 100;

/**
 * Types the queries like a person into the search box; for every keystroke, keydown to the moment
 * the results container says (`data-search-query`) it shows that query, or a newer one when the
 * app skipped it (see keystroke-latencies.ts).
 */
export async function searchScenario(page: Page, appUrl: string, firstLoad: FirstLoad, profile: BenchProfile, size: WorkspaceSize): Promise<Metrics | Skip> {
  if (!firstLoad.features.hasSearch || firstLoad.indexBuilt === undefined) return { skipped: SEARCH_MISSING };
  const indexBuilt = unwrap(firstLoad.indexBuilt);
  await reloadDiscovery(page, appUrl);
  const indexLoaded = await waitForSearchIndex(page, profile.indexReadyTimeoutMs);
  const bound = (ready: SearchIndexReady) => `${ready.readyAt.toFixed(0)} ms${ready.isUpperBound ? ' (at most: the status only shows once a query is typed)' : ''}`;
  console.log(`    index built in ${bound(indexBuilt)}, loaded in ${bound(indexLoaded)}`);

  const box = searchBox(page);
  await box.click();
  await box.fill('');
  await page.evaluate(() => {
    const probe = window.discoveryBenchProbe;
    if (probe === undefined) throw new Error('The page probe is not installed.');
    probe.keystrokes.length = 0;
    probe.shownQueries.length = 0;
  });
  const startedAt = await pageNow(page);
  let garbled = 0;
  let typedQueries = 0;
  const budgetEndsAt = Date.now() + profile.searchBudgetMs;
  for (const query of profile.queries) {
    if (Date.now() > budgetEndsAt) {
      console.warn(`    stopped after ${typedQueries} of ${profile.queries.length} queries: the ${profile.searchBudgetMs / 60_000}-minute budget is spent`);
      break;
    }
    typedQueries += 1;
    await box.pressSequentially(query, { delay: profile.typingDelayMs });
    // What the box holds is what gets searched, even when it lost keystrokes on the way.
    const typed = await box.inputValue();
    if (typed !== query) {
      garbled += 1;
      console.warn(`    the search box lost keystrokes: typed "${query}", it holds "${typed}"`);
    }
    await waitForResultsOf(page, typed, profile.searchResultTimeoutMs);
    await page.waitForTimeout(200);
    await box.fill('');
    await page.waitForTimeout(200);
  }
  const endedAt = await pageNow(page);

  const { keystrokes, shownQueries } = await page.evaluate(() => {
    const probe = window.discoveryBenchProbe;
    if (probe === undefined) throw new Error('The page probe is not installed.');
    return { keystrokes: probe.keystrokes, shownQueries: probe.shownQueries };
  });
  const { latencies, unchanged, superseded, unanswered } = keystrokeLatencies(keystrokes, shownQueries);
  if (latencies.length === 0) throw new Error('No keystroke was followed by its results (data-search-query never matched the typed query).');
  console.log(
    `    ${latencies.length} keystrokes measured (${superseded} of them answered only by a later keystroke's results), ` +
      `${unchanged} left the query unchanged, ${unanswered.length} never answered${unanswered.length > 0 ? ` (${unanswered.map((value) => `"${value}"`).join(', ')})` : ''}`,
  );
  if (profile.name === 'full' && latencies.length < MIN_KEYSTROKES_FOR_P95) {
    console.warn(`    only ${latencies.length} keystrokes measured: the p95 rests on fewer than ${MIN_KEYSTROKES_FOR_P95}`);
  }
  const names = searchMetrics(size.label);
  return {
    [names.p50]: percentile(latencies, 50),
    [names.p95]: percentile(latencies, 95),
    [names.maxTask]: await maxLongTask(page, startedAt, endedAt),
    [names.indexBuild]: indexBuilt.readyAt,
    [names.indexLoad]: indexLoaded.readyAt,
    [names.keystrokes]: latencies.length,
    [names.superseded]: superseded,
    [names.garbled]: garbled,
  };
}

async function waitForResultsOf(page: Page, query: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const key = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
      const shown = document.querySelector('[aria-label="Search results"]')?.getAttribute('data-search-query');
      return shown !== null && shown !== undefined && key(shown) === key(expected);
    },
    query,
    { timeout: timeoutMs, polling: 50 },
  );
}
