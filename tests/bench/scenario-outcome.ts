/** A scenario's figures, by metric name. */
export type Metrics = Readonly<Record<string, number>>;

/** Returned instead of figures when the feature a scenario drives is not in the app (yet). */
export interface Skip {
  readonly skipped: string;
}

export type ScenarioOutcome =
  | { readonly status: 'measured'; readonly scenario: string; readonly metrics: Metrics }
  | { readonly status: 'skipped' | 'failed'; readonly scenario: string; readonly metricNames: readonly string[]; readonly reason: string };

/** Runs one scenario; a throw becomes a failed outcome (the run then exits non-zero) instead of ending the run. */
export async function runScenario(scenario: string, metricNames: readonly string[], run: () => Promise<Metrics | Skip>): Promise<ScenarioOutcome> {
  const startedAt = performance.now();
  console.log(`  ${scenario}…`);
  try {
    const result = await run();
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    if (isSkip(result)) {
      console.log(`  ${scenario}: skipped, ${result.skipped}`);
      return { status: 'skipped', scenario, metricNames, reason: result.skipped };
    }
    console.log(`  ${scenario}: done in ${seconds} s`);
    return { status: 'measured', scenario, metrics: result };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
    console.error(`  ${scenario}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { status: 'failed', scenario, metricNames, reason };
  }
}

/** An outcome for a scenario whose feature has not been built yet. */
export function notBuiltYet(scenario: string, metricNames: readonly string[], what: string): ScenarioOutcome {
  console.log(`  ${scenario}: skipped, not built yet`);
  return { status: 'skipped', scenario, metricNames, reason: `not built yet: ${what}` };
}

function isSkip(result: Metrics | Skip): result is Skip {
  return typeof result.skipped === 'string';
}
