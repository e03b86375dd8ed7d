import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ChannelBadge } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';
import { useNoteSearch } from '../../search';
import { HighlightedText } from './highlighted-text';

interface SearchResultsProps {
  readonly query: string;
  readonly selectedId: string | undefined;
  readonly noteHref: (id: string) => string;
}

/** Ranked search results with the matched words marked; searching runs in a worker. */
export function SearchResults({ query, selectedId, noteHref }: SearchResultsProps) {
  const { hits, hitsQuery, status, isSearching } = useNoteSearch(query);
  const listRef = useRef<HTMLDivElement>(null);

  // The attribute says which query the visible results belong to (benchmarks and tests wait on it).
  useLayoutEffect(() => {
    if (hitsQuery === null) return;
    listRef.current?.setAttribute('data-search-query', hitsQuery);
    performance.mark('discovery:search-results', { detail: { query: hitsQuery } });
  }, [hits, hitsQuery]);

  const isIndexing = status.phase === 'loading' || status.phase === 'indexing';
  return (
    <div ref={listRef} className="search-results" aria-label="Search results" aria-busy={isSearching}>
      <p className="search-results__status">
        {status.phase === 'error'
          ? `Search is unavailable: ${status.message ?? 'unknown error'}`
          : isIndexing
            ? `Indexing notes for search… ${status.indexed.toLocaleString()} of ${status.total.toLocaleString()}`
            : hitsQuery !== null && hits.length === 0
              ? `No notes match “${hitsQuery}”.`
              : hits.length > 0
                ? `${hits.length}${hits.length >= 50 ? '+' : ''} matching notes, best first`
                : ''}
      </p>
      <ul className="search-results__list" aria-label="Matching notes">
        {hits.map((hit) => {
          const titleMatch = hit.matches.find((match) => match.field === 'title');
          const textMatch = hit.matches.find((match) => match.field === 'text');
          const otherMatches = hit.matches.filter((match) => match.field !== 'title' && match.field !== 'text');
          return (
            <li key={hit.id}>
              <Link to={noteHref(hit.id)} className="inbox__link search-results__link" aria-current={hit.id === selectedId ? 'true' : undefined}>
                <span className="inbox__top">
                  <span className="inbox__title">
                    <HighlightedText text={hit.title || 'Untitled note'} ranges={titleMatch?.ranges ?? []} />
                  </span>
                  <span className="inbox__date">{formatDay(hit.occurredAt)}</span>
                </span>
                <span className="inbox__meta">
                  <ChannelBadge channel={hit.channel} />
                  {otherMatches.map((match) => (
                    <span key={`${match.field}-${match.value}`} className="search-results__field">
                      <HighlightedText text={match.value} ranges={match.ranges} />
                    </span>
                  ))}
                </span>
                <span className="inbox__excerpt">
                  {textMatch ? <HighlightedText text={textMatch.value} ranges={textMatch.ranges} /> : hit.snippet}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
