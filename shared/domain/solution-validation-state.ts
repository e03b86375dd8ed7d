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
 * The validation state of a solution: not checked until the existing-capability question is
 * answered; an existing capability ends the search; otherwise its experiments decide. One kill is
 * enough to kill it; any experiment without a result keeps it under test; it survived only when
 * every experiment survived.
 */
export function solutionValidationState(solution: Pick<Solution, 'existingCapability'>, experiments: readonly Pick<Experiment, 'result'>[]): ValidationState {
  if (solution.existingCapability.status === 'not-checked') return 'not-checked';
  if (solution.existingCapability.status === 'solves-it') return 'existing-capability';
  if (experiments.length === 0) return 'untested';
  if (experiments.some((experiment) => experiment.result?.outcome === 'killed')) return 'killed';
  if (experiments.some((experiment) => experiment.result === undefined)) return 'under-test';
  if (experiments.every((experiment) => experiment.result?.outcome === 'survived')) return 'survived';
  return 'inconclusive';
}
