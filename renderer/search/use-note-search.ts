import { useCallback, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { SearchHit } from '../../shared/search/search-hit';
import { DEFAULT_SEARCH_LIMIT } from './search-client';
import type { SearchStatus } from './search-protocol';
import { useSearchClient } from './search-provider';

export interface NoteSearch {
  /** The hits of `hitsQuery`: the newest answered query, kept while a newer one runs. */
  readonly hits: readonly SearchHit[];
  /** The query `hits` belong to; null before any answer and for a blank query. */
  readonly hitsQuery: string | null;
  readonly status: SearchStatus;
  /** True while the current query has no answer yet. */
  readonly isSearching: boolean;
}

const UNAVAILABLE: SearchStatus = { phase: 'error', indexed: 0, total: 0, message: 'This browser cannot run search in the background.' };
const NO_HITS: readonly SearchHit[] = [];
const noSubscription = () => () => undefined;

/**
 * Searches the notes as `query` changes (trimmed; blank finds nothing). Results refresh when the
 * index changes (notes indexed, edited or deleted).
 */
export function useNoteSearch(query: string, { limit = DEFAULT_SEARCH_LIMIT }: { readonly limit?: number } = {}): NoteSearch {
  const client = useSearchClient();
  const subscribe = useCallback((onChange: () => void) => client?.subscribeStatus(onChange) ?? noSubscription(), [client]);
  const status = useSyncExternalStore(subscribe, () => client?.getStatus() ?? UNAVAILABLE);
  const [answer, setAnswer] = useState<{ readonly query: string; readonly hits: readonly SearchHit[] } | null>(null);
  const trimmed = query.trim();

  // A layout effect: the query often changes in a transition (the router's), whose passive effects
  // would wait for the next paint before the search is even sent.
  useLayoutEffect(() => {
    if (client === null || trimmed === '') return;
    let isCurrent = true;
    client.search(trimmed, limit).then(
      (response) => {
        if (!isCurrent || response.kind !== 'results') return;
        setAnswer({ query: trimmed, hits: response.hits });
        void response.withSnippets.then((hits) => {
          if (isCurrent && hits !== response.hits) setAnswer({ query: trimmed, hits });
        });
      },
      () => {
        // The status says why search failed.
      },
    );
    return () => {
      isCurrent = false;
    };
    // A new status object means the index changed: search again.
  }, [client, trimmed, limit, status]);

  if (trimmed === '') return { hits: NO_HITS, hitsQuery: null, status, isSearching: false };
  return {
    hits: answer?.hits ?? NO_HITS,
    hitsQuery: answer?.query ?? null,
    status,
    isSearching: client !== null && status.phase !== 'error' && answer?.query !== trimmed,
  };
}
