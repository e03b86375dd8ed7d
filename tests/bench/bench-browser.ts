import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { installPageProbe } from './page-probe';

export interface BenchBrowserOptions {
  readonly chromiumPath: string;
  readonly chromiumArgs: readonly string[];
}

/** A Chromium with a profile of its own, so one workspace's IndexedDB survives reloads and nothing else shares it. */
export interface WorkspaceBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Chromium's own version, for the machine description. */
  readonly version: string;
  /** Closes Chromium and deletes the profile. */
  close(): Promise<void>;
}

export async function launchWorkspaceBrowser({ chromiumPath, chromiumArgs }: BenchBrowserOptions): Promise<WorkspaceBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'discovery-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, args: [...chromiumArgs], headless: true });
  try {
    await context.addInitScript(installPageProbe);
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      version: context.browser()?.version() ?? 'unknown',
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

const BLANK_PATH = '__bench__/blank.html';

/**
 * Opens an empty document of the app's origin (so it reaches the app's IndexedDB) without running
 * the app. Playwright answers the request itself; the route is removed at once so it never slows the app's own requests.
 */
export async function openBlankDocument(page: Page, appUrl: string): Promise<void> {
  const url = new URL(BLANK_PATH, appUrl).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Discovery Desk benchmark</title>' }));
  try {
    await page.goto(url);
  } finally {
    await page.unroute(url);
  }
}

/** Evaluates the seeding bundle in the page through the DevTools protocol, which the page's CSP does not govern. */
export async function loadSeedBundle(page: Page, bundleSource: string): Promise<void> {
  await page.evaluate(bundleSource);
  const isLoaded = await page.evaluate(() => window.discoveryBench !== undefined);
  if (!isLoaded) throw new Error('The seeding bundle ran but did not define window.discoveryBench.');
}
