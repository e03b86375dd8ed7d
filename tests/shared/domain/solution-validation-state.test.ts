import { describe, expect, it } from 'vitest';
import { solutionValidationState, VALIDATION_STATES, type ValidationState } from '../../../shared/domain/solution-validation-state';
import { EXPERIMENT_OUTCOMES, type ExistingCapabilityCheck, type Experiment } from '../../../shared/domain/validation';

type Capability = ExistingCapabilityCheck['status'];
type Outcome = (typeof EXPERIMENT_OUTCOMES)[number] | 'pending';
/** What a list of experiments amounts to, before the capability check is looked at. */
type Summary = 'none' | 'any killed' | 'some pending, none killed' | 'all survived' | 'concluded, some inconclusive';

const CAPABILITIES: readonly Capability[] = ['not-checked', 'solves-it', 'does-not-solve-it'];
const OUTCOMES: readonly Outcome[] = ['pending', ...EXPERIMENT_OUTCOMES];

// The rule written out as a table: rows are what the experiments say, columns the capability check.
const EXPECTED: Readonly<Record<Summary, Readonly<Record<Capability, ValidationState>>>> = {
  none: { 'not-checked': 'not-checked', 'solves-it': 'existing-capability', 'does-not-solve-it': 'untested' },
  'any killed': { 'not-checked': 'killed', 'solves-it': 'killed', 'does-not-solve-it': 'killed' },
  'some pending, none killed': { 'not-checked': 'under-test', 'solves-it': 'under-test', 'does-not-solve-it': 'under-test' },
  'all survived': { 'not-checked': 'survived', 'solves-it': 'existing-capability', 'does-not-solve-it': 'survived' },
  'concluded, some inconclusive': { 'not-checked': 'inconclusive', 'solves-it': 'inconclusive', 'does-not-solve-it': 'inconclusive' },
};

function summarise(outcomes: readonly Outcome[]): Summary {
  if (outcomes.length === 0) return 'none';
  if (outcomes.includes('killed')) return 'any killed';
  if (outcomes.includes('pending')) return 'some pending, none killed';
  return outcomes.every((outcome) => outcome === 'survived') ? 'all survived' : 'concluded, some inconclusive';
}

/** Every list of up to three experiments, in every order. */
function experimentLists(maxLength: number): Outcome[][] {
  const lists: Outcome[][] = [[]];
  let frontier: Outcome[][] = [[]];
  for (let length = 1; length <= maxLength; length += 1) {
    frontier = frontier.flatMap((list) => OUTCOMES.map((outcome) => [...list, outcome]));
    lists.push(...frontier);
  }
  return lists;
}

function capabilityCheck(status: Capability): ExistingCapabilityCheck {
  return status === 'not-checked' ? { status } : { status, notes: 'checked', noteIds: [] };
}

function experiment(outcome: Outcome): Pick<Experiment, 'result'> {
  return outcome === 'pending' ? {} : { result: { recordedAt: 1, concludedOn: '2026-05-01', outcome, evidence: '' } };
}

describe('solutionValidationState', () => {
  const cases = CAPABILITIES.flatMap((capability) => experimentLists(3).map((outcomes) => ({ capability, outcomes })));

  it(`follows the table for every capability check and every list of up to three experiments (${cases.length} combinations)`, () => {
    const reached = new Set<ValidationState>();
    for (const { capability, outcomes } of cases) {
      const state = solutionValidationState({ existingCapability: capabilityCheck(capability) }, outcomes.map(experiment));
      expect({ capability, outcomes, state }).toEqual({ capability, outcomes, state: EXPECTED[summarise(outcomes)][capability] });
      reached.add(state);
    }
    // Every state can be reached from some facts, so none is dead.
    expect([...reached].sort()).toEqual(VALIDATION_STATES.map((state) => state.id).sort());
  });

  it('calls a solution whose only experiment was killed "killed", even when a capability was said to solve it', () => {
    expect(solutionValidationState({ existingCapability: capabilityCheck('solves-it') }, [experiment('killed')])).toBe('killed');
  });
});
