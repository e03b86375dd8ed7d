import { useLiveQuery } from 'dexie-react-hooks';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import type { Round } from '../../../shared/domain/round';
import { useRepositories } from '../../db';
import './artifacts.css';
import { CharterView } from './charter-view';
import { ExportButton } from './export-button';
import { PainListView } from './pain-list-view';
import { ValidationView } from './validation-view';
import { VisionView } from './vision-view';

const TABS = [
  { path: 'charter', label: 'Charter' },
  { path: 'vision', label: 'Vision' },
  { path: 'pains', label: 'User pains' },
  { path: 'validation', label: 'Solution validation' },
] as const;

/** Artifacts: what a prioritization round produces (charter, vision, user-pain list) and solution validation. */
export function ArtifactsScreen() {
  const { artifacts } = useRepositories();
  const rounds = useLiveQuery(() => artifacts.listRounds(), [artifacts]);
  // Kept through the jump to the latest round: the command palette's "Export artifacts" rides on it.
  const { search } = useLocation();
  if (rounds === undefined) return <p className="muted" role="status">Opening the artifacts…</p>;
  const latest = rounds[0];
  if (latest === undefined) return <NoRounds />;
  return (
    <Routes>
      <Route index element={<Navigate to={`${encodeURIComponent(latest.id)}/charter${search}`} replace />} />
      <Route path=":roundId/*" element={<RoundArtifacts rounds={rounds} />} />
    </Routes>
  );
}

function NoRounds() {
  return (
    <div className="artifacts">
      <div className="empty-pane">
        <h2 className="empty-pane__title">No prioritization round yet</h2>
        <p>The charter, the three-year vision and the user-pain list belong to a round on the board.</p>
        <p>
          <Link to="/board" className="button button--primary">
            Go to the Board
          </Link>
        </p>
        <p>
          New here? <Link to="/guide">Read the four-step guide and try the sample workspace</Link>.
        </p>
      </div>
    </div>
  );
}

function RoundArtifacts({ rounds }: { readonly rounds: readonly Round[] }) {
  const { roundId = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const round = rounds.find((candidate) => candidate.id === roundId);
  const tab = TABS.find((candidate) => pathname.endsWith(`/${candidate.path}`) || pathname.includes(`/${candidate.path}/`))?.path ?? 'charter';

  if (round === undefined) {
    return (
      <div className="artifacts">
        <div className="empty-pane">
          <h2 className="empty-pane__title">This round does not exist</h2>
          <p>It may have been deleted on the board.</p>
          <p>
            <Link to="/artifacts" className="button">
              Latest round
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const base = `/artifacts/${encodeURIComponent(round.id)}`;
  return (
    <div className="artifacts">
      <header className="artifacts__header">
        <label className="artifacts__round">
          <span className="field__label">Round</span>
          <select value={round.id} onChange={(event) => void navigate(`/artifacts/${encodeURIComponent(event.target.value)}/${tab}`)}>
            {rounds.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title.trim() || 'Untitled round'}
              </option>
            ))}
          </select>
        </label>
        <ExportButton round={round} />
      </header>
      <nav className="tabs" aria-label="Artifact views">
        {TABS.map((candidate) => (
          <Link key={candidate.path} to={`${base}/${candidate.path}`} className="tabs__tab" aria-current={candidate.path === tab ? 'page' : undefined}>
            {candidate.label}
          </Link>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="charter" replace />} />
        <Route path="charter" element={<CharterView roundId={round.id} />} />
        <Route path="vision" element={<VisionView roundId={round.id} />} />
        <Route path="pains" element={<PainListView round={round} />} />
        <Route path="validation/*" element={<ValidationView round={round} />} />
        <Route path="*" element={<Navigate to="charter" replace />} />
      </Routes>
    </div>
  );
}
