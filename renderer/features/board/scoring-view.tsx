import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { PainBucket } from '../../../shared/domain/board';
import type { Round } from '../../../shared/domain/round';
import { scoreSpread, SIMPLE_CRITERIA, type Score } from '../../../shared/domain/score';
import { useRepositories } from '../../db';
import { userMessage } from '../../errors/user-message';

const NO_SCORES: readonly Score[] = [];
const NO_BUCKETS: readonly PainBucket[] = [];
const CRITERION_LABELS: Readonly<Record<string, string>> = { reach: 'Reach', severity: 'Severity', frequency: 'Frequency' };
/** A spread this wide (on a 1-5 scale) means the scorers disagree enough to talk before averaging. */
const WIDE_SPREAD = 2;

/** Independent, blind scoring (reach, severity, frequency from 1 to 5); the spread is shown before any mean. */
export function ScoringView({ round }: { readonly round: Round }) {
  const { board } = useRepositories();
  const scores = useLiveQuery(() => board.listScores(round.id), [board, round.id]) ?? NO_SCORES;
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]) ?? NO_BUCKETS;
  const [nameDraft, setNameDraft] = useState('');
  const [scorer, setScorer] = useState<string | null>(null);
  const [isRevealed, setRevealed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const scorers = useMemo(() => [...new Set(scores.map((score) => score.scorer))].sort((a, b) => a.localeCompare(b)), [scores]);

  if (buckets.length === 0) {
    return (
      <div className="empty-pane panel">
        <p className="empty-pane__title">Nothing to score yet</p>
        <p>Group cards into pain buckets on the Board first.</p>
      </div>
    );
  }

  const mine = (bucketId: string) => scores.find((score) => score.scorer === scorer && score.bucketId === bucketId);
  const save = (bucketId: string, criterion: string, value: number) => {
    if (scorer === null) return;
    void board.setScore(round.id, scorer, bucketId, { [criterion]: value }).then(
      () => setProblem(null),
      (caught: unknown) => setProblem(userMessage(caught, 'saving the score')),
    );
  };

  return (
    <div className="scoring">
      <p className="muted scoring__intro">
        Each person scores alone, without seeing the others. When everyone is done, show the spread: where scorers disagree, talk before trusting an average.
      </p>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {isRevealed ? (
        <section className="panel" aria-label="Score spread">
          <div className="scoring__head">
            <h3>Spread first, then the mean ({scorers.length} {scorers.length === 1 ? 'scorer' : 'scorers'})</h3>
            <button type="button" className="button" onClick={() => setRevealed(false)}>
              Hide results
            </button>
          </div>
          {buckets.map((bucket) => {
            const spreads = scoreSpread(
              scores.filter((score) => score.bucketId === bucket.id),
              SIMPLE_CRITERIA,
            );
            return (
              <div key={bucket.id} className="scoring__bucket">
                <h4>{bucket.title}</h4>
                {spreads.length === 0 ? (
                  <p className="muted">Nobody scored this bucket.</p>
                ) : (
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">Scorers</th>
                        <th scope="col">Lowest</th>
                        <th scope="col">Highest</th>
                        <th scope="col">Spread</th>
                        <th scope="col">Mean</th>
                      </tr>
                    </thead>
                    <tbody>
                      {spreads.map((spread) => (
                        <tr key={spread.criterion}>
                          <th scope="row">{CRITERION_LABELS[spread.criterion] ?? spread.criterion}</th>
                          <td>{spread.scorers}</td>
                          <td>{spread.min}</td>
                          <td>{spread.max}</td>
                          <td>{spread.spread >= WIDE_SPREAD ? <span className="badge badge--warning">{spread.spread}: discuss</span> : spread.spread}</td>
                          <td>{spread.mean.toFixed(1)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            );
          })}
        </section>
      ) : scorer === null ? (
        <section className="panel scoring__who" aria-label="Who is scoring">
          <form
            className="bucket__row"
            onSubmit={(event) => {
              event.preventDefault();
              if (nameDraft.trim() === '') return setProblem('Type your name before scoring.');
              setProblem(null);
              setScorer(nameDraft.trim());
              setNameDraft('');
            }}
          >
            <input aria-label="Your name" placeholder="Your name" value={nameDraft} onChange={(event) => setNameDraft(event.target.value)} />
            <button type="submit" className="button button--primary">
              Score alone
            </button>
          </form>
          <p className="muted">
            {scorers.length === 0 ? 'Nobody has scored yet.' : `Scored so far: ${scorers.join(', ')}.`}{' '}
            <button type="button" className="button button--small" disabled={scorers.length === 0} onClick={() => setRevealed(true)}>
              Show the spread
            </button>
          </p>
        </section>
      ) : (
        <section className="panel" aria-label={`${scorer}’s scores`}>
          <div className="scoring__head">
            <h3>{scorer} scores alone (1 low, 5 high)</h3>
            <button type="button" className="button" onClick={() => setScorer(null)}>
              Done, hide my scores
            </button>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Bucket</th>
                {SIMPLE_CRITERIA.map((criterion) => (
                  <th key={criterion} scope="col">
                    {CRITERION_LABELS[criterion]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket) => (
                <tr key={bucket.id}>
                  <th scope="row">{bucket.title}</th>
                  {SIMPLE_CRITERIA.map((criterion) => (
                    <td key={criterion}>
                      <select
                        aria-label={`${CRITERION_LABELS[criterion]} of ${bucket.title}`}
                        value={String(mine(bucket.id)?.values[criterion] ?? '')}
                        onChange={(event) => {
                          if (event.target.value !== '') save(bucket.id, criterion, Number(event.target.value));
                        }}
                      >
                        <option value="">–</option>
                        {[1, 2, 3, 4, 5].map((value) => (
                          <option key={value} value={value}>
                            {value}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
