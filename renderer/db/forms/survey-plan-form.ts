import type { PlanQuestion, PlanReviewer, SurveyPlan } from '../../../shared/domain/survey-plan';
import { isRecord, parseStrings, type FormStore } from './form-store';

/** What the survey-plan editor changes; the repository checks every question and reviewer on the way in. */
export interface SurveyPlanDraft {
  readonly title: string;
  readonly goal: string;
  readonly audience: string;
  readonly questions: readonly PlanQuestion[];
  readonly reviewers: readonly PlanReviewer[];
}

export function draftFromPlan(plan: SurveyPlan): SurveyPlanDraft {
  return { title: plan.title, goal: plan.goal, audience: plan.audience, questions: plan.questions, reviewers: plan.reviewers };
}

export const surveyPlanForm: FormStore<SurveyPlan, SurveyPlanDraft> = {
  kind: 'survey-plan',
  label: 'this survey plan',
  read: ({ surveyPlans }, id) => surveyPlans.get(id),
  project: (plan) => (plan === undefined ? { title: '', goal: '', audience: '', questions: [], reviewers: [] } : draftFromPlan(plan)),
  missingMessage: 'This plan was deleted in another window; copy any text you want to keep.',
  write: ({ surveyPlans }, id, value) => surveyPlans.update(id, value),
  revision: (plan) => plan.updatedAt,
  parse(value) {
    const strings = parseStrings(value, ['title', 'goal', 'audience']);
    if (strings === null || !isRecord(value) || !Array.isArray(value.questions) || !Array.isArray(value.reviewers)) return null;
    if (!value.questions.every(isRecord) || !value.reviewers.every(isRecord)) return null;
    // The repository checks each question and reviewer completely.
    return { ...strings, questions: value.questions as unknown as readonly PlanQuestion[], reviewers: value.reviewers as unknown as readonly PlanReviewer[] };
  },
};
