import type { Page } from 'playwright-core';
import { loadSeedBundle, openBlankDocument } from '../bench-browser';
import type { BenchProfile, WorkspaceSize } from '../bench-profile';
import { naiveFuseMetrics } from '../metric-names';
import { percentile } from '../percentile';
import type { Metrics } from '../scenario-outcome';
import { naiveBaselineQueries } from '../search-queries';

/** The search baseline: plain Fuse.js over every stored note, in a blank page of the same origin (the app closed). */
export async function naiveFuseScenario(page: Page, appUrl: string, bundleSource: string, profile: BenchProfile, size: WorkspaceSize): Promise<Metrics> {
  await openBlankDocument(page, appUrl);
  await loadSeedBundle(page, bundleSource);
  const queries = naiveBaselineQueries(profile.queries);
  const report = await page.evaluate((options) => {
    if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
    return window.discoveryBench.naiveFuseSearch(options);
  }, { queries });
  if (report.notes !== size.noteCount) throw new Error(`Fuse saw ${report.notes} notes, not the ${size.noteCount} seeded.`);
  console.log(`    ${queries.length} queries over ${report.notes} notes; index built in ${(report.buildMs / 1000).toFixed(1)} s`);
  const names = naiveFuseMetrics(size.label);
  return {
    [names.p50]: percentile(report.searchMs, 50),
    [names.p95]: percentile(report.searchMs, 95),
    [names.build]: report.buildMs,
    [names.load]: report.loadMs,
  };
}
