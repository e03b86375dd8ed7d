import {
  applyExperimentChanges,
  applySolutionChanges,
  clearExperimentResult,
  createExperiment,
  createSolution,
  lockKillCriteria,
  recordExperimentResult,
  type ExperimentChanges,
  type NewExperimentResult,
  type SolutionChanges,
} from '../../../shared/domain/apply-validation-changes';
import type { Experiment, Solution } from '../../../shared/domain/validation';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

/** A deleted solution with its experiments, enough to undo the deletion. */
export interface DeletedSolution {
  readonly solution: Solution;
  readonly experiments: readonly Experiment[];
}

export interface ValidationRepository {
  /** RangeError when the bucket does not exist. */
  createSolution(bucketId: string, title: string): Promise<Solution>;
  /** Undefined when the solution does not exist; RangeError says what is wrong. */
  updateSolution(id: string, changes: SolutionChanges): Promise<Solution | undefined>;
  /** Deletes the solution and its experiments together; returns them for undo. */
  deleteSolution(id: string): Promise<DeletedSolution | undefined>;
  restoreSolution(deleted: DeletedSolution): Promise<void>;
  getSolution(id: string): Promise<Solution | undefined>;
  getExperiment(id: string): Promise<Experiment | undefined>;
  /** The solutions of these buckets, oldest first. */
  listSolutions(bucketIds: readonly string[]): Promise<readonly Solution[]>;
  /** The experiments of these solutions, oldest first. */
  listExperiments(solutionIds: readonly string[]): Promise<readonly Experiment[]>;
  createExperiment(solutionId: string): Promise<Experiment>;
  /** Refuses (KillCriteriaLockError) a change to locked kill criteria; nothing is written then. */
  updateExperiment(id: string, changes: ExperimentChanges): Promise<Experiment | undefined>;
  lockKillCriteria(id: string): Promise<Experiment | undefined>;
  /** Refuses (KillCriteriaLockError) while the kill criteria are unlocked. */
  recordResult(id: string, result: NewExperimentResult): Promise<Experiment | undefined>;
  clearResult(id: string): Promise<Experiment | undefined>;
  deleteExperiment(id: string): Promise<Experiment | undefined>;
  restoreExperiment(experiment: Experiment): Promise<void>;
}

const byCreation = <T extends { readonly createdAt: number; readonly id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export function createValidationRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): ValidationRepository {
  const changeExperiment = (id: string, change: (existing: Experiment, now: number) => Experiment) =>
    writeTransaction(db, [db.experiments], async () => {
      const existing = await db.experiments.get(id);
      if (existing === undefined) return undefined;
      const next = change(existing, clock());
      // Checked again against the stored row, so no caller can slip past the lock.
      if (existing.killCriteriaLockedAt !== undefined && (next.killCriteria !== existing.killCriteria || next.killCriteriaLockedAt !== existing.killCriteriaLockedAt)) {
        throw new UserError('The kill criteria were locked; they can no longer change.');
      }
      await db.experiments.put(next);
      return next;
    });

  return {
    async createSolution(bucketId, title) {
      const solution = createSolution(newId(), bucketId, title, clock());
      await writeTransaction(db, [db.solutions, db.buckets], async () => {
        if ((await db.buckets.get(bucketId)) === undefined) throw new UserError('This bucket no longer exists on the board.');
        await db.solutions.add(solution);
      });
      return solution;
    },

    updateSolution(id, changes) {
      return writeTransaction(db, [db.solutions], async () => {
        const existing = await db.solutions.get(id);
        if (existing === undefined) return undefined;
        const solution = applySolutionChanges(existing, changes, clock());
        await db.solutions.put(solution);
        return solution;
      });
    },

    deleteSolution(id) {
      return writeTransaction(db, [db.solutions, db.experiments], async () => {
        const solution = await db.solutions.get(id);
        if (solution === undefined) return undefined;
        const experiments = await db.experiments.where('solutionId').equals(id).toArray();
        await db.experiments.bulkDelete(experiments.map((experiment) => experiment.id));
        await db.solutions.delete(id);
        return { solution, experiments };
      });
    },

    restoreSolution({ solution, experiments }) {
      return writeTransaction(db, [db.solutions, db.experiments], async () => {
        if ((await db.solutions.get(solution.id)) !== undefined) return;
        await db.solutions.add(solution);
        await db.experiments.bulkPut([...experiments]);
      });
    },

    getSolution: (id) => db.solutions.get(id),

    getExperiment: (id) => db.experiments.get(id),

    async listSolutions(bucketIds) {
      if (bucketIds.length === 0) return [];
      const rows = await db.solutions.where('bucketId').anyOf([...bucketIds]).toArray();
      return rows.sort(byCreation);
    },

    async listExperiments(solutionIds) {
      if (solutionIds.length === 0) return [];
      const rows = await db.experiments.where('solutionId').anyOf([...solutionIds]).toArray();
      return rows.sort(byCreation);
    },

    async createExperiment(solutionId) {
      const experiment = createExperiment(newId(), solutionId, clock());
      await writeTransaction(db, [db.experiments, db.solutions], async () => {
        if ((await db.solutions.get(solutionId)) === undefined) throw new UserError('This solution no longer exists.');
        await db.experiments.add(experiment);
      });
      return experiment;
    },

    updateExperiment: (id, changes) => changeExperiment(id, (existing, now) => applyExperimentChanges(existing, changes, now)),

    lockKillCriteria(id) {
      return writeTransaction(db, [db.experiments], async () => {
        const existing = await db.experiments.get(id);
        if (existing === undefined) return undefined;
        const locked = lockKillCriteria(existing, clock());
        await db.experiments.put(locked);
        return locked;
      });
    },

    recordResult: (id, result) => changeExperiment(id, (existing, now) => recordExperimentResult(existing, result, now)),

    clearResult: (id) => changeExperiment(id, (existing, now) => clearExperimentResult(existing, now)),

    deleteExperiment(id) {
      return writeTransaction(db, [db.experiments], async () => {
        const experiment = await db.experiments.get(id);
        if (experiment === undefined) return undefined;
        await db.experiments.delete(id);
        return experiment;
      });
    },

    restoreExperiment(experiment) {
      return writeTransaction(db, [db.experiments], async () => {
        if ((await db.experiments.get(experiment.id)) === undefined) await db.experiments.add(experiment);
      });
    },
  };
}
