import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions } from '../bench-browser';
import type { BenchProfile } from '../bench-profile';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';

export interface RoundTripScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

export const roundTripMetrics = (size: string) => ({
  exportMs: `backup.export_ms.${size}`,
  restoreMs: `backup.restore_ms.${size}`,
  rawReadMs: `backup.raw_read_ms.${size}`,
  exportRatio: `backup.export_ratio_to_raw_read.${size}`,
  restoreRatio: `backup.restore_ratio_to_raw_read.${size}`,
  fileMb: `backup.file_mb.${size}`,
  rows: `backup.rows.${size}`,
  differentRows: `backup.different_rows.${size}`,
});

/**
 * A generated workspace (notes, contacts, highlights, a survey with its answers) goes through the
 * app's own export, a wipe and the app's own restore in the page; every row's hash must match.
 * Fails (so `bench:small` exits non-zero) when any row differs.
 */
export async function runRoundTripScenario({ appUrl, bundleSource, browserOptions, profile }: RoundTripScenarioOptions): Promise<ScenarioOutcome> {
  const { noteCount, responseCount, label } = profile.roundTrip;
  const names = roundTripMetrics(label);
  return runScenario(`backup round trip ${label}`, Object.values(names), async () => {
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      await openBlankDocument(browser.page, appUrl);
      await loadSeedBundle(browser.page, bundleSource);
      const report = await browser.page.evaluate((options) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.roundTrip(options);
      }, { seed: profile.seed, noteCount, responseCount, batchSize: profile.seedBatchSize });
      console.log(
        `    ${report.rows.toLocaleString('en')} rows (${report.answers.toLocaleString('en')} survey answers), ${report.fileMb.toFixed(1)} MB: export ${(report.exportMs / 1000).toFixed(1)} s, restore ${(report.restoreMs / 1000).toFixed(1)} s, plain read ${(report.rawReadMs / 1000).toFixed(1)} s`,
      );
      if (report.differentRows > 0) throw new Error(`${report.differentRows} rows differ after the restore: ${report.firstDifferences.join('; ')}`);
      return {
        [names.exportMs]: report.exportMs,
        [names.restoreMs]: report.restoreMs,
        [names.rawReadMs]: report.rawReadMs,
        [names.exportRatio]: report.exportMs / report.rawReadMs,
        [names.restoreRatio]: report.restoreMs / report.rawReadMs,
        [names.fileMb]: report.fileMb,
        [names.rows]: report.rows,
        [names.differentRows]: report.differentRows,
      };
    } finally {
      await browser.close();
    }
  });
}
