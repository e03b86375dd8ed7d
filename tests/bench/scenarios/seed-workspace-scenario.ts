import type { Page } from 'playwright-core';
import { loadSeedBundle, openBlankDocument } from '../bench-browser';
import type { BenchProfile, WorkspaceSize } from '../bench-profile';
import { seedMetrics } from '../metric-names';
import type { Metrics } from '../scenario-outcome';

export interface SeedScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly profile: BenchProfile;
  readonly size: WorkspaceSize;
}

/** Fills the profile's IndexedDB with a generated workspace, from a blank document of the app's origin. */
export async function seedWorkspaceScenario(page: Page, { appUrl, bundleSource, profile, size }: SeedScenarioOptions): Promise<Metrics> {
  await openBlankDocument(page, appUrl);
  await loadSeedBundle(page, bundleSource);
  const report = await page.evaluate((options) => {
    if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
    return window.discoveryBench.seedWorkspace(options);
  }, { seed: profile.seed, noteCount: size.noteCount, batchSize: profile.seedBatchSize });
  console.log(
    `    ${report.notes} notes, ${report.highlights} highlights, ${report.contacts} contacts; ` +
      `${report.storageMb.toFixed(0)} MB stored; bulkAdd ${(report.bulkAddMs / 1000).toFixed(1)} s, generation ${(report.generateMs / 1000).toFixed(1)} s`,
  );
  const names = seedMetrics(size.label);
  return { [names.bulkAdd]: report.bulkAddMs, [names.generate]: report.generateMs, [names.total]: report.totalMs, [names.storage]: report.storageMb };
}
