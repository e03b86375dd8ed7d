/** Whether an existing capability already solves the bucket: checked before anything is built. */
export type ExistingCapabilityCheck =
  | { readonly status: 'not-checked' }
  | { readonly status: 'solves-it' | 'does-not-solve-it'; readonly notes: string };

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

export interface ExperimentResult {
  readonly recordedAt: number;
  readonly outcome: 'killed' | 'survived' | 'inconclusive';
  readonly notes: string;
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
