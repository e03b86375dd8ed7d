import {
  applySurveyPlanChanges,
  createSurveyPlan,
  type NewSurveyPlan,
  type SurveyPlan,
  type SurveyPlanChanges,
} from '../../../shared/domain/survey-plan';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';

export interface SurveyPlansRepository {
  create(input?: NewSurveyPlan): Promise<SurveyPlan>;
  get(id: string): Promise<SurveyPlan | undefined>;
  /** Every plan, most recently changed first (plans number in the tens, not thousands). */
  listNewest(): Promise<readonly SurveyPlan[]>;
  /**
   * Applies the changes after checking them (RangeError says what is wrong; nothing is written).
   * Undefined when the plan does not exist.
   */
  update(id: string, changes: SurveyPlanChanges): Promise<SurveyPlan | undefined>;
  /** Deletes the plan; returns it as it was, for undo. */
  delete(id: string): Promise<SurveyPlan | undefined>;
  /** Puts back a plan exactly as `delete` returned it; does nothing when it is there already (undo pressed twice). */
  restore(plan: SurveyPlan): Promise<void>;
}

export function createSurveyPlansRepository(
  db: DiscoveryDb,
  { clock = systemClock, newId = randomId }: RepositoryDependencies = {},
): SurveyPlansRepository {
  return {
    async create(input = {}) {
      const plan = createSurveyPlan(newId(), input, clock());
      await writeTransaction(db, [db.surveyPlans], () => db.surveyPlans.add(plan));
      return plan;
    },

    get: (id) => db.surveyPlans.get(id),

    listNewest: () => db.surveyPlans.orderBy('updatedAt').reverse().toArray(),

    update(id, changes) {
      return writeTransaction(db, [db.surveyPlans], async () => {
        const existing = await db.surveyPlans.get(id);
        if (existing === undefined) return undefined;
        const plan = applySurveyPlanChanges(existing, changes, clock());
        await db.surveyPlans.put(plan);
        return plan;
      });
    },

    delete(id) {
      return writeTransaction(db, [db.surveyPlans], async () => {
        const plan = await db.surveyPlans.get(id);
        if (plan === undefined) return undefined;
        await db.surveyPlans.delete(id);
        return plan;
      });
    },

    restore(plan) {
      return writeTransaction(db, [db.surveyPlans], async () => {
        if ((await db.surveyPlans.get(plan.id)) === undefined) await db.surveyPlans.add(plan);
      });
    },
  };
}
