import type { Page } from 'playwright-core';
import { maxLongTask, pageNow } from '../app-session';
import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions } from '../bench-browser';
import type { BenchProfile } from '../bench-profile';
import { ensureSurveyFile } from '../ensure-survey-file';
import { importMetrics } from '../metric-names';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';
import { SURVEY_FILE_SHAPES } from '../survey-csv-lines';

export interface ImportScenarioOptions {
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly cacheDir: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

/** The import's UI contract (renderer/features/surveys): the button, the panel's state, the commit button. */
const IMPORT_BUTTON = { name: /^Import survey/ } as const;
const PANEL_STATE = (state: string) => `[aria-label="Survey import"][data-import-state="${state}"]`;
const IMPORT_TIMEOUT_MS = 20 * 60_000;

/**
 * The survey import held to the raw bulkAdd of the same records, in the same run:
 * - baseline (its own fresh browser): one bulkAdd of the generated response records; then every
 *   record the importer stores for that file (responses, contacts, free-text notes), built before
 *   the clock starts, bulkAdded in one transaction;
 * - importer (another fresh browser): from choosing the file on the Surveys screen, through
 *   reading, the preview and the click on Import, to the done panel; with the longest main-thread
 *   task in that span.
 */
export async function runImportScenarios({ appUrl, bundleSource, cacheDir, browserOptions, profile }: ImportScenarioOptions): Promise<ScenarioOutcome[]> {
  const { responseCount, label } = profile.survey;
  const names = importMetrics(label);
  const files = [];
  for (const shape of SURVEY_FILE_SHAPES) files.push(await ensureSurveyFile({ cacheDir, shape, seed: profile.seed, responseCount }));
  for (const file of files) console.log(`    ${file.path} (${(file.bytes / 1024 / 1024).toFixed(1)} MB${file.isNew ? ', new' : ', cached'})`);
  const genericFile = files[SURVEY_FILE_SHAPES.indexOf('generic')];
  if (genericFile === undefined) throw new Error('The generic survey file was not made.');

  const baseline = await runScenario(`import baseline ${label}`, [names.raw, names.rawAll, names.fileMb], async () => {
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      await openBlankDocument(browser.page, appUrl);
      await loadSeedBundle(browser.page, bundleSource);
      const report = await browser.page.evaluate((options) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.rawSurveyBulkAdd(options);
      }, { seed: profile.seed, responseCount });
      console.log(`    ${report.responses} responses x 20 answers: one bulkAdd in ${(report.bulkAddMs / 1000).toFixed(1)} s`);
      console.log(
        `    with ${report.contacts} contacts and ${report.notes} free-text notes, all records in ${(report.allRecordsBulkAddMs / 1000).toFixed(1)} s`,
      );
      return { [names.raw]: report.bulkAddMs, [names.rawAll]: report.allRecordsBulkAddMs, [names.fileMb]: genericFile.bytes / 1024 / 1024 };
    } finally {
      await browser.close();
    }
  });

  // The ratios to the baselines are worked out with the other figures (results-report.ts).
  const importer = await runScenario(`import ${label}`, [names.total, names.preview, names.ratio, names.ratioToResponses, names.maxTask], async () => {
    const browser = await launchWorkspaceBrowser(browserOptions);
    try {
      const { page } = browser;
      await page.goto(new URL('#/surveys', appUrl).href);
      const button = page.getByRole('button', IMPORT_BUTTON);
      await button.waitFor({ timeout: 60_000 });
      const startedAt = await pageNow(page);
      const chooser = page.waitForEvent('filechooser');
      await button.click();
      await (await chooser).setFiles(genericFile.path);
      await page.locator(PANEL_STATE('preview')).waitFor({ timeout: IMPORT_TIMEOUT_MS });
      const previewAt = await pageNow(page);
      await page.getByRole('button', { name: /^Import [\d,]+ responses$/ }).click();
      const outcome = await waitForOutcome(page);
      const doneAt = await pageNow(page);
      if (outcome !== 'done') throw new Error(`The import ended "${outcome}": ${await page.locator('[aria-label="Survey import"]').innerText()}`);
      const summary = await page.locator(PANEL_STATE('done')).innerText();
      const added = Number(/([\d,]+)\s+new responses? added/.exec(summary)?.[1]?.replaceAll(',', '') ?? NaN);
      if (added !== responseCount) throw new Error(`The import added ${added} responses, not ${responseCount}: ${summary}`);
      const totalMs = doneAt - startedAt;
      const maxTask = await maxLongTask(page, startedAt, doneAt);
      console.log(`    chose the file, previewed in ${((previewAt - startedAt) / 1000).toFixed(1)} s, imported in ${(totalMs / 1000).toFixed(1)} s; longest task ${maxTask.toFixed(0)} ms`);
      return { [names.total]: totalMs, [names.preview]: previewAt - startedAt, [names.maxTask]: maxTask };
    } finally {
      await browser.close();
    }
  });
  return [baseline, importer];
}

async function waitForOutcome(page: Page): Promise<string> {
  // A failed write goes back to the preview with its problems listed, so the columns can be corrected.
  const ended = page.locator([...['done', 'failed', 'cancelled'].map(PANEL_STATE), `${PANEL_STATE('preview')}:has(.notice--error)`].join(', '));
  await ended.waitFor({ timeout: IMPORT_TIMEOUT_MS });
  const state = (await ended.getAttribute('data-import-state')) ?? 'unknown';
  return state === 'preview' ? 'back in the preview with problems' : state;
}
