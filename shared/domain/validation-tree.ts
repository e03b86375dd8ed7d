import type { PainBucket } from './board';
import { solutionValidationState, type ValidationState } from './solution-validation-state';
import type { Experiment, ExperimentOutcome, Solution } from './validation';

/**
 * Where one experiment stands: its kill criteria still being written, running (criteria locked,
 * no result yet), or its outcome.
 */
export type ExperimentStage = 'drafting' | 'running' | ExperimentOutcome;

export const EXPERIMENT_STAGE_LABELS: Readonly<Record<ExperimentStage, string>> = {
  drafting: 'Kill criteria not locked',
  running: 'Running',
  survived: 'Survived',
  killed: 'Killed: cannot work',
  inconclusive: 'Inconclusive',
};

/** The stage of an experiment, from its recorded facts. */
export function experimentStage(experiment: Pick<Experiment, 'killCriteriaLockedAt' | 'result'>): ExperimentStage {
  if (experiment.result !== undefined) return experiment.result.outcome;
  return experiment.killCriteriaLockedAt === undefined ? 'drafting' : 'running';
}

/**
 * What a bucket's candidate solutions amount to: none yet; one left standing (survived, or an
 * existing capability solves it); every candidate killed, so new ideas are needed; or still open.
 */
export type BucketVerdict = 'no-solutions' | 'way-forward' | 'all-killed' | 'open';

export const BUCKET_VERDICT_LABELS: Readonly<Record<BucketVerdict, string>> = {
  'no-solutions': 'No candidate solution yet',
  'way-forward': 'A solution holds up',
  'all-killed': 'Every candidate killed: look for new ones',
  open: 'Still being validated',
};

export interface ValidationTreeExperiment {
  readonly experiment: Experiment;
  readonly stage: ExperimentStage;
}

export interface ValidationTreeSolution {
  readonly solution: Solution;
  /** Driven by the experiments' results (see solutionValidationState). */
  readonly state: ValidationState;
  readonly experiments: readonly ValidationTreeExperiment[];
}

export interface ValidationTreeBucket {
  readonly bucket: PainBucket;
  readonly verdict: BucketVerdict;
  readonly solutions: readonly ValidationTreeSolution[];
}

/** The verdict of a bucket from its solutions' states. */
export function bucketVerdict(states: readonly ValidationState[]): BucketVerdict {
  if (states.length === 0) return 'no-solutions';
  if (states.some((state) => state === 'survived' || state === 'existing-capability')) return 'way-forward';
  if (states.every((state) => state === 'killed')) return 'all-killed';
  return 'open';
}

const byCreation = (a: { readonly createdAt: number; readonly id: string }, b: { readonly createdAt: number; readonly id: string }) =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The opportunity-solution tree of a round: each bucket (in the order given) with its candidate
 * solutions and their experiments, oldest first. Solutions of buckets not given, and experiments of
 * solutions not given, are left out.
 */
export function buildValidationTree(
  buckets: readonly PainBucket[],
  solutions: readonly Solution[],
  experiments: readonly Experiment[],
): ValidationTreeBucket[] {
  const experimentsBySolution = new Map<string, Experiment[]>();
  for (const experiment of experiments) {
    const own = experimentsBySolution.get(experiment.solutionId);
    if (own === undefined) experimentsBySolution.set(experiment.solutionId, [experiment]);
    else own.push(experiment);
  }
  return buckets.map((bucket) => {
    const nodes = solutions
      .filter((solution) => solution.bucketId === bucket.id)
      .sort(byCreation)
      .map((solution): ValidationTreeSolution => {
        const own = [...(experimentsBySolution.get(solution.id) ?? [])].sort(byCreation);
        return {
          solution,
          state: solutionValidationState(solution, own),
          experiments: own.map((experiment) => ({ experiment, stage: experimentStage(experiment) })),
        };
      });
    return { bucket, verdict: bucketVerdict(nodes.map((node) => node.state)), solutions: nodes };
  });
}
