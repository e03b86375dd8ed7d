import { PLAN_QUESTION_TYPES } from '../../../../shared/domain/survey-plan';
import {
  MAX_MINUTES,
  MAX_QUESTIONS,
  SECONDS_PER_QUESTION,
  type SurveyPlanProblemSeverity,
  type SurveyPlanReport,
  type SurveyPlanStatus,
} from '../../../../shared/surveys/survey-plan-checks';
import { QUESTION_TYPE_LABELS } from './survey-plan-draft';
import { SurveyPlanStatusBadge } from './survey-plan-status-badge';

const SEVERITY_LABELS: Readonly<Record<SurveyPlanProblemSeverity, string>> = { blocking: 'Must fix', warning: 'Warning', hint: 'Hint' };
const SEVERITY_BADGES: Readonly<Record<SurveyPlanProblemSeverity, string>> = {
  blocking: 'badge--danger',
  warning: 'badge--warning',
  hint: 'badge--neutral',
};

interface PlanChecksPanelProps {
  readonly report: SurveyPlanReport;
  readonly status: SurveyPlanStatus;
  readonly questionCount: number;
}

/** The live checks: status, estimated time, and every problem the method's rules find. */
export function PlanChecksPanel({ report, status, questionCount }: PlanChecksPanelProps) {
  const perType = PLAN_QUESTION_TYPES.map((type) => `${QUESTION_TYPE_LABELS[type].toLowerCase()} ${SECONDS_PER_QUESTION[type]} s`).join(', ');
  return (
    <aside className="panel plan-checks" aria-labelledby="plan-checks-heading">
      <div className="plan-checks__head">
        <h2 id="plan-checks-heading">Checks</h2>
        <SurveyPlanStatusBadge status={status} />
      </div>
      <dl className="plan-checks__facts">
        <div>
          <dt>Time to answer</dt>
          <dd>{questionCount === 0 ? '—' : `about ${report.estimatedMinutes} min`}</dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>
            {questionCount} ({report.quantifiedCount} quantified)
          </dd>
        </div>
      </dl>
      {status.kind === 'ready' && <p className="plan-checks__ready">Ready to send: every reviewer signed off these questions.</p>}
      {report.problems.length === 0 ? (
        <p className="muted plan-checks__none">Nothing to fix.</p>
      ) : (
        <ul className="plan-checks__list" aria-label="Problems found">
          {report.problems.map((problem) => (
            <li key={`${problem.code}-${problem.questionId ?? problem.reviewerId ?? ''}`} className="plan-checks__item">
              <span className={`badge ${SEVERITY_BADGES[problem.severity]}`}>{SEVERITY_LABELS[problem.severity]}</span>
              <span>{problem.message}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="plan-checks__rules">
        Long means over {MAX_QUESTIONS} questions or over {MAX_MINUTES} minutes; time is estimated per question: {perType}.
      </p>
    </aside>
  );
}
