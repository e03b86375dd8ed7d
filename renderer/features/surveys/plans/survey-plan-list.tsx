import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SurveyPlan } from '../../../../shared/domain/survey-plan';
import { estimateCompletionSeconds, surveyPlanStatus } from '../../../../shared/surveys/survey-plan-checks';
import { formatDay } from '../../../components/format-date';
import { useDatabase, useRepositories } from '../../../db';
import { SurveyPlanStatusBadge } from './survey-plan-status-badge';
import { useDeleteSurveyPlan } from './use-delete-survey-plan';
import { userMessage } from '../../../errors/user-message';

/** Every survey plan, most recently changed first, with its status; the way to start a new one. */
export function SurveyPlanList() {
  const { surveyPlans } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const plans = useLiveQuery(() => surveyPlans.listNewest(), [surveyPlans]);
  const deletePlan = useDeleteSurveyPlan();
  const [error, setError] = useState<string | null>(null);

  const createPlan = async () => {
    setError(null);
    try {
      const plan = await surveyPlans.create();
      void navigate(`/surveys/plans/${plan.id}`);
    } catch (caught) {
      setError(userMessage(caught, 'changing the survey plans'));
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await deletePlan(id);
    } catch (caught) {
      setError(userMessage(caught, 'changing the survey plans'));
    }
  };

  const newPlanButton = (
    <button type="button" className="button button--primary" disabled={isReadOnly} onClick={() => void createPlan()}>
      New survey plan
    </button>
  );

  return (
    <section className="survey-plans" aria-labelledby="survey-plans-heading">
      <div className="survey-plans__bar">
        <div>
          <h2 id="survey-plans-heading">Survey plans</h2>
          <p className="muted survey-plans__intro">
            Plan a survey before it goes out: keep it short, quantify where you can, and have people with opposing perspectives
            proof-read it.
          </p>
        </div>
        {plans !== undefined && plans.length > 0 && newPlanButton}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {plans === undefined ? (
        <p className="muted" role="status">
          Loading survey plans…
        </p>
      ) : plans.length === 0 ? (
        <div className="survey-plans__empty">
          <p className="survey-plans__empty-title">No survey plans yet</p>
          <p className="muted">
            Write the questions here first. The checks warn when the survey gets long or has few questions you can count, and
            reviewers sign off before it is sent.
          </p>
          {newPlanButton}
        </div>
      ) : (
        <ul className="survey-plans__list" aria-label="Survey plans">
          {plans.map((plan) => (
            <SurveyPlanRow key={plan.id} plan={plan} isReadOnly={isReadOnly} onDelete={() => void remove(plan.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface SurveyPlanRowProps {
  readonly plan: SurveyPlan;
  readonly isReadOnly: boolean;
  readonly onDelete: () => void;
}

function SurveyPlanRow({ plan, isReadOnly, onDelete }: SurveyPlanRowProps) {
  const title = plan.title.trim() || 'Untitled survey plan';
  const minutes = Math.ceil(estimateCompletionSeconds(plan.questions) / 60);
  const count = plan.questions.length;
  return (
    <li className="survey-plans__row">
      <div className="survey-plans__main">
        <Link to={`/surveys/plans/${plan.id}`} className="survey-plans__title">
          {title}
        </Link>
        <p className="survey-plans__meta">
          {count === 0 ? 'No questions yet' : `${count} ${count === 1 ? 'question' : 'questions'} · about ${minutes} min`}
          {plan.goal.trim() !== '' && <> · {plan.goal.trim()}</>}
        </p>
      </div>
      <SurveyPlanStatusBadge status={surveyPlanStatus(plan)} />
      <span className="survey-plans__date">Changed {formatDay(plan.updatedAt)}</span>
      <button type="button" className="button button--small button--quiet" disabled={isReadOnly} aria-label={`Delete “${title}”`} onClick={onDelete}>
        Delete
      </button>
    </li>
  );
}
