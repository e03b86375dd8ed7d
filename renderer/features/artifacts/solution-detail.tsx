import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Round } from '../../../shared/domain/round';
import { solutionValidationState } from '../../../shared/domain/solution-validation-state';
import type { Solution } from '../../../shared/domain/validation';
import { useUndo } from '../../components/undo-service';
import { capabilityOf, solutionForm, useDatabase, useRepositories, type SolutionDraft } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { ExperimentCard } from './experiment-card';
import { LinkedNotes } from './linked-notes';
import { ValidationStateBadge } from './validation-state-badge';
import { userMessage } from '../../errors/user-message';

/** One candidate solution: the existing-capability question first, then experiments that try to kill it. */
export function SolutionDetail({ round }: { readonly round: Round }) {
  const { solutionId = '' } = useParams();
  const { validation } = useRepositories();
  const solution = useLiveQuery(async () => (await validation.getSolution(solutionId)) ?? null, [validation, solutionId]);
  const listPath = `/artifacts/${encodeURIComponent(round.id)}/validation`;
  if (solution === undefined) return <p className="muted" role="status">Opening the solution…</p>;
  if (solution === null) {
    return (
      <div className="empty-pane">
        <h2 className="empty-pane__title">This solution does not exist</h2>
        <p>It may have been deleted.</p>
        <p>
          <Link to={listPath} className="button">
            All solutions
          </Link>
        </p>
      </div>
    );
  }
  return <SolutionForm key={solution.id} initial={solution} listPath={listPath} />;
}

function SolutionForm({ initial, listPath }: { readonly initial: Solution; readonly listPath: string }) {
  const { validation } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const undoService = useUndo();
  const [isDeleted, setIsDeleted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const autosave = useFormSave({ store: solutionForm, id: initial.id, initial, isEnabled: !isDeleted });
  const draft = autosave.value;
  const experiments = useLiveQuery(() => validation.listExperiments([initial.id]), [validation, initial.id]);
  const update = (change: Partial<SolutionDraft>) => autosave.update((current) => ({ ...current, ...change }));
  const state = solutionValidationState({ existingCapability: capabilityOf(draft) }, experiments ?? []);

  const remove = async () => {
    setProblem(null);
    try {
      await autosave.flush();
      setIsDeleted(true);
      const deleted = await validation.deleteSolution(initial.id);
      if (deleted !== undefined) {
        undoService.offer({
          label: `Deleted “${deleted.solution.title || 'Untitled solution'}”${deleted.experiments.length > 0 ? ` and its ${deleted.experiments.length} experiment${deleted.experiments.length === 1 ? '' : 's'}` : ''}`,
          undo: () => validation.restoreSolution(deleted),
        });
      }
      void navigate(listPath);
    } catch (error) {
      setIsDeleted(false);
      setProblem(`Could not delete: ${userMessage(error, 'deleting the solution')}`);
    }
  };

  const addExperiment = async () => {
    setProblem(null);
    try {
      await validation.createExperiment(initial.id);
    } catch (error) {
      setProblem(`Could not add the experiment: ${userMessage(error, 'adding the experiment')}`);
    }
  };

  return (
    <div className="solution">
      <div className="solution__top">
        <Link to={listPath}>← All solutions</Link>
        <div className="solution__actions">
          <ValidationStateBadge state={state} />
          <SaveStatus form={autosave} />
          <button type="button" className="button button--small button--quiet" disabled={isReadOnly} onClick={() => void remove()}>
            Delete solution
          </button>
        </div>
      </div>
      {problem !== null && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <fieldset className="solution__fields" disabled={isReadOnly}>
        <label className="field">
          <span className="field__label">Solution</span>
          <input className="solution__title" value={draft.title} placeholder="Name the candidate solution" onChange={(event) => update({ title: event.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">Description</span>
          <textarea rows={3} value={draft.description} placeholder="What would we build or change?" onChange={(event) => update({ description: event.target.value })} />
        </label>
        <fieldset className="panel solution__capability">
          <legend className="solution__question">Is there already a capability that solves it?</legend>
          <p className="muted">Check first: an open-source project, a cloud-vendor service or something the team already runs may absorb the problem.</p>
          <div className="solution__choices" role="radiogroup" aria-label="Existing capability">
            {(
              [
                ['not-checked', 'Not checked yet'],
                ['solves-it', 'Yes: an existing capability solves it'],
                ['does-not-solve-it', 'No: nothing existing solves it'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="checkbox">
                <input type="radio" name={`capability-${initial.id}`} value={value} checked={draft.status === value} onChange={() => update({ status: value })} />
                {label}
              </label>
            ))}
          </div>
          {draft.status !== 'not-checked' && (
            <>
              <label className="field">
                <span className="field__label">What was checked</span>
                <textarea rows={2} value={draft.capabilityNotes} placeholder="Which capabilities, and why they do or do not solve it" onChange={(event) => update({ capabilityNotes: event.target.value })} />
              </label>
              <LinkedNotes noteIds={draft.noteIds} onChange={(noteIds) => update({ noteIds })} />
            </>
          )}
        </fieldset>
      </fieldset>
      <section className="solution__experiments" aria-labelledby="experiments-title">
        <div className="solution__experiments-head">
          <h2 id="experiments-title" className="artifact__title">
            Experiments
          </h2>
          <button type="button" className="button button--small" disabled={isReadOnly} onClick={() => void addExperiment()}>
            Add experiment
          </button>
        </div>
        <p className="muted">Each experiment tries to prove the solution cannot work. Write and lock the kill criteria before any result is known.</p>
        {experiments === undefined ? null : experiments.length === 0 ? (
          <p className="muted">No experiments yet.</p>
        ) : (
          experiments.map((experiment, index) => <ExperimentCard key={experiment.id} initial={experiment} number={index + 1} />)
        )}
      </section>
    </div>
  );
}
