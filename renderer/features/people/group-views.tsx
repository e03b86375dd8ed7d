import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { checkBudget, DEFAULT_RESEARCH_BUDGET } from '../../../shared/domain/research-load';
import { useRepositories } from '../../db';
import { HistoryList } from './history-list';

type GroupField = 'team' | 'organisation';

const WORDS: Readonly<Record<GroupField, { readonly plural: string; readonly path: string; readonly label: string }>> = {
  team: { plural: 'teams', path: 'teams', label: 'Team' },
  organisation: { plural: 'organisations', path: 'organisations', label: 'Organisation' },
};

const HISTORY_LIMIT = 200;
const MEMBERS_SHOWN = 30;

/** The teams (or organisations) contacts belong to, with how many contacts each. */
export function GroupList({ field }: { readonly field: GroupField }) {
  const { people } = useRepositories();
  const groups = useLiveQuery(() => (field === 'team' ? people.teams() : people.organisations()), [people, field]);
  const [sort, setSort] = useState<'name' | 'size'>('name');
  const words = WORDS[field];
  if (groups === undefined) return <p className="muted">Loading…</p>;
  if (groups.length === 0)
    return (
      <div className="empty-state">
        <h2>No {words.plural} yet</h2>
        <p>Give contacts a {field} (on their page or in a CSV import) and each {field} gets its own page with its members, history and research load.</p>
      </div>
    );
  const sorted = sort === 'name' ? groups : [...groups].sort((a, b) => b.contacts + b.notes - (a.contacts + a.notes) || a.name.localeCompare(b.name));
  // Names only notes mention (no contact in them) stay out of the way, collapsed under one count.
  const withContacts = sorted.filter((group) => group.contacts > 0);
  const notesOnly = sorted.filter((group) => group.contacts === 0);
  const rows = (list: typeof sorted) =>
    list.map((group) => (
      <tr key={group.name}>
        <th scope="row">
          <Link to={`/people/${words.path}/${encodeURIComponent(group.name)}`}>{group.name}</Link>
        </th>
        <td>{group.contacts.toLocaleString()}</td>
        <td>{group.notes.toLocaleString()}</td>
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        <th scope="col">{words.label}</th>
        <th scope="col">Contacts</th>
        <th scope="col">Notes</th>
      </tr>
    </thead>
  );
  return (
    <section className="stack stack--wide" aria-label={words.plural}>
      <label className="field" style={{ maxWidth: '14rem' }}>
        <span className="field__label">Sort</span>
        <select value={sort} onChange={(event) => setSort(event.target.value === 'size' ? 'size' : 'name')}>
          <option value="name">Name</option>
          <option value="size">Most contacts and notes</option>
        </select>
      </label>
      {withContacts.length > 0 ? (
        <table className="table" aria-label={`${words.label}s with contacts`}>
          {head}
          <tbody>{rows(withContacts)}</tbody>
        </table>
      ) : (
        <p className="muted">No contact has a {field} yet: give people a {field} on their page, or confirm the one their notes suggest.</p>
      )}
      {notesOnly.length > 0 && (
        <details className="group-list__notes-only">
          <summary>
            {notesOnly.length.toLocaleString()} {notesOnly.length === 1 ? field : words.plural} named only in notes, with no contacts
          </summary>
          <table className="table" aria-label={`${words.label}s with no contacts`}>
            {head}
            <tbody>{rows(notesOnly)}</tbody>
          </table>
        </details>
      )}
    </section>
  );
}

/** One team or organisation: its members, its research load (teams) and its history. */
export function GroupDetail({ field }: { readonly field: GroupField }) {
  const { name = '' } = useParams();
  const { people } = useRepositories();
  const members = useLiveQuery(() => people.membersOf(field, name), [people, field, name]);
  const load = useLiveQuery(() => (field === 'team' ? people.loadOfTeam(name, Date.now()) : Promise.resolve(undefined)), [people, field, name]);
  const budget = useLiveQuery(() => people.budget(), [people]) ?? DEFAULT_RESEARCH_BUDGET;
  const history = useLiveQuery(() => people.historyOfGroup(field, name, HISTORY_LIMIT), [people, field, name]);
  const check = load === undefined ? undefined : checkBudget(load, budget, 'team');
  return (
    <article className="stack stack--wide" aria-labelledby="group-title">
      <header>
        <p className="muted">
          <Link to={`/people/${WORDS[field].path}`}>{WORDS[field].label}s</Link>
        </p>
        <h2 id="group-title" className="page__title">
          {name}
        </h2>
      </header>
      <div className="person__grid">
        {load !== undefined && (
          <section className="panel" aria-labelledby="team-load-title">
            <h3 id="team-load-title">Research load</h3>
            <div className="load-figures">
              <div>
                <strong>{load.last30}</strong>
                <span className="muted">last 30 days (budget {budget.teamPer30Days})</span>
              </div>
              <div>
                <strong>{load.last90}</strong>
                <span className="muted">last 90 days (budget {budget.teamPer90Days})</span>
              </div>
            </div>
            {check?.isOver ? <p className="badge badge--danger">Over budget</p> : check?.isFull ? <p className="badge badge--warning">At budget</p> : <p className="badge badge--ok">Within budget</p>}
          </section>
        )}
        <section className="panel" aria-labelledby="members-title">
          <h3 id="members-title">Members</h3>
          {members === undefined ? (
            <p className="muted">Loading…</p>
          ) : members.length === 0 ? (
            <p className="muted">No contact is in {name}.</p>
          ) : (
            <ul>
              {members.slice(0, MEMBERS_SHOWN).map((member) => (
                <li key={member.id}>
                  <Link to={`/people/${member.id}`}>{member.name}</Link>
                  {member.role ? <span className="muted"> · {member.role}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {members !== undefined && members.length > MEMBERS_SHOWN && (
            <p>
              <Link to={`/people?${field === 'team' ? 'team' : 'org'}=${encodeURIComponent(name)}`}>All {members.length.toLocaleString()} members in the directory</Link>
            </p>
          )}
        </section>
      </div>
      {history !== undefined && (
        <section className="panel" aria-labelledby="team-history-title">
          <h3 id="team-history-title">History</h3>
          <HistoryList entries={history} showPeople emptyText={`Nothing recorded with ${name} yet.`} />
          {history.length === HISTORY_LIMIT && <p className="muted">Showing the newest {HISTORY_LIMIT}.</p>}
        </section>
      )}
    </article>
  );
}
