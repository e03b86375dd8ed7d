import type { BenchProfile } from '../bench-profile';
import { boardMetrics } from '../metric-names';
import { notBuiltYet, type ScenarioOutcome } from '../scenario-outcome';

/** Opening a board of 1,000 cards and dragging cards across it: waits for the prioritization board. */
export function boardScenario(profile: BenchProfile): ScenarioOutcome {
  const names = boardMetrics(profile.board.label);
  return notBuiltYet(`board ${profile.board.label}`, [names.open, names.dragMaxTask], 'the prioritization board; its UI contract is to be agreed');
}
