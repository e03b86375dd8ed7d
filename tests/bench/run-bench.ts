import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { FULL_PROFILE, SMALL_PROFILE } from './bench-profile';
import { buildSeedBundle } from './build-seed-bundle';
import { describeMachine } from './describe-machine';
import { collectMetrics, formatConsoleTable, formatMarkdownTable, reportRows } from './results-report';
import { runWorkspaceSuite } from './run-workspace-suite';
import type { ScenarioOutcome } from './scenario-outcome';
import { boardScenario } from './scenarios/board-scenario';
import { runImportScenarios } from './scenarios/import-scenarios';
import { runRoundTripScenario } from './scenarios/round-trip-scenario';
import { surveyResultsScenario } from './scenarios/survey-results-scenario';
import { syncScenario } from './scenarios/sync-scenario';
import { workshopScenario } from './scenarios/workshop-scenario';

export interface RunBenchOptions {
  readonly root: string;
  /** The built renderer, served on 127.0.0.1. */
  readonly appUrl: string;
  readonly chromiumPath: string;
  readonly chromiumArgs: readonly string[];
  readonly isSmall: boolean;
  /** Runs one part only (`workspaces`, `import`, `results`, `board`, `backup`, `workshop` or `sync`) and merges its figures into the results file. */
  readonly only?: string;
  /** The built participant page of live workshops, for the workshop part's Chromium participants. */
  readonly participantDir?: string;
}

/** The parts `--only` can name. */
export const PARTS = ['workspaces', 'import', 'results', 'board', 'backup', 'workshop', 'sync'];

/** Runs every scenario, prints the table, writes the results; resolves with the exit code (1 when a scenario failed). */
export async function runBench({ root, appUrl, chromiumPath, chromiumArgs, isSmall, only, participantDir }: RunBenchOptions): Promise<number> {
  const runs = (part: string) => only === undefined || only === part;
  if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only takes ${PARTS.join(', ')}, not ${only}.`);
  const profile = isSmall ? SMALL_PROFILE : FULL_PROFILE;
  const loadAtStart = loadavg();
  const cacheDir = join(root, 'bench', '.cache');
  const browserOptions = { chromiumPath, chromiumArgs };

  // The live workshop part drives Node clients and participant pages only: no app, no seeding bundle.
  if (only !== 'workshop') console.log('Building the seeding bundle…');
  const bundleSource = only === 'workshop' ? '' : await buildSeedBundle(root, cacheDir);

  const outcomes: ScenarioOutcome[] = [];
  let chromiumVersion = 'unknown';
  for (const size of runs('workspaces') ? profile.workspaces : []) {
    try {
      const suite = await runWorkspaceSuite({ appUrl, bundleSource, browserOptions, profile }, size);
      outcomes.push(...suite.outcomes);
      chromiumVersion = suite.chromiumVersion;
    } catch (error) {
      console.error(error);
      outcomes.push({ status: 'failed', scenario: `workspace ${size.label}`, metricNames: [], reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (runs('import')) {
    console.log(`\nSurvey of ${profile.survey.responseCount.toLocaleString('en')} responses (${profile.survey.label})`);
    outcomes.push(...(await runImportScenarios({ appUrl, bundleSource, cacheDir, browserOptions, profile })));
  }
  if (runs('results')) {
    const { questionCount, responseCount } = profile.surveyResults;
    console.log(`\nSurvey results of ${questionCount.toLocaleString('en')} questions x ${responseCount.toLocaleString('en')} responses`);
    outcomes.push(await surveyResultsScenario({ appUrl, bundleSource, browserOptions, profile }));
  }
  if (runs('board')) {
    console.log(`\nBoard of ${profile.board.cardCount.toLocaleString('en')} cards`);
    outcomes.push(await boardScenario({ appUrl, bundleSource, browserOptions, profile }));
  }

  if (runs('backup')) {
    const { noteCount, responseCount } = profile.roundTrip;
    console.log(`\nBackup round trip: ${noteCount.toLocaleString('en')} notes, ${responseCount.toLocaleString('en')} responses x 20 answers`);
    outcomes.push(await runRoundTripScenario({ appUrl, bundleSource, browserOptions, profile }));
  }

  if (runs('workshop')) {
    const { participants, cardCount } = profile.workshop;
    console.log(`\nLive workshop: ${participants} participants (Node clients) and 2 Chromium participant pages on ${cardCount.toLocaleString('en')} cards, the server in its own process`);
    if (participantDir === undefined) throw new Error('The workshop part needs the built participant page (participantDir).');
    outcomes.push(await workshopScenario({ profile, browserOptions, participantDir }));
  }

  // Team sync runs only when named (`--only=sync`): a first sync in Chromium still slows down as
  // it writes notes (see the README's Performance section), too slow for every CI run.
  if (only === 'sync') {
    const { workspaces, clients } = profile.sync;
    console.log(`\nTeam sync: first sync of ${workspaces.map((size) => size.noteCount.toLocaleString('en')).join(' and ')} notes in Chromium from the team server (its own process), edits across ${clients} clients`);
    outcomes.push(...(await syncScenario({ root, appUrl, bundleSource, browserOptions, profile })));
  }

  // A partial run keeps the figures of the parts it did not run.
  const earlier = only === undefined ? {} : await readJson(join(root, profile.resultsFile));
  const metrics = { ...earlier, ...collectMetrics(outcomes) };
  const rows = reportRows(outcomes, metrics);
  const notMeasured = Object.fromEntries(rows.filter((row) => row.value === undefined).map((row) => [row.metric, row.note]));
  const run = {
    profile: profile.name,
    date: new Date().toISOString(),
    durationSeconds: Math.round(process.uptime()),
    seed: profile.seed,
    machine: describeMachine(chromiumVersion, loadAtStart),
    notMeasured,
  };
  // A partial run keeps the full run's description and adds its own under `partialRuns`.
  const earlierMeta = only === undefined ? undefined : await readObject(join(root, profile.metaFile));
  const meta =
    earlierMeta === undefined
      ? run
      : {
          ...earlierMeta,
          notMeasured: Object.fromEntries(Object.entries(Reflect.get(earlierMeta, 'notMeasured') ?? {}).filter(([name]) => !(name in metrics))),
          partialRuns: [...(Array.isArray(earlierMeta.partialRuns) ? earlierMeta.partialRuns : []), { only, ...run, notMeasured: undefined }],
        };
  await writeJson(join(root, profile.resultsFile), metrics);
  await writeJson(join(root, profile.metaFile), meta);
  await writeFile(join(cacheDir, `performance-table.${profile.name}.md`), `${formatMarkdownTable(rows)}\n`);

  console.log(`\n${formatConsoleTable(rows)}\n`);
  console.log(`Wrote ${profile.resultsFile} and ${profile.metaFile} in ${run.durationSeconds} s on ${run.machine.cpuModel} (${run.machine.cores} cores), Chromium ${chromiumVersion}.`);
  const failures = outcomes.filter((outcome) => outcome.status === 'failed');
  for (const failure of failures) console.error(`FAILED: ${failure.scenario}: ${failure.status === 'failed' ? failure.reason : ''}`);
  return failures.length > 0 ? 1 : 0;
}

async function readObject(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : undefined;
  } catch {
    return undefined;
  }
}

async function readJson(path: string): Promise<Record<string, number>> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number')) : {};
  } catch {
    return {};
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
