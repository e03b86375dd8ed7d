import { useLiveQuery } from 'dexie-react-hooks';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { channelLabel } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';
import type { Round } from '../../../shared/domain/round';
import { BoardView } from './board-view';
import { PlanView } from './plan-view';
import { RankingView } from './ranking-view';
import { ScoringView } from './scoring-view';
import { useBoardUndo } from './use-board-undo';
import { WorkshopMode } from './workshop-mode';

/** One round: its board, ranking, plan and scores, and the workshop mode for a room. */
export function RoundView() {
  const { roundId = '' } = useParams();
  const { rounds } = useRepositories();
  const round = useLiveQuery(async () => (await rounds.get(roundId)) ?? null, [rounds, roundId]);
  const undo = useBoardUndo();
  if (round === undefined) return null;
  if (round === null) {
    return (
      <div className="empty-pane panel">
        <p className="empty-pane__title">This round does not exist</p>
        <p>
          It may have been removed. <Link to="/board">See every round</Link>
        </p>
      </div>
    );
  }
  const base = `/board/${round.id}`;
  return (
    <div className="round">
      <div className="round__header">
        <div className="round__heading">
          <p className="round__crumbs">
            <Link to="/board">Rounds</Link> /
          </p>
          <h2 className="round__title">{round.title}</h2>
          <p className="muted round__facts">{describeSnapshot(round)}</p>
        </div>
        <div className="round__actions">
          <Link to={`${base}/workshop`} className="button">
            Workshop mode
          </Link>
          <button type="button" className="button" disabled={undo.nextLabel === null} title={undo.nextLabel ? `Undo: ${undo.nextLabel} (Ctrl/Cmd+Z)` : 'Nothing to undo'} aria-keyshortcuts="Control+Z Meta+Z" onClick={() => void undo.undo()}>
            Undo
          </button>
        </div>
      </div>
      {undo.problem && (
        <p className="notice notice--error" role="alert">
          {undo.problem}
        </p>
      )}
      <nav className="tabs" aria-label="Round views">
        <NavLink end to={base} className="tabs__tab">
          Board
        </NavLink>
        <NavLink to={`${base}/ranking`} className="tabs__tab">
          Ranking
        </NavLink>
        <NavLink to={`${base}/plan`} className="tabs__tab">
          Plan (70/30)
        </NavLink>
        <NavLink to={`${base}/scoring`} className="tabs__tab">
          Scoring
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<BoardView round={round} undo={undo} />} />
        <Route path="ranking" element={<RankingView round={round} undo={undo} />} />
        <Route path="plan" element={<PlanView key={round.id} round={round} />} />
        <Route path="scoring" element={<ScoringView round={round} />} />
        <Route path="workshop" element={<WorkshopMode round={round} undo={undo} />} />
      </Routes>
    </div>
  );
}

function describeSnapshot(round: Round): string {
  const filter = round.filter ?? {};
  const parts = [
    filter.from === undefined ? null : `from ${formatDay(filter.from)}`,
    filter.to === undefined ? null : `to ${formatDay(filter.to)}`,
    filter.channel === undefined ? null : channelLabel(filter.channel),
    filter.tag === undefined ? null : `tag “${filter.tag}”`,
    filter.team === undefined ? null : `team “${filter.team}”`,
  ].filter((part) => part !== null);
  const notes = round.snapshotNoteIds.length;
  const highlights = round.snapshotHighlightIds.length;
  return `Snapshot of ${formatDay(round.snapshotTakenAt)}: ${notes.toLocaleString()} ${notes === 1 ? 'note' : 'notes'}, ${highlights.toLocaleString()} ${highlights === 1 ? 'highlight' : 'highlights'}${parts.length > 0 ? ` (${parts.join(', ')})` : ' (every note)'}`;
}
