import { useState, type FormEvent } from 'react';
import { EXPERIMENT_OUTCOMES, type Experiment, type ExperimentOutcome } from '../../../shared/domain/validation';
import { formatDay, toDateInputValue } from '../../components/format-date';
import { useUndo } from '../../components/undo-service';
import { experimentForm, useDatabase, useRepositories, type ExperimentDraft } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { userMessage } from '../../errors/user-message';
import { UserError } from '../../../shared/errors/user-error';

const OUTCOME_LABELS: Readonly<Record<ExperimentOutcome, string>> = { survived: 'Survived', killed: 'Killed', inconclusive: 'Inconclusive' };

/** One experiment: hypothesis, how it could fail, kill criteria locked before any result, then the result. */
export function ExperimentCard({ initial, number }: { readonly initial: Experiment; readonly number: number }) {
  const { validation } = useRepositories();
  const { isReadOnly } = useDatabase();
  const undoService = useUndo();
  const [problem, setProblem] = useState<string | null>(null);
  const [isDeleted, setIsDeleted] = useState(false);
  // Locking is permanent, so it asks once more before it happens.
  const [isConfirmingLock, setConfirmingLock] = useState(false);
  const isLocked = initial.killCriteriaLockedAt !== undefined;
  const autosave = useFormSave({ store: experimentForm, id: initial.id, initial, isEnabled: !isDeleted });
  const draft = autosave.value;
  const update = (change: Partial<ExperimentDraft>) => autosave.update((current) => ({ ...current, ...change }));

  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(userMessage(error, 'saving the experiment'));
    }
  };

  const lock = () =>
    run(async () => {
      // Save exactly what is on screen first, so the criteria locked are the ones the person read.
      if (!(await autosave.flush())) throw new UserError('Save the experiment first: the kill criteria on screen are not saved yet.');
      await validation.lockKillCriteria(initial.id);
    });

  const remove = () =>
    run(async () => {
      await autosave.flush();
      setIsDeleted(true);
      const deleted = await validation.deleteExperiment(initial.id);
      if (deleted !== undefined) undoService.offer({ label: `Deleted experiment ${number}`, undo: () => validation.restoreExperiment(deleted) });
    });

  const title = draft.hypothesis.trim() === '' ? `Experiment ${number}` : `Experiment ${number}: ${draft.hypothesis.trim().slice(0, 80)}`;

  return (
    <article className="panel experiment" aria-label={`Experiment ${number}`}>
      <header className="experiment__head">
        <h3 className="experiment__title">{title}</h3>
        <div className="experiment__actions">
          <SaveStatus form={autosave} />
          <button type="button" className="button button--small button--quiet" disabled={isReadOnly} onClick={() => void remove()}>
            Delete experiment
          </button>
        </div>
      </header>
      <fieldset className="experiment__fields" disabled={isReadOnly}>
        <label className="field">
          <span className="field__label">Hypothesis</span>
          <textarea rows={2} value={draft.hypothesis} placeholder="We believe that…" onChange={(event) => update({ hypothesis: event.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">How it could fail</span>
          <textarea rows={2} value={draft.howItCouldFail} placeholder="The cheapest way to prove it cannot work" onChange={(event) => update({ howItCouldFail: event.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">Kill criteria</span>
          <textarea
            rows={2}
            value={draft.killCriteria}
            readOnly={isLocked}
            aria-readonly={isLocked}
            placeholder="We stop if… (written before any result)"
            onChange={(event) => update({ killCriteria: event.target.value })}
          />
        </label>
        {isLocked ? (
          <p className="experiment__locked" role="status">
            <span className="badge badge--neutral">Kill criteria locked</span> on {formatDay(initial.killCriteriaLockedAt ?? 0)}; they can no longer change.
          </p>
        ) : (
          <div className="experiment__lock">
            {isConfirmingLock ? (
              <>
                <span role="alert">Lock these kill criteria for good? They can never be changed afterwards.</span>
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => {
                    setConfirmingLock(false);
                    void lock();
                  }}
                >
                  Lock for good
                </button>
                <button type="button" className="button button--small" onClick={() => setConfirmingLock(false)}>
                  Not yet
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button button--small button--primary" disabled={draft.killCriteria.trim() === ''} onClick={() => setConfirmingLock(true)}>
                  Lock kill criteria
                </button>
                <span className="muted">Locking is permanent. A result can be entered only after it.</span>
              </>
            )}
          </div>
        )}
      </fieldset>
      {problem !== null && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {isLocked && (initial.result === undefined ? <ResultForm experimentId={initial.id} isReadOnly={isReadOnly} onError={setProblem} /> : <ResultView experiment={initial} isReadOnly={isReadOnly} onClear={() => void run(() => validation.clearResult(initial.id))} />)}
    </article>
  );
}

function ResultForm({ experimentId, isReadOnly, onError }: { readonly experimentId: string; readonly isReadOnly: boolean; readonly onError: (message: string | null) => void }) {
  const { validation } = useRepositories();
  const [outcome, setOutcome] = useState<ExperimentOutcome>('survived');
  const [concludedOn, setConcludedOn] = useState(() => toDateInputValue(Date.now()));
  const [evidence, setEvidence] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    try {
      await validation.recordResult(experimentId, { outcome, concludedOn, evidence });
    } catch (error) {
      onError(userMessage(error, 'saving the experiment'));
    }
  };

  return (
    <form className="experiment__result-form" aria-label="Result" onSubmit={(event) => void submit(event)}>
      <fieldset disabled={isReadOnly}>
        <legend className="field__label">Result</legend>
        <div className="experiment__result-row">
          <label className="field">
            <span className="field__label">Outcome</span>
            <select value={outcome} onChange={(event) => setOutcome(EXPERIMENT_OUTCOMES.find((value) => value === event.target.value) ?? 'inconclusive')}>
              {EXPERIMENT_OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {OUTCOME_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Date</span>
            <input type="date" value={concludedOn} required onChange={(event) => setConcludedOn(event.target.value)} />
          </label>
        </div>
        <label className="field">
          <span className="field__label">Evidence</span>
          <textarea rows={2} value={evidence} placeholder="What was observed, and where" onChange={(event) => setEvidence(event.target.value)} />
        </label>
        <button type="submit" className="button button--small button--primary">
          Record result
        </button>
      </fieldset>
    </form>
  );
}

function ResultView({ experiment, isReadOnly, onClear }: { readonly experiment: Experiment; readonly isReadOnly: boolean; readonly onClear: () => void }) {
  const result = experiment.result;
  if (result === undefined) return null;
  return (
    <div className={`experiment__result experiment__result--${result.outcome}`} aria-label="Result">
      <p>
        <strong>{OUTCOME_LABELS[result.outcome]}</strong> on {result.concludedOn}
      </p>
      <p className="experiment__evidence">{result.evidence}</p>
      <button type="button" className="button button--small button--quiet" disabled={isReadOnly} onClick={onClear}>
        Clear result
      </button>
    </div>
  );
}
