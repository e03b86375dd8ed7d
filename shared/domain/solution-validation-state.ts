import type { Experiment, Solution } from './validation';

/** Where a candidate solution stands, from its capability check and its experiments. */
export const VALIDATION_STATES = [
  { id: 'not-checked', label: 'Not checked' },
  { id: 'existing-capability', label: 'Existing capability' },
  { id: 'untested', label: 'Untested' },
  { id: 'under-test', label: 'Under test' },
  { id: 'survived', label: 'Survived' },
  { id: 'killed', label: 'Killed' },
  { id: 'inconclusive', label: 'Inconclusive' },
] as const satisfies readonly { readonly id: string; readonly label: string }[];

export type ValidationState = (typeof VALIDATION_STATES)[number]['id'];

/**
 * The validation state of a solution, from the recorded facts alone. Experiments speak first,
 * because they were designed to prove the solution cannot work: one kill kills it (whatever the
 * capability check says), and any experiment still without a result keeps it under test. With
 * every experiment concluded: all survived means it survived, or, when an existing capability
 * was found to solve the bucket, that the capability held up; any inconclusive one leaves it
 * inconclusive. Without experiments, the capability check decides: not checked yet, an existing
 * capability (which ends the search), or untested.
 */
export function solutionValidationState(solution: Pick<Solution, 'existingCapability'>, experiments: readonly Pick<Experiment, 'result'>[]): ValidationState {
  const capability = solution.existingCapability.status;
  if (experiments.some((experiment) => experiment.result?.outcome === 'killed')) return 'killed';
  if (experiments.some((experiment) => experiment.result === undefined)) return 'under-test';
  if (experiments.length > 0) {
    if (experiments.some((experiment) => experiment.result?.outcome !== 'survived')) return 'inconclusive';
    return capability === 'solves-it' ? 'existing-capability' : 'survived';
  }
  if (capability === 'not-checked') return 'not-checked';
  return capability === 'solves-it' ? 'existing-capability' : 'untested';
}
