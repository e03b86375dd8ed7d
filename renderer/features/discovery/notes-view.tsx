import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isNoteFilterActive } from '../../../shared/domain/note-filter';
import { useUndo } from '../../components/undo-service';
import { useRepositories, type DeletedNote } from '../../db';
import { SearchStatusLine } from './search-status-line';
import { InboxFilters } from './inbox-filters';
import { InboxList } from './inbox-list';
import { NewNoteMenu } from './new-note-menu';
import { NotePane } from './note-pane';
import { SearchResults } from './search-results';
import { useNoteFilter } from './use-note-filter';

const PAGE_SIZE = 50;

/** The inbox (or search results) on the left, the open note on the right. */
export function NotesView() {
  const { noteId } = useParams();
  const navigate = useNavigate();
  const { notes, contacts } = useRepositories();
  const { filter, params, query: queryParam, setParam, clearFilters } = useNoteFilter();
  // The box keeps its own text: waiting for the address to round-trip would drop fast keystrokes.
  const [query, setQuery] = useState(queryParam);
  useEffect(() => {
    // Only a real change is written back: a stray navigation here could undo a click elsewhere.
    if (query === queryParam) return;
    const timer = setTimeout(() => setParam('q', query), 400);
    return () => clearTimeout(timer);
  }, [query, queryParam, setParam]);
  const setSearchText = setQuery;
  const filterKey = JSON.stringify(filter);
  // Paging restarts whenever the filters change.
  const [paging, setPaging] = useState({ filterKey, limit: PAGE_SIZE });
  const limit = paging.filterKey === filterKey ? paging.limit : PAGE_SIZE;
  const [isFiltersOpen, setFiltersOpen] = useState(isNoteFilterActive(filter));
  const undoService = useUndo();

  const page = useLiveQuery(() => notes.query(filter, limit), [notes, filter, limit]);

  const personIds = useMemo(() => [...new Set(page?.notes.flatMap((note) => note.personIds) ?? [])], [page]);
  const people = useLiveQuery(() => contacts.getMany(personIds), [contacts, personIds.join(',')]);
  const peopleNames = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);

  const isInboxReady = page !== undefined;
  useEffect(() => {
    if (!isInboxReady) return;
    performance.mark('discovery:inbox-ready');
    // Once the first page is on screen: a workspace loaded in bulk may need its note counts rebuilt.
    void notes.ensureCounts();
  }, [isInboxReady, notes]);

  const search = params.toString();
  const noteHref = useCallback((id: string) => `/discovery/notes/${id}${search ? `?${search}` : ''}`, [search]);
  const hasMore = page !== undefined && (page.total === null ? page.notes.length >= limit : page.total > page.notes.length);
  const loadMore = useCallback(() => setPaging({ filterKey, limit: limit + PAGE_SIZE }), [filterKey, limit]);

  const countText =
    page === undefined ? 'Loading notes…' : page.total === null ? `${page.notes.length}${hasMore ? '+' : ''} notes` : `${page.total.toLocaleString()} ${page.total === 1 ? 'note' : 'notes'}`;

  return (
    <div className="notes-view">
      <section className="notes-view__list" aria-label="Inbox">
        <div className="inbox__toolbar">
          <input
            type="search"
            className="search-box"
            aria-label="Search notes"
            placeholder="Search notes, people, tags…"
            value={query}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== '') setSearchText('');
            }}
          />
          <NewNoteMenu />
        </div>
        <div className="inbox__bar">
          <span className="inbox__count" aria-live="polite">
            {query.trim() === '' ? countText : 'Search results'}
          </span>
          <SearchStatusLine />
          <button type="button" className="button button--small" aria-expanded={isFiltersOpen} onClick={() => setFiltersOpen((isOpen) => !isOpen)}>
            Filters{isNoteFilterActive(filter) ? ' (on)' : ''}
          </button>
        </div>
        {isFiltersOpen && <InboxFilters filter={filter} params={params} setParam={setParam} clearFilters={clearFilters} />}
        {query.trim() !== '' ? (
          <SearchResults query={query} selectedId={noteId} noteHref={noteHref} />
        ) : (
          <InboxList
            notes={page?.notes ?? []}
            peopleNames={peopleNames}
            selectedId={noteId}
            hasMore={hasMore}
            onLoadMore={loadMore}
            noteHref={noteHref}
            emptyState={
              page === undefined ? null : isNoteFilterActive(filter) ? (
                <>
                  <p>No notes match these filters.</p>
                  <button type="button" className="button" onClick={clearFilters}>
                    Clear filters
                  </button>
                </>
              ) : (
                <>
                  <p className="inbox__empty-title">No notes yet</p>
                  <p>Log a coffee chat, an SLA conversation or anything you heard. Nothing here is ranked or judged.</p>
                </>
              )
            }
          />
        )}
      </section>
      <section className="notes-view__pane" aria-label="Note">
        {noteId ? (
          <NotePane
            key={noteId}
            noteId={noteId}
            onDeleted={(deleted: DeletedNote) => {
              void navigate(`/discovery${search ? `?${search}` : ''}`);
              undoService.offer({
                label: `Deleted “${deleted.note.title.trim() || 'Untitled note'}”`,
                undo: async () => {
                  await notes.restore(deleted);
                  void navigate(noteHref(deleted.note.id));
                },
              });
            }}
          />
        ) : (
          <div className="empty-pane">
            <p className="empty-pane__title">Select a note, or log a new one</p>
            <p>
              <kbd>Ctrl</kbd>+<kbd>N</kbd> (desktop) or <kbd>Alt</kbd>+<kbd>N</kbd> starts a note in the channel you used last.{' '}
              <kbd>Ctrl</kbd>+<kbd>K</kbd> jumps to anything.
            </p>
            <p>
              New here? <Link to="/guide">Read the four-step guide and try the sample workspace</Link>.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
