import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { Note } from '../../../shared/domain/note';
import { noteExcerpt } from '../../../shared/rich-text/note-excerpt';
import { ChannelBadge } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';

interface InboxListProps {
  readonly notes: readonly Note[];
  readonly peopleNames: ReadonlyMap<string, string>;
  readonly selectedId: string | undefined;
  readonly hasMore: boolean;
  readonly onLoadMore: () => void;
  readonly noteHref: (id: string) => string;
  readonly emptyState: React.ReactNode;
}

const ROW_HEIGHT = 84;

/** The notes, newest first, as a virtualised list: only the rows on screen are in the DOM. */
export function InboxList({ notes, peopleNames, selectedId, hasMore, onLoadMore, noteHref, emptyState }: InboxListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler skips this component; it re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= notes.length - 10) onLoadMore();
  }, [hasMore, lastIndex, notes.length, onLoadMore]);

  // Arrow keys move between rows; Tab leaves the list instead of walking every note.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? notes.length - 1 : current + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= notes.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  if (notes.length === 0) return <div className="inbox__empty">{emptyState}</div>;

  return (
    <div ref={scrollRef} className="inbox__scroll" onKeyDown={onKeyDown}>
      <ul aria-label="Notes" className="inbox__list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const note = notes[item.index];
          if (!note) return null;
          const people = note.personIds.map((id) => peopleNames.get(id)).filter((name) => name !== undefined);
          return (
            <li key={note.id} className="inbox__row" aria-setsize={hasMore ? -1 : notes.length} aria-posinset={item.index + 1} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <Link
                to={noteHref(note.id)}
                data-index={item.index}
                className="inbox__link"
                aria-current={note.id === selectedId ? 'true' : undefined}
                tabIndex={note.id === selectedId || (selectedId === undefined && item.index === 0) ? 0 : -1}
              >
                <span className="inbox__top">
                  <span className="inbox__title">{note.title.trim() || 'Untitled note'}</span>
                  <time className="inbox__date" dateTime={new Date(note.occurredAt).toISOString()}>
                    {formatDay(note.occurredAt)}
                  </time>
                </span>
                <span className="inbox__meta">
                  <ChannelBadge channel={note.channel} />
                  {people.length > 0 && <span className="inbox__people">{people.join(', ')}</span>}
                  {note.organisation && <span className="inbox__people">{note.organisation}</span>}
                </span>
                <span className="inbox__excerpt">{noteExcerpt(note.channel, note.plainText) || 'Nothing written yet'}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
