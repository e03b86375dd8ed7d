import { useLiveQuery } from 'dexie-react-hooks';
import type { PainBucket } from '../../../shared/domain/board';
import { solutionValidationState, type ValidationState } from '../../../shared/domain/solution-validation-state';
import type { Experiment, Solution } from '../../../shared/domain/validation';
import { buildValidationTree, type ValidationTreeBucket } from '../../../shared/domain/validation-tree';
import { useRepositories } from '../../db';

export interface SolutionSummary {
  readonly solution: Solution;
  readonly bucket: PainBucket;
  readonly experiments: readonly Experiment[];
  readonly state: ValidationState;
}

export interface RoundValidation {
  /** The round's buckets, ranked first (by rank), then the rest by title. */
  readonly buckets: readonly PainBucket[];
  readonly solutions: readonly SolutionSummary[];
  /** The same, as a tree: bucket, its candidate solutions, their experiments. */
  readonly tree: readonly ValidationTreeBucket[];
}

/** The round's buckets with their candidate solutions, experiments and validation states, kept live. */
export function useRoundValidation(roundId: string): RoundValidation | undefined {
  const { artifacts, validation } = useRepositories();
  return useLiveQuery(async () => {
    const buckets = [...(await artifacts.listBuckets(roundId))].sort(
      (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.title.localeCompare(b.title),
    );
    const solutions = await validation.listSolutions(buckets.map((bucket) => bucket.id));
    const experiments = await validation.listExperiments(solutions.map((solution) => solution.id));
    const bucketsById = new Map(buckets.map((bucket) => [bucket.id, bucket]));
    return {
      buckets,
      tree: buildValidationTree(buckets, solutions, experiments),
      solutions: solutions.flatMap((solution) => {
        const bucket = bucketsById.get(solution.bucketId);
        if (bucket === undefined) return [];
        const own = experiments.filter((experiment) => experiment.solutionId === solution.id);
        return [{ solution, bucket, experiments: own, state: solutionValidationState(solution, own) }];
      }),
    };
  }, [artifacts, validation, roundId]);
}
