import { useState, type FormEvent } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { Round } from '../../../shared/domain/round';
import { VALIDATION_STATES } from '../../../shared/domain/solution-validation-state';
import { useDatabase, useRepositories } from '../../db';
import type { ValidationTreeBucket } from '../../../shared/domain/validation-tree';
import { SolutionDetail } from './solution-detail';
import { useRoundValidation, type SolutionSummary } from './use-round-validation';
import { ValidationStateBadge } from './validation-state-badge';
import { solutionPath, ValidationTree } from './validation-tree';
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
      <section aria-labelledby="validation-buckets" className="validation__buckets">
        <h2 id="validation-buckets" className="artifact__title">
          Solution trees by bucket
        </h2>
        <p className="muted validation__hint">
          Each bucket is a tree: its candidate solutions, and under each the experiments trying to kill it. Arrow keys move and fold, Enter opens a solution.
        </p>
        {data.tree.map((node) => (
          <BucketSolutions key={node.bucket.id} node={node} roundId={round.id} />
        ))}
      </section>
      <StateOverview solutions={data.solutions} roundId={round.id} />
    </div>
  );
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

function BucketSolutions({ node, roundId }: { readonly node: ValidationTreeBucket; readonly roundId: string }) {
  const { bucket } = node;
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
      <ValidationTree node={node} roundId={roundId} />
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
