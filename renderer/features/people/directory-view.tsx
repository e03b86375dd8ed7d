import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Contact } from '../../../shared/domain/contact';
import { checkBudget, DEFAULT_RESEARCH_BUDGET } from '../../../shared/domain/research-load';
import { useDatabase, useRepositories } from '../../db';
import { ImportContactsDialog } from './import-contacts-dialog';
import { MergeDialog } from './merge-dialog';
import { NewContactDialog } from './new-contact-dialog';

const ROW_HEIGHT = 52;
const PAGE = 200;

/** The contacts, searchable and filterable by team and organisation, as a virtualised list paged through the name index. */
export function DirectoryView() {
  const { people } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Typed text lives in state: echoing it through the address lags behind fast typing and drops keys.
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const team = params.get('team') ?? undefined;
  const organisation = params.get('org') ?? undefined;
  const isDescending = params.get('sort') === 'name-desc';
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [dialog, setDialog] = useState<'import' | 'new' | 'merge' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const found = useLiveQuery(
    () => people.findContacts({ search, ...(team === undefined ? {} : { team }), ...(organisation === undefined ? {} : { organisation }) }, limit, isDescending),
    [people, search, team, organisation, limit, isDescending],
  );
  const teams = useLiveQuery(() => people.teams(), [people]) ?? [];
  const total = useLiveQuery(() => people.countContacts(), [people]);
  const organisations = useLiveQuery(() => people.organisations(), [people]) ?? [];
  const budget = useLiveQuery(() => people.budget(), [people]) ?? DEFAULT_RESEARCH_BUDGET;
  const contacts = found?.contacts ?? [];

  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler skips this component; it re-renders on scroll by design
  const virtualizer = useVirtualizer({ count: contacts.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const visibleIds = items.flatMap((item) => contacts[item.index]?.id ?? []);
  const loads = useLiveQuery(() => people.loadOfPeople(visibleIds, Date.now()), [people, visibleIds.join(',')]);
  const lastIndex = items.at(-1)?.index ?? -1;
  const hasMore = found !== undefined && !found.isComplete;

  useEffect(() => {
    if (hasMore && lastIndex >= contacts.length - 20) setLimit((current) => current + PAGE);
  }, [hasMore, lastIndex, contacts.length]);

  // "/" focuses the search box from anywhere on this screen, as in most desktop lists.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !isTyping && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const setParam = (name: string, value: string | undefined) => {
    setLimit(PAGE);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };

  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((existing) => existing !== id) : [...current, id].slice(-2)));

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? contacts.length - 1 : current + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= contacts.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`a[data-index="${next}"]`)?.focus());
  };

  const isFiltered = search !== '' || team !== undefined || organisation !== undefined;
  const selectedContacts = selected.flatMap((id) => contacts.find((contact) => contact.id === id) ?? []);

  return (
    <section aria-label="Contacts">
      <div className="directory__toolbar">
        <label className="field directory__search">
          <span className="field__label">Search contacts (/)</span>
          <input ref={searchRef} type="search" value={search} placeholder="Name or email" onChange={(event) => {
              setSearch(event.target.value);
              setParam('q', event.target.value);
            }} />
        </label>
        <label className="field">
          <span className="field__label">Team</span>
          <select value={team ?? ''} onChange={(event) => setParam('team', event.target.value)}>
            <option value="">Any team</option>
            {teams.map((group) => (
              <option key={group.name} value={group.name}>
                {group.name} ({group.contacts})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Organisation</span>
          <select value={organisation ?? ''} onChange={(event) => setParam('org', event.target.value)}>
            <option value="">Any organisation</option>
            {organisations.map((group) => (
              <option key={group.name} value={group.name}>
                {group.name} ({group.contacts})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Sort</span>
          <select value={isDescending ? 'name-desc' : 'name'} onChange={(event) => setParam('sort', event.target.value === 'name' ? undefined : event.target.value)}>
            <option value="name">Name, A to Z</option>
            <option value="name-desc">Name, Z to A</option>
          </select>
        </label>
      </div>
      <div className="directory__bar">
        <p className="muted directory__status" role="status">
          {found === undefined
            ? 'Loading contacts…'
            : isFiltered
              ? `${contacts.length.toLocaleString()}${hasMore ? '+' : ''} ${contacts.length === 1 ? 'contact matches' : 'contacts match'}`
              : `${(total ?? contacts.length).toLocaleString()} ${total === 1 ? 'contact' : 'contacts'}`}
          {selected.length === 1 && ' · select one more to merge'}
        </p>
        <div className="directory__actions">
          {selected.length === 2 && !isReadOnly && (
            <button type="button" className="button" onClick={() => setDialog('merge')}>
              Merge 2 contacts
            </button>
          )}
          <button type="button" className="button" disabled={isReadOnly} onClick={() => setDialog('new')}>
            New contact
          </button>
          <button type="button" className="button button--primary" disabled={isReadOnly} onClick={() => setDialog('import')}>
            Import contacts
          </button>
        </div>
      </div>
      {found !== undefined && contacts.length === 0 ? (
        <div className="empty-state">
          {isFiltered ? (
            <p>No contact matches. Clear the search or the filters.</p>
          ) : (
            <>
              <h2>No contacts yet</h2>
              <p>Import a CSV of the people you talk to, create one here, or add people to a discovery note: they all land here, with their history and research load.</p>
            </>
          )}
        </div>
      ) : (
        <>
          <div className="directory__head" aria-hidden="true">
            <span />
            <span>Name</span>
            <span>Team · role</span>
            <span>Organisation</span>
            <span>Asks 30 / 90 days</span>
          </div>
          <div ref={scrollRef} className="directory__scroll" onKeyDown={onListKeyDown}>
            <ul aria-label="Contacts list" className="directory__list" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const contact = contacts[item.index];
                if (!contact) return null;
                const load = loads?.get(contact.id);
                const check = load === undefined ? undefined : checkBudget(load, budget, 'person');
                return (
                  <li key={contact.id} className="directory__row" aria-setsize={hasMore ? -1 : contacts.length} aria-posinset={item.index + 1} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                    <input type="checkbox" aria-label={`Select ${contact.name}`} checked={selected.includes(contact.id)} onChange={() => toggle(contact.id)} />
                    <span style={{ minWidth: 0 }}>
                      <Link to={`/people/${contact.id}`} className="directory__name" data-index={item.index} tabIndex={item.index === 0 ? 0 : -1}>
                        {contact.name}
                      </Link>
                      {contact.email !== undefined && contact.email !== contact.name && <span className="directory__sub">{contact.email}</span>}
                    </span>
                    <span className="directory__cell">{[contact.team, contact.role].filter(Boolean).join(' · ') || <span className="muted">—</span>}</span>
                    <span className="directory__cell">{contact.organisation ?? <span className="muted">—</span>}</span>
                    <span className="load" aria-label={load === undefined ? undefined : `${load.last30} asks in 30 days, ${load.last90} in 90 days`}>
                      {load === undefined ? '…' : `${load.last30} / ${load.last90}`}
                      {check?.isOver === true ? <span className="badge badge--danger">Over</span> : check?.isFull === true ? <span className="badge badge--warning">At budget</span> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
      <ImportContactsDialog isOpen={dialog === 'import'} onClose={() => setDialog(null)} />
      <NewContactDialog
        isOpen={dialog === 'new'}
        onClose={(created?: Contact) => {
          setDialog(null);
          if (created !== undefined) void navigate(`/people/${created.id}`);
        }}
      />
      {dialog === 'merge' && selectedContacts.length === 2 && (
        <MergeDialog
          first={selectedContacts[0] as Contact}
          second={selectedContacts[1] as Contact}
          onClose={(isMerged) => {
            setDialog(null);
            if (isMerged) setSelected([]);
          }}
        />
      )}
    </section>
  );
}
