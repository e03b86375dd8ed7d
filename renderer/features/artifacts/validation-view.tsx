import { useState, type FormEvent } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { PainBucket } from '../../../shared/domain/board';
import type { Round } from '../../../shared/domain/round';
import { VALIDATION_STATES } from '../../../shared/domain/solution-validation-state';
import { useDatabase, useRepositories } from '../../db';
import { SolutionDetail } from './solution-detail';
import { useRoundValidation, type SolutionSummary } from './use-round-validation';
import { ValidationStateBadge } from './validation-state-badge';
import { userMessage } from '../../errors/user-message';

/** Solution validation: candidate solutions per bucket, the existing-capability check and experiments. */
export function ValidationView({ round }: { readonly round: Round }) {
  return (
    <Routes>
      <Route index element={<ValidationHome round={round} />} />
      <Route path=":solutionId" element={<SolutionDetail round={round} />} />
    </Routes>
  );
}

function ValidationHome({ round }: { readonly round: Round }) {
  const data = useRoundValidation(round.id);
  if (data === undefined) return <p className="muted" role="status">Opening solution validation…</p>;
  if (data.buckets.length === 0) {
    return (
      <div className="empty-pane">
        <h2 className="empty-pane__title">No buckets in this round yet</h2>
        <p>Group the evidence into pain buckets on the board; candidate solutions are recorded per bucket.</p>
        <p>
          <Link className="button" to={`/board/${encodeURIComponent(round.id)}`}>
            Open the board
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="validation">
      <StateOverview solutions={data.solutions} roundId={round.id} />
      <section aria-labelledby="validation-buckets" className="validation__buckets">
        <h2 id="validation-buckets" className="artifact__title">
          Candidate solutions by bucket
        </h2>
        {data.buckets.map((bucket) => (
          <BucketSolutions key={bucket.id} bucket={bucket} roundId={round.id} solutions={data.solutions.filter((summary) => summary.bucket.id === bucket.id)} />
        ))}
      </section>
    </div>
  );
}

function solutionPath(roundId: string, solutionId: string): string {
  return `/artifacts/${encodeURIComponent(roundId)}/validation/${encodeURIComponent(solutionId)}`;
}

/** Every solution of the round grouped by validation state. */
function StateOverview({ solutions, roundId }: { readonly solutions: readonly SolutionSummary[]; readonly roundId: string }) {
  return (
    <section aria-labelledby="validation-states" className="panel validation__states">
      <h2 id="validation-states" className="artifact__title">
        Solutions by validation state
      </h2>
      {solutions.length === 0 ? (
        <p className="muted">No candidate solutions yet. Add one to a bucket below.</p>
      ) : (
        <div className="validation__state-grid">
          {VALIDATION_STATES.map((state) => {
            const inState = solutions.filter((summary) => summary.state === state.id);
            return (
              <section key={state.id} className="validation__state" aria-label={`${state.label}: ${inState.length}`}>
                <h3 className="validation__state-title">
                  <ValidationStateBadge state={state.id} /> <span className="muted">{inState.length}</span>
                </h3>
                {inState.length > 0 && (
                  <ul className="validation__state-list">
                    {inState.map((summary) => (
                      <li key={summary.solution.id}>
                        <Link to={solutionPath(roundId, summary.solution.id)}>{summary.solution.title || 'Untitled solution'}</Link>
                        <span className="muted"> · {summary.bucket.title || 'Untitled bucket'}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

interface BucketSolutionsProps {
  readonly bucket: PainBucket;
  readonly roundId: string;
  readonly solutions: readonly SolutionSummary[];
}

function BucketSolutions({ bucket, roundId, solutions }: BucketSolutionsProps) {
  const { validation } = useRepositories();
  const { isReadOnly } = useDatabase();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const bucketTitle = bucket.title.trim() || 'Untitled bucket';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setProblem('Name the solution first.');
      return;
    }
    try {
      await validation.createSolution(bucket.id, title);
      setTitle('');
      setProblem(null);
    } catch (error) {
      setProblem(`Could not add the solution: ${userMessage(error, 'adding the solution')}`);
    }
  };

  return (
    <article className="panel validation__bucket" aria-label={`Bucket ${bucketTitle}`}>
      <header className="validation__bucket-header">
        <h3 className="validation__bucket-title">
          {bucket.rank === undefined ? '' : `${bucket.rank}. `}
          {bucketTitle}
        </h3>
        {bucket.statement.trim() !== '' && <p className="muted">{bucket.statement}</p>}
      </header>
      {solutions.length === 0 ? (
        <p className="muted">No candidate solution yet.</p>
      ) : (
        <ul className="validation__solutions">
          {solutions.map((summary) => (
            <li key={summary.solution.id} className="validation__solution">
              <Link to={solutionPath(roundId, summary.solution.id)}>{summary.solution.title || 'Untitled solution'}</Link>
              <ValidationStateBadge state={summary.state} />
              <span className="muted">
                {summary.experiments.length === 1 ? '1 experiment' : `${summary.experiments.length} experiments`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!isReadOnly && (
        <form className="validation__add" onSubmit={(event) => void add(event)}>
          <input aria-label={`New solution for ${bucketTitle}`} placeholder="A candidate solution…" value={title} onChange={(event) => setTitle(event.target.value)} />
          <button type="submit" className="button button--small">
            Add solution
          </button>
        </form>
      )}
      {problem !== null && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
