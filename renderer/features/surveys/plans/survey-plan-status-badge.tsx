import type { SurveyPlanStatus } from '../../../../shared/surveys/survey-plan-checks';

/** The text a status reads as: Draft, In review (N of M signed off), Ready to send. */
export function surveyPlanStatusText(status: SurveyPlanStatus): string {
  if (status.kind === 'draft') return 'Draft';
  if (status.kind === 'ready') return 'Ready to send';
  return `In review: ${status.signedOff} of ${status.reviewers} signed off`;
}

/** A plan's derived status as a badge. */
export function SurveyPlanStatusBadge({ status }: { readonly status: SurveyPlanStatus }) {
  const tone = status.kind === 'ready' ? 'badge--ok' : status.kind === 'in-review' ? 'badge--warning' : 'badge--neutral';
  return <span className={`badge ${tone}`}>{surveyPlanStatusText(status)}</span>;
}
