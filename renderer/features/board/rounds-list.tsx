import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../components/format-date';
import { useActionIntent } from '../../components/use-action-intent';
import { useRepositories } from '../../db';
import { StartRoundDialog } from './start-round-dialog';

/** Every round, newest activity first; old rounds stay open for reading. */
export function RoundsList() {
  const { rounds } = useRepositories();
  const list = useLiveQuery(() => rounds.list(), [rounds]);
  const [isStarting, setStarting] = useState(false);
  useActionIntent('start-round', () => setStarting(true));

  return (
    <div className="stack stack--wide">
      <div className="rounds__bar">
        <p className="muted rounds__intro">
          A round freezes the notes and highlights you choose; discovery goes on without changing it.
        </p>
        <button type="button" className="button button--primary" onClick={() => setStarting(true)}>
          Start a round
        </button>
      </div>
      {list === undefined ? null : list.length === 0 ? (
        <div className="empty-pane panel">
          <p className="empty-pane__title">No rounds yet</p>
          <p>Start a round to turn a snapshot of your discovery notes into cards you can group into pain buckets.</p>
          <p>
            New here? <Link to="/guide">Read the four-step guide and try the sample workspace</Link>.
          </p>
        </div>
      ) : (
        <ul className="rounds" aria-label="Rounds">
          {list.map(({ round, cardCount }) => (
            <li key={round.id} className="rounds__item">
              <Link to={`/board/${round.id}`} className="rounds__link">
                <span className="rounds__title">{round.title}</span>
                <span className="muted">
                  {cardCount.toLocaleString()} {cardCount === 1 ? 'card' : 'cards'} · snapshot of {formatDay(round.snapshotTakenAt)} · last changed{' '}
                  {formatDay(round.updatedAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <StartRoundDialog isOpen={isStarting} onClose={() => setStarting(false)} />
    </div>
  );
}
