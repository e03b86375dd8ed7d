import { Route, Routes } from 'react-router';
import { RoundView } from './round-view';
import { RoundsList } from './rounds-list';
import './board.css';

/** Prioritization, apart from discovery: rounds over frozen snapshots, each with its board. */
export function BoardScreen() {
  return (
    <div className="board-section">
      <Routes>
        <Route index element={<RoundsList />} />
        <Route path=":roundId/*" element={<RoundView />} />
      </Routes>
    </div>
  );
}
