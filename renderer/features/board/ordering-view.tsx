import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { isDifferentOrder, ORDERING_KEYS, ORDERING_LABELS, orderingRows, sortOrderingRows, type OrderingKey, type OrderingRow } from '../../../shared/domain/bucket-ordering';
import type { Round } from '../../../shared/domain/round';
import { useRepositories } from '../../db';
import type { BoardUndo } from './use-board-undo';

const SORTABLE: readonly OrderingKey[] = ORDERING_KEYS;
const HINTS: Readonly<Record<OrderingKey, string>> = {
  rank: 'the ranking as it stands',
  votes: 'most dots first',
  score: 'highest blind score first',
  evidence: 'strongest evidence from users first',
  effort: 'least planned effort first; unplanned last',
};

/** Votes, blind scores, users' evidence and planned effort side by side, sortable by each, with "use this order" into the ranking (undoable). */
export function OrderingView({ round, undo, initialKey = 'rank' }: { readonly round: Round; readonly undo: BoardUndo; readonly initialKey?: OrderingKey }) {
  const { board } = useRepositories();
  const id = useId();
  const [key, setKey] = useState<OrderingKey>(initialKey);
  const data = useLiveQuery(async () => {
    const [buckets, cards, votes, workshop, scores, initiatives] = await Promise.all([
      board.listBuckets(round.id),
      board.listCards(round.id),
      board.listVotes(round.id),
      board.getWorkshop(round.id),
      board.listScores(round.id),
      board.listInitiatives(round.id),
    ]);
    return { buckets, rows: orderingRows({ buckets, cards, votes, areVotesRevealed: workshop?.areVotesRevealed ?? false, scores, initiatives }), hasWorkshop: workshop !== undefined };
  }, [board, round.id]);
  const sorted = useMemo(() => (data === undefined ? [] : sortOrderingRows(data.rows, key)), [data, key]);
  if (data === undefined || data.rows.length === 0) return null;
  const canApply = key !== 'rank' && isDifferentOrder(sorted, data.buckets);

  return (
    <section className="panel ordering" aria-labelledby={`${id}-title`}>
      <div className="ordering__head">
        <div>
          <h3 id={`${id}-title`} className="ordering__title">
            Order by votes, scores, evidence or effort
          </h3>
          <p className="muted ordering__hint">
            Sorted by {ORDERING_LABELS[key].toLowerCase()}: {HINTS[key]}. Click a column to sort by it.
          </p>
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={!canApply}
          title={canApply ? 'Rank the buckets in this order (Undo puts the ranking back)' : key === 'rank' ? 'Sort by a column first' : 'The ranking is already in this order'}
          onClick={() => void undo.perform(() => board.rankBuckets(round.id, sorted.map((row) => row.bucket.id), `Ranked by ${ORDERING_LABELS[key].toLowerCase()}`))}
        >
          Use this order
        </button>
      </div>
      <div className="ordering__scroll">
        <table className="table ordering__table">
          <caption className="visually-hidden">Pain buckets with their votes, blind scores, evidence and planned effort</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Bucket</th>
              {SORTABLE.map((column) => (
                <th key={column} scope="col" aria-sort={column === key ? (column === 'effort' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className={`ordering__sort${column === key ? ' ordering__sort--active' : ''}`} aria-pressed={column === key} onClick={() => setKey(column)}>
                    {column === 'rank' ? 'Rank' : ORDERING_LABELS[column]}
                    <span aria-hidden="true">{column === key ? (column === 'effort' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, index) => (
              <OrderingRowView key={row.bucket.id} row={row} position={index + 1} hasWorkshop={data.hasWorkshop} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OrderingRowView({ row, position, hasWorkshop }: { readonly row: OrderingRow; readonly position: number; readonly hasWorkshop: boolean }) {
  const { bucket, evidence } = row;
  return (
    <tr>
      <td className="ordering__position">{position}</td>
      <th scope="row" className="ordering__bucket">
        {bucket.title.trim() || 'Untitled bucket'}
      </th>
      <td>{bucket.rank === undefined ? <span className="muted">unranked</span> : `#${bucket.rank}`}</td>
      <td>
        {row.dots === null ? (
          <span className="muted">{hasWorkshop ? 'hidden until revealed' : 'no vote yet'}</span>
        ) : (
          <>
            <strong>{row.dots}</strong> {row.dots === 1 ? 'dot' : 'dots'}
            {row.voters > 0 && <span className="muted"> · {row.voters === 1 ? '1 person' : `${row.voters} people`}</span>}
          </>
        )}
      </td>
      <td>
        {row.score === null ? (
          <span className="muted">not scored</span>
        ) : (
          <>
            <strong>{row.score.toFixed(1)}</strong>
            <span className="muted"> / 5 · {row.scorers === 1 ? '1 scorer' : `${row.scorers} scorers`}</span>
            {row.widestSpread >= 2 && <span className="badge badge--warning ordering__spread">spread {row.widestSpread}</span>}
          </>
        )}
      </td>
      <td>
        {evidence.strength}
        <span className="muted">
          {' '}
          · {evidence.people === 1 ? '1 person' : `${evidence.people} people`}, {evidence.notes === 1 ? '1 user note' : `${evidence.notes} user notes`}
          {evidence.marketNotes > 0 ? `, ${evidence.marketNotes} market` : ''}
        </span>
      </td>
      <td>{row.effortWeeks === null ? <span className="muted">no initiative</span> : `${Number(row.effortWeeks.toFixed(1))} pw`}</td>
    </tr>
  );
}
