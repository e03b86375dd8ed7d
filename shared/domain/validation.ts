/** Whether an existing capability already solves the bucket: checked before anything is built. */
export type ExistingCapabilityCheck =
  | { readonly status: 'not-checked' }
  | {
      readonly status: 'solves-it' | 'does-not-solve-it';
      readonly notes: string;
      /** Discovery notes describing the capability (open-source scans, cloud-vendor offerings, ...). */
      readonly noteIds: readonly string[];
    };

/** A candidate solution for one pain bucket. */
export interface Solution {
  readonly id: string;
  readonly bucketId: string;
  readonly title: string;
  readonly description: string;
  readonly existingCapability: ExistingCapabilityCheck;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const EXPERIMENT_OUTCOMES = ['survived', 'killed', 'inconclusive'] as const;

export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

export interface ExperimentResult {
  /** When the result was entered. */
  readonly recordedAt: number;
  /** The day the experiment concluded, as YYYY-MM-DD. */
  readonly concludedOn: string;
  readonly outcome: ExperimentOutcome;
  /** What was observed, and where (links, note titles). */
  readonly evidence: string;
}

/** A cheap experiment designed to prove a solution cannot work. */
export interface Experiment {
  readonly id: string;
  readonly solutionId: string;
  readonly hypothesis: string;
  readonly howItCouldFail: string;
  readonly killCriteria: string;
  /** Set once; kill criteria cannot change after this, so results cannot move the goalposts. */
  readonly killCriteriaLockedAt?: number;
  readonly result?: ExperimentResult;
  readonly createdAt: number;
  readonly updatedAt: number;
}
