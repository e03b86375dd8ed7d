import { Route, Routes } from 'react-router';
import { SectionTabs, type SectionTab } from '../../components/section-tabs';
import { CoverageView } from './coverage-view';
import { HighlightsView } from './highlights-view';
import { NotesView } from './notes-view';
import { SlaTableView } from './sla-table-view';
import { TagBoardView } from './tag-board-view';

const TABS = [
  { to: '/discovery', label: 'Notes', isActive: (path: string) => path === '/discovery' || path.startsWith('/discovery/notes/') },
  { to: '/discovery/highlights', label: 'Highlights', isActive: (path: string) => path.startsWith('/discovery/highlights') },
  { to: '/discovery/tags', label: 'Tags', isActive: (path: string) => path.startsWith('/discovery/tags') },
  { to: '/discovery/sla', label: 'SLA table', isActive: (path: string) => path.startsWith('/discovery/sla') },
  { to: '/discovery/coverage', label: 'Channel coverage', isActive: (path: string) => path.startsWith('/discovery/coverage') },
] as const satisfies readonly SectionTab[];

/** Discovery: unprioritized notes from every channel. Nothing here scores, ranks or votes. */
export function DiscoveryScreen() {
  return (
    <div className="discovery">
      <SectionTabs label="Discovery views" tabs={TABS} />
      <Routes>
        <Route index element={<NotesView />} />
        <Route path="notes/:noteId" element={<NotesView />} />
        <Route path="highlights" element={<HighlightsView />} />
        <Route path="tags" element={<TagBoardView />} />
        <Route path="sla" element={<SlaTableView />} />
        <Route path="coverage" element={<CoverageView />} />
      </Routes>
    </div>
  );
}
