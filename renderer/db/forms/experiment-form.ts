import type { Experiment } from '../../../shared/domain/validation';
import { parseStrings, type FormStore } from './form-store';

/** What the experiment form edits; the result is recorded separately. */
export interface ExperimentDraft {
  readonly hypothesis: string;
  readonly howItCouldFail: string;
  readonly killCriteria: string;
}

export const experimentForm: FormStore<Experiment, ExperimentDraft> = {
  kind: 'experiment',
  label: 'this experiment',
  read: ({ validation }, id) => validation.getExperiment(id),
  project: (experiment) => ({ hypothesis: experiment?.hypothesis ?? '', howItCouldFail: experiment?.howItCouldFail ?? '', killCriteria: experiment?.killCriteria ?? '' }),
  missingMessage: 'This experiment was deleted in another window; copy any text you want to keep.',
  // Locked kill criteria are never written again, whatever the form holds.
  write: ({ validation }, id, value, stored) =>
    validation.updateExperiment(id, stored?.killCriteriaLockedAt === undefined ? value : { hypothesis: value.hypothesis, howItCouldFail: value.howItCouldFail }),
  revision: (experiment) => experiment.updatedAt,
  parse: (value) => parseStrings(value, ['hypothesis', 'howItCouldFail', 'killCriteria']),
};
