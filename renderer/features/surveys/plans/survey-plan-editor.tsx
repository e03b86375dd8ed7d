import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { SurveyPlan } from '../../../../shared/domain/survey-plan';
import { checkSurveyPlan, surveyPlanStatus } from '../../../../shared/surveys/survey-plan-checks';
import { surveyPlanForm, useDatabase, useRepositories, type SurveyPlanDraft } from '../../../db';
import { SaveStatus, useFormSave } from '../../../forms';
import { PlanChecksPanel } from './plan-checks-panel';
import { PlanQuestions } from './plan-questions';
import { PlanReviewers } from './plan-reviewers';
import { previewPlan } from './survey-plan-draft';
import { useDeleteSurveyPlan } from './use-delete-survey-plan';
import { userMessage } from '../../../errors/user-message';

const LIST_PATH = '/surveys/plans';

/** The plan named in the address; a new editor for each plan. */
export function SurveyPlanEditor() {
  const { planId = '' } = useParams();
  return <SurveyPlanLoader key={planId} planId={planId} />;
}

/** Loads the plan and hands it to the form once; from then on the form's draft is the truth. */
function SurveyPlanLoader({ planId }: { readonly planId: string }) {
  const { surveyPlans } = useRepositories();
  const stored = useLiveQuery(async () => (await surveyPlans.get(planId)) ?? null, [surveyPlans, planId]);
  // The first version seen seeds the form; later ones keep the checks in step with what was saved.
  const [initial, setInitial] = useState<SurveyPlan | null>(null);
  if (stored && !initial) setInitial(stored);

  if (stored === undefined) return <p className="muted" role="status">Opening the survey plan…</p>;
  if (!initial) {
    return (
      <div className="survey-plans__empty">
        <p className="survey-plans__empty-title">This survey plan does not exist</p>
        <p className="muted">It may have been deleted.</p>
        <Link to={LIST_PATH} className="button">
          All survey plans
        </Link>
      </div>
    );
  }
  return <SurveyPlanForm initial={initial} stored={stored} />;
}

interface SurveyPlanFormProps {
  readonly initial: SurveyPlan;
  /** The plan as last saved; null once deleted elsewhere. */
  readonly stored: SurveyPlan | null;
}

function SurveyPlanForm({ initial, stored }: SurveyPlanFormProps) {
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const [isDeleted, setDeleted] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const autosave = useFormSave({ store: surveyPlanForm, id: initial.id, initial, isEnabled: !isDeleted });
  const draft = autosave.value;

  // A sign-off is saved at once, so it covers exactly the questions on screen when it was given.
  const isFlushWanted = useRef(false);
  const { flush } = autosave;
  useEffect(() => {
    if (!isFlushWanted.current) return;
    isFlushWanted.current = false;
    void flush();
  }, [draft, flush]);

  const { update: updateForm } = autosave;
  const update = useCallback((changes: Partial<SurveyPlanDraft>) => updateForm((current) => ({ ...current, ...changes })), [updateForm]);

  const preview = useMemo(() => previewPlan(stored ?? initial, draft), [stored, initial, draft]);
  const report = useMemo(() => checkSurveyPlan(preview), [preview]);
  const status = useMemo(() => surveyPlanStatus(preview), [preview]);

  const deletePlan = useDeleteSurveyPlan(useCallback((plan: SurveyPlan) => void navigate(`${LIST_PATH}/${plan.id}`), [navigate]));
  const remove = async () => {
    setDeleteError(null);
    try {
      await flush();
      setDeleted(true);
      await deletePlan(initial.id);
      void navigate(LIST_PATH);
    } catch (caught) {
      setDeleted(false);
      setDeleteError(userMessage(caught, 'deleting the survey plan'));
    }
  };

  return (
    <div className="survey-plan">
      <div className="survey-plan__top">
        <Link to={LIST_PATH} className="survey-plan__back">
          ← All survey plans
        </Link>
        <div className="survey-plan__actions">
          <SaveStatus form={autosave} />
          <button type="button" className="button button--small button--quiet" disabled={isReadOnly} onClick={() => void remove()}>
            Delete plan
          </button>
        </div>
      </div>
      {stored === null && !isDeleted && (
        <p className="notice notice--error" role="alert">
          This plan was deleted in another window. Your text is still here; copy what you want to keep.
        </p>
      )}
      {deleteError && (
        <p className="notice notice--error" role="alert">
          {deleteError}
        </p>
      )}
      <input
        className="survey-plan__title"
        aria-label="Title"
        placeholder="Untitled survey plan"
        value={draft.title}
        readOnly={isReadOnly}
        autoFocus={initial.title === '' && initial.questions.length === 0}
        onChange={(event) => update({ title: event.target.value })}
      />
      <div className="survey-plan__layout">
        <fieldset className="survey-plan__main" disabled={isReadOnly} aria-label="Survey plan">
          <div className="panel survey-plan__purpose">
            <label className="field">
              <span className="field__label">Goal</span>
              <textarea
                rows={2}
                value={draft.goal}
                placeholder="What decision will the answers inform?"
                onChange={(event) => update({ goal: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">Audience</span>
              <input value={draft.audience} placeholder="Who will be asked? e.g. product engineers deploying weekly" onChange={(event) => update({ audience: event.target.value })} />
            </label>
          </div>
          <PlanQuestions questions={draft.questions} problems={report.problems} onChange={(questions) => update({ questions })} />
          <PlanReviewers
            reviewers={draft.reviewers}
            plan={preview}
            onChange={(reviewers, isSignOff) => {
              if (isSignOff) isFlushWanted.current = true;
              update({ reviewers });
            }}
          />
        </fieldset>
        <PlanChecksPanel report={report} status={status} questionCount={preview.questions.length} />
      </div>
    </div>
  );
}
