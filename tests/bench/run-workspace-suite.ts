import { launchWorkspaceBrowser, type BenchBrowserOptions } from './bench-browser';
import type { BenchProfile, WorkspaceSize } from './bench-profile';
import { loadAppFirstTime, type FirstLoad } from './load-app-first-time';
import { heapMetrics, naiveFuseMetrics, searchMetrics, seedMetrics, startupMetrics } from './metric-names';
import { runScenario, type ScenarioOutcome } from './scenario-outcome';
import { heapScenario } from './scenarios/heap-scenario';
import { naiveFuseScenario } from './scenarios/naive-fuse-scenario';
import { searchScenario } from './scenarios/search-scenario';
import { seedWorkspaceScenario } from './scenarios/seed-workspace-scenario';
import { startupScenario } from './scenarios/startup-scenario';

export interface WorkspaceSuiteOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

export interface WorkspaceSuiteResult {
  readonly outcomes: readonly ScenarioOutcome[];
  readonly chromiumVersion: string;
}

/** Seeds one workspace into a fresh Chromium profile, then runs every app scenario against it, in order. */
export async function runWorkspaceSuite({ appUrl, bundleSource, browserOptions, profile }: WorkspaceSuiteOptions, size: WorkspaceSize): Promise<WorkspaceSuiteResult> {
  console.log(`\nWorkspace of ${size.noteCount.toLocaleString('en')} notes (${size.label})`);
  const browser = await launchWorkspaceBrowser(browserOptions);
  const { page } = browser;
  const { label } = size;
  // The figures the table lists even when a scenario cannot run; the others appear once measured.
  const names = {
    seed: [seedMetrics(label).bulkAdd],
    startup: [startupMetrics(label).interactive],
    search: [searchMetrics(label).p50, searchMetrics(label).p95, searchMetrics(label).maxTask],
    heap: [heapMetrics(label).total],
    fuse: [naiveFuseMetrics(label).p95],
  };
  const failAll = (reason: string): ScenarioOutcome[] =>
    (['startup', 'search', 'heap'] as const).map((scenario) => ({ status: 'failed', scenario: `${scenario} ${label}`, metricNames: names[scenario], reason }));
  const outcomes: ScenarioOutcome[] = [];
  try {
    const seeded = await runScenario(`seed ${label}`, names.seed, () =>
      seedWorkspaceScenario(page, { appUrl, bundleSource, profile, size }),
    );
    outcomes.push(seeded);
    if (seeded.status !== 'measured') return { outcomes: [...outcomes, ...failAll('the workspace was not seeded')], chromiumVersion: browser.version };

    let firstLoad: FirstLoad | undefined;
    try {
      firstLoad = await loadAppFirstTime(page, appUrl, profile);
    } catch (error) {
      console.error(error);
      outcomes.push(...failAll(`the app did not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    }
    if (firstLoad !== undefined) {
      const loaded = firstLoad;
      outcomes.push(await runScenario(`startup ${label}`, names.startup, () => startupScenario(page, appUrl, loaded, profile, size)));
      outcomes.push(await runScenario(`search ${label}`, names.search, () => searchScenario(page, appUrl, loaded, profile, size)));
      outcomes.push(await runScenario(`heap ${label}`, names.heap, () => heapScenario(browser.context, page, loaded, size)));
    }
    outcomes.push(await runScenario(`naive Fuse baseline ${label}`, names.fuse, () => naiveFuseScenario(page, appUrl, bundleSource, profile, size)));
    return { outcomes, chromiumVersion: browser.version };
  } finally {
    await browser.close();
  }
}
