import { errors, type Locator, type Page } from 'playwright-core';

/** The app's marks: the first page of the inbox rendered; the search index loaded and caught up. */
export const INBOX_READY_MARK = 'discovery:inbox-ready';
export const SEARCH_READY_MARK = 'search:index-ready';

/** Which of the UI contracts the running build provides. */
export interface AppFeatures {
  readonly hasInbox: boolean;
  readonly hasSearch: boolean;
}

export function discoveryUrl(appUrl: string): string {
  return new URL('#/discovery', appUrl).href;
}

export const notesList = (page: Page) => page.getByRole('list', { name: 'Notes' });
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search notes' });

/** Waits for the shell, then gives each contract element `graceMs` to appear. */
export async function probeFeatures(page: Page, graceMs: number): Promise<AppFeatures> {
  await page.getByRole('navigation', { name: 'Sections' }).waitFor({ timeout: 60_000 });
  const [hasInbox, hasSearch] = await Promise.all([appears(notesList(page), graceMs), appears(searchBox(page), graceMs)]);
  return { hasInbox, hasSearch };
}

/** The mark's time since navigation start, once the app has made it. */
export async function waitForMark(page: Page, name: string, timeoutMs: number, missing: string): Promise<number> {
  try {
    await page.waitForFunction((markName) => performance.getEntriesByName(markName, 'mark').length > 0, name, { timeout: timeoutMs, polling: 50 });
  } catch (error) {
    if (error instanceof errors.TimeoutError) throw new Error(`${missing} (no performance.mark('${name}') within ${timeoutMs / 1000} s)`, { cause: error });
    throw error;
  }
  return page.evaluate((markName) => performance.getEntriesByName(markName, 'mark')[0]?.startTime ?? Number.NaN, name);
}

export interface SearchIndexReady {
  /** Navigation start to the `search:index-ready` mark. */
  readonly readyAt: number;
  /**
   * True when the status only showed once a query was typed: the mark then comes no earlier than
   * that query, so `readyAt` is an upper bound.
   */
  readonly isUpperBound: boolean;
}

const STATUS_SELECTOR = '[data-search-status]';
const PROBE_QUERY = 'platform';

/**
 * Waits for the search contract's `data-search-status="ready"`, then reads the `search:index-ready`
 * mark. Where the status is only on screen while there is a query, fills one in (no keystrokes, so
 * nothing is measured) and clears it again after.
 */
export async function waitForSearchIndex(page: Page, timeoutMs: number): Promise<SearchIndexReady> {
  // Briefly: with the status only under results, every moment waited here inflates the figure.
  const isShownWithoutQuery = await appears(page.locator(STATUS_SELECTOR).first(), 300);
  if (!isShownWithoutQuery) await searchBox(page).fill(PROBE_QUERY);
  try {
    if (!(await appears(page.locator(STATUS_SELECTOR).first(), 10_000))) {
      throw new Error('The search box is there, but no element carries data-search-status, even with a query typed (search contract).');
    }
    await page.locator('[data-search-status="ready"]').first().waitFor({ state: 'attached', timeout: timeoutMs });
    const readyAt = await waitForMark(page, SEARCH_READY_MARK, 5000, 'data-search-status is "ready" but the app made no search:index-ready mark');
    return { readyAt, isUpperBound: !isShownWithoutQuery };
  } finally {
    if (!isShownWithoutQuery) await searchBox(page).fill('');
  }
}

/** Whether the locator is in the DOM within `timeoutMs`. */
export async function appears(locator: Locator, timeoutMs: number): Promise<boolean> {
  try {
    await locator.waitFor({ state: 'attached', timeout: timeoutMs });
    return true;
  } catch (error) {
    if (error instanceof errors.TimeoutError) return false;
    throw error;
  }
}

/** Reloads the Discovery screen itself, whatever query or note the URL has picked up since. */
export async function reloadDiscovery(page: Page, appUrl: string): Promise<void> {
  const url = discoveryUrl(appUrl);
  if (page.url() !== url) await page.evaluate((clean) => history.replaceState(null, '', clean), url);
  await page.reload();
}

/** The longest main-thread task (Long Tasks API, so 50 ms or more) that started within [from, to]; 0 when none. */
export async function maxLongTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ start, end }) => {
      const probe = window.discoveryBenchProbe;
      if (probe === undefined) throw new Error('The page probe is not installed.');
      return probe.longTasks.filter((task) => task.startTime >= start && task.startTime <= end).reduce((max, task) => Math.max(max, task.duration), 0);
    },
    { start: from, end: to },
  );
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}
