import { Link, Route, Routes, useLocation } from 'react-router';
import { ContactDetail } from './contact-detail';
import { DirectoryView } from './directory-view';
import { GroupDetail, GroupList } from './group-views';
import { LoadView } from './load-view';
import { PlannedChatsView } from './planned-chats-view';
import './people.css';

const TABS = [
  { to: '/people', label: 'Contacts', isActive: (path: string) => !/^\/people\/(teams|organisations|planned|load)/.test(path) },
  { to: '/people/teams', label: 'Teams', isActive: (path: string) => path.startsWith('/people/teams') },
  { to: '/people/organisations', label: 'Organisations', isActive: (path: string) => path.startsWith('/people/organisations') },
  { to: '/people/planned', label: 'Planned chats', isActive: (path: string) => path.startsWith('/people/planned') },
  { to: '/people/load', label: 'Research load', isActive: (path: string) => path.startsWith('/people/load') },
] as const;

/** People: the directory, teams and organisations, each one's history and research load, planned chats. */
export function PeopleScreen() {
  const { pathname } = useLocation();
  return (
    <div className="people">
      <nav className="tabs" aria-label="People views">
        {TABS.map((tab) => (
          <Link key={tab.to} to={tab.to} className="tabs__tab" aria-current={tab.isActive(pathname) ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <Routes>
        <Route index element={<DirectoryView />} />
        <Route path="teams" element={<GroupList field="team" />} />
        <Route path="teams/:name" element={<GroupDetail field="team" />} />
        <Route path="organisations" element={<GroupList field="organisation" />} />
        <Route path="organisations/:name" element={<GroupDetail field="organisation" />} />
        <Route path="planned" element={<PlannedChatsView />} />
        <Route path="load" element={<LoadView />} />
        <Route path=":contactId" element={<ContactDetail />} />
      </Routes>
    </div>
  );
}
