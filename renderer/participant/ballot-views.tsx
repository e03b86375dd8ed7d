import type * as Y from 'yjs';
import type { Ballot } from '../../shared/live-workshop/ballot';
import { writeDots, writeScore, type LiveBucket, type RevealedResults } from '../../shared/live-workshop/live-doc-content';
import { SIMPLE_CRITERIA } from '../../shared/domain/score';

/** This participant's dots: only this device and the server ever hold them, until the reveal. */
export function BallotView({ ballotDoc, buckets, ballot, budget, used }: { readonly ballotDoc: Y.Doc; readonly buckets: readonly LiveBucket[]; readonly ballot: Ballot; readonly budget: number; readonly used: number }) {
  const left = Math.max(0, budget - used);
  return (
    <section className="ballot" aria-label="Your dots">
      <p className="ballot__left" role="status">
        {left} of {budget} dots left. Nobody sees your dots until the facilitator reveals them all together.
      </p>
      <ul className="ballot__list">
        {buckets.map((bucket) => {
          const mine = ballot.dots[bucket.id] ?? 0;
          return (
            <li key={bucket.id} className="ballot__row">
              <span className="ballot__bucket">{bucket.title}</span>
              <button type="button" className="button" aria-label={`Remove a dot from ${bucket.title}`} disabled={mine === 0} onClick={() => writeDots(ballotDoc, bucket.id, mine - 1)}>
                −
              </button>
              <span className="ballot__mine" aria-label={`Your dots on ${bucket.title}`}>
                {mine}
              </span>
              <button type="button" className="button" aria-label={`Add a dot to ${bucket.title}`} disabled={left === 0} onClick={() => writeDots(ballotDoc, bucket.id, mine + 1)}>
                +
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A blind score sheet: reach, severity and frequency from 1 to 5 per bucket. */
export function ScoreSheetView({ ballotDoc, buckets, ballot }: { readonly ballotDoc: Y.Doc; readonly buckets: readonly LiveBucket[]; readonly ballot: Ballot }) {
  return (
    <section className="ballot" aria-label="Your scores">
      <p className="muted">Score each bucket from 1 (low) to 5 (high). Nobody sees your scores until they are revealed; then the spread is shown before the mean.</p>
      <ul className="ballot__list">
        {buckets.map((bucket) => (
          <li key={bucket.id} className="ballot__sheet">
            <span className="ballot__bucket">{bucket.title}</span>
            {SIMPLE_CRITERIA.map((criterion) => (
              <label key={criterion} className="ballot__score">
                <span>{criterion}</span>
                <select
                  aria-label={`${criterion} of ${bucket.title}`}
                  value={ballot.scores[bucket.id]?.[criterion] ?? ''}
                  onChange={(event) => {
                    if (event.target.value !== '') writeScore(ballotDoc, bucket.id, { [criterion]: Number(event.target.value) });
                  }}
                >
                  <option value="">–</option>
                  {[1, 2, 3, 4, 5].map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ResultsProps {
  readonly buckets: readonly LiveBucket[];
  readonly results: RevealedResults;
  readonly order?: readonly string[];
  readonly heading?: string;
  readonly showSpreads?: boolean;
}

/** The revealed tally (and score spreads), most dots first unless a ranking is given. */
export function ResultsView({ buckets, results, order, heading = 'Results', showSpreads = false }: ResultsProps) {
  const dots = new Map((results.votes ?? []).map((tally) => [tally.bucketId, tally.dots]));
  const byId = new Map(buckets.map((bucket) => [bucket.id, bucket]));
  const ids = order && order.length > 0 ? [...order, ...buckets.map((bucket) => bucket.id).filter((id) => !order.includes(id))] : buckets.map((bucket) => bucket.id);
  return (
    <section className="results" aria-label={heading}>
      <h2>{heading}</h2>
      {results.votes === null && !showSpreads && <p className="muted">Votes are still hidden.</p>}
      <ol className="results__list">
        {ids.flatMap((id) => {
          const bucket = byId.get(id);
          if (!bucket) return [];
          const spreads = results.spreads?.[id] ?? [];
          return [
            <li key={id} className="results__row">
              <span className="results__title">{bucket.title}</span>
              {results.votes !== null && <span className="results__dots">{dots.get(id) ?? 0} dots</span>}
              {showSpreads &&
                spreads.map((spread) => (
                  <span key={spread.criterion} className="results__spread">
                    {spread.criterion}: spread {spread.spread} ({spread.min}–{spread.max}), mean {spread.mean.toFixed(1)}
                  </span>
                ))}
            </li>,
          ];
        })}
      </ol>
      {results.late.length > 0 && <p className="muted">{results.late.length} late {results.late.length === 1 ? 'ballot' : 'ballots'}: the facilitator decides whether to count again.</p>}
    </section>
  );
}
