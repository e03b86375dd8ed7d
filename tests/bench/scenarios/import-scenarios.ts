import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions } from '../bench-browser';
import type { BenchProfile } from '../bench-profile';
import { ensureSurveyFile } from '../ensure-survey-file';
import { importMetrics } from '../metric-names';
import { notBuiltYet, runScenario, type ScenarioOutcome } from '../scenario-outcome';
import { SURVEY_FILE_SHAPES } from '../survey-csv-lines';

export interface ImportScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly cacheDir: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

/**
 * The survey files (made once, then cached) and the raw bulkAdd baseline the importer will be held
 * to (within 2x). The importer's own run waits for the importer and its UI contract.
 */
export async function runImportScenarios({ appUrl, bundleSource, cacheDir, browserOptions, profile }: ImportScenarioOptions): Promise<ScenarioOutcome[]> {
  const { responseCount, label } = profile.survey;
  const names = importMetrics(label);
  const baseline = await runScenario(`import baseline ${label}`, [names.raw], async () => {
    const files = [];
    for (const shape of SURVEY_FILE_SHAPES) files.push(await ensureSurveyFile({ cacheDir, shape, seed: profile.seed, responseCount }));
    for (const file of files) console.log(`    ${file.path} (${(file.bytes / 1024 / 1024).toFixed(1)} MB${file.isNew ? ', new' : ', cached'})`);
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      await openBlankDocument(browser.page, appUrl);
      await loadSeedBundle(browser.page, bundleSource);
      const report = await browser.page.evaluate((options) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.rawSurveyBulkAdd(options);
      }, { seed: profile.seed, responseCount });
      console.log(`    ${report.responses} responses x 20 answers: one bulkAdd in ${(report.bulkAddMs / 1000).toFixed(1)} s`);
      return { [names.raw]: report.bulkAddMs, [names.fileMb]: (files[0]?.bytes ?? 0) / 1024 / 1024 };
    } finally {
      await browser.close();
    }
  });
  const importer = notBuiltYet(
    `import ${label}`,
    [names.total, names.ratio, names.maxTask],
    'the survey importer (choose the file on the Surveys screen, progress, cancel); its UI contract is to be agreed',
  );
  return [baseline, importer];
}
