import {
  applySurveyPlanChanges,
  DEFAULT_PLAN_SCALE,
  type PlanQuestion,
  type PlanQuestionType,
  type SurveyPlan,
} from '../../../../shared/domain/survey-plan';
import type { SurveyPlanDraft } from '../../../db';

export const QUESTION_TYPE_LABELS: Readonly<Record<PlanQuestionType, string>> = {
  scale: 'Scale',
  number: 'Number',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
  'free-text': 'Free text',
};

/**
 * The plan as it will be once the draft is saved, through the same rules the repository applies,
 * so the checks and sign-off marks are right while typing, before the save lands.
 */
export function previewPlan(stored: SurveyPlan, draft: SurveyPlanDraft): SurveyPlan {
  try {
    return applySurveyPlanChanges(stored, draft, stored.updatedAt);
  } catch {
    // The save will report what is wrong; until then the checks describe the stored plan.
    return stored;
  }
}

export function newQuestion(): PlanQuestion {
  return { id: crypto.randomUUID(), text: '', type: 'scale', scale: DEFAULT_PLAN_SCALE };
}

/** The question with a new type; a scale gets its default range the first time. */
export function withQuestionType(question: PlanQuestion, type: PlanQuestionType): PlanQuestion {
  return type === 'scale' && question.scale === undefined ? { ...question, type, scale: DEFAULT_PLAN_SCALE } : { ...question, type };
}

/** The list with the item at `index` moved by `delta` places; unchanged when that leaves the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): readonly T[] {
  const target = index + delta;
  const item = items[index];
  if (item === undefined || target < 0 || target >= items.length) return items;
  const next = items.filter((_, position) => position !== index);
  next.splice(target, 0, item);
  return next;
}
