import { useId, useRef, useState, type FormEvent } from 'react';
import { isSignOffCurrent, isSignOffStale, type PlanReviewer, type SurveyPlan } from '../../../../shared/domain/survey-plan';
import { formatDay } from '../../../components/format-date';

interface PlanReviewersProps {
  readonly reviewers: readonly PlanReviewer[];
  /** The plan as it will be saved, to tell current sign-offs from ones given on earlier questions. */
  readonly plan: SurveyPlan;
  /** `isSignOff` is true when a sign-off was given or withdrawn, which is saved at once. */
  readonly onChange: (reviewers: readonly PlanReviewer[], isSignOff: boolean) => void;
}

/**
 * Reviewers and their sign-off. Editing the questions after a sign-off keeps the sign-off on record
 * but marks it "signed off before the last change": it no longer counts until given again.
 */
export function PlanReviewers({ reviewers, plan, onChange }: PlanReviewersProps) {
  const planReviewers = new Map(plan.reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const staleCount = reviewers.filter((reviewer) => {
    const saved = planReviewers.get(reviewer.id);
    return saved !== undefined && isSignOffStale(plan, saved);
  }).length;

  const replace = (changed: PlanReviewer, isSignOff: boolean) =>
    onChange(
      reviewers.map((reviewer) => (reviewer.id === changed.id ? changed : reviewer)),
      isSignOff,
    );

  return (
    <section className="panel plan-reviewers" aria-labelledby="plan-reviewers-heading">
      <div className="plan-section__head">
        <h2 id="plan-reviewers-heading">Reviewers</h2>
        <p className="muted plan-section__hint">People with opposing perspectives proof-read the survey and sign off before it goes out.</p>
      </div>
      {staleCount > 0 && (
        <p className="notice notice--warning">
          The questions changed after {staleCount === 1 ? 'a sign-off' : `${staleCount} sign-offs`}. Those sign-offs stay on record, marked
          “signed off before the last change”, but the plan is ready to send only when every reviewer signs off the current questions.
        </p>
      )}
      {reviewers.length === 0 ? (
        <p className="plan-section__empty muted">No reviewers yet. Add at least two people who see the problem differently, such as an on-call SRE and a product engineer.</p>
      ) : (
        <ul className="plan-reviewers__list" aria-label="Reviewers">
          {reviewers.map((reviewer) => (
            <ReviewerItem
              key={reviewer.id}
              reviewer={reviewer}
              saved={planReviewers.get(reviewer.id)}
              plan={plan}
              onChange={replace}
              onRemove={() =>
                onChange(
                  reviewers.filter((other) => other.id !== reviewer.id),
                  reviewer.signedOffAt !== undefined,
                )
              }
            />
          ))}
        </ul>
      )}
      <AddReviewerForm onAdd={(reviewer) => onChange([...reviewers, reviewer], false)} />
    </section>
  );
}

interface ReviewerItemProps {
  readonly reviewer: PlanReviewer;
  readonly saved: PlanReviewer | undefined;
  readonly plan: SurveyPlan;
  readonly onChange: (reviewer: PlanReviewer, isSignOff: boolean) => void;
  readonly onRemove: () => void;
}

function ReviewerItem({ reviewer, saved, plan, onChange, onRemove }: ReviewerItemProps) {
  const isCurrent = saved !== undefined && isSignOffCurrent(plan, saved);
  const isStale = saved !== undefined && isSignOffStale(plan, saved);
  const signOff = () => onChange({ ...reviewer, signedOffAt: Date.now() }, true);
  const withdraw = () => {
    const { signedOffAt: _signedOffAt, signedOffRevision: _signedOffRevision, ...rest } = reviewer;
    onChange(rest, true);
  };

  return (
    <li className="plan-reviewer">
      <div className="plan-reviewer__head">
        <div className="plan-reviewer__who">
          <span className="plan-reviewer__name">{reviewer.name}</span>
          <span className="plan-reviewer__perspective">{reviewer.perspective || 'No perspective given'}</span>
        </div>
        {isCurrent && reviewer.signedOffAt !== undefined ? (
          <span className="badge badge--ok">Signed off {formatDay(reviewer.signedOffAt)}</span>
        ) : isStale ? (
          <span className="badge badge--warning">Signed off before the last change</span>
        ) : (
          <span className="badge badge--neutral">Not signed off</span>
        )}
      </div>
      <label className="field">
        <span className="field__label">{reviewer.name}’s comment (optional)</span>
        <textarea
          rows={1}
          value={reviewer.comment ?? ''}
          placeholder="What they asked to change, or why they are happy with it"
          onChange={(event) => onChange({ ...reviewer, comment: event.target.value }, false)}
        />
      </label>
      <div className="plan-reviewer__actions">
        {!isCurrent && (
          <button type="button" className="button button--small button--primary" aria-label={`${isStale ? 'Sign off again' : 'Sign off'} for ${reviewer.name}`} onClick={signOff}>
            {isStale ? 'Sign off again' : 'Sign off'}
          </button>
        )}
        {reviewer.signedOffAt !== undefined && (
          <button type="button" className="button button--small" aria-label={`Withdraw sign-off for ${reviewer.name}`} onClick={withdraw}>
            Withdraw sign-off
          </button>
        )}
        <button type="button" className="button button--small button--quiet" aria-label={`Remove reviewer ${reviewer.name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}

function AddReviewerForm({ onAdd }: { readonly onAdd: (reviewer: PlanReviewer) => void }) {
  const [name, setName] = useState('');
  const [perspective, setPerspective] = useState('');
  const [problem, setProblem] = useState<'name' | 'perspective' | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const perspectiveRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem('name');
      nameRef.current?.focus();
      return;
    }
    if (perspective.trim() === '') {
      setProblem('perspective');
      perspectiveRef.current?.focus();
      return;
    }
    onAdd({ id: crypto.randomUUID(), name: name.trim(), perspective: perspective.trim() });
    setName('');
    setPerspective('');
    setProblem(null);
    nameRef.current?.focus();
  };

  return (
    <form className="plan-reviewers__add" aria-label="Add a reviewer" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Reviewer name
        </label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={name}
          aria-invalid={problem === 'name' || undefined}
          aria-describedby={problem === 'name' ? `${id}-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-perspective`}>
          Perspective
        </label>
        <input
          id={`${id}-perspective`}
          ref={perspectiveRef}
          value={perspective}
          placeholder="e.g. SRE on-call, sceptical of more tooling"
          aria-invalid={problem === 'perspective' || undefined}
          aria-describedby={problem === 'perspective' ? `${id}-problem` : undefined}
          onChange={(event) => setPerspective(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Add reviewer
      </button>
      {problem !== null && (
        <p id={`${id}-problem`} className="field__problem">
          {problem === 'name' ? 'Give the reviewer’s name.' : 'Say where they stand, so the perspectives can be compared.'}
        </p>
      )}
    </form>
  );
}
