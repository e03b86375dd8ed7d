import { Route, Routes } from 'react-router';
import { SectionTabs, type SectionTab } from '../../components/section-tabs';
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
] as const satisfies readonly SectionTab[];

/** People: the directory, teams and organisations, each one's history and research load, planned chats. */
export function PeopleScreen() {
  return (
    <div className="people">
      <SectionTabs label="People views" tabs={TABS} />
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
