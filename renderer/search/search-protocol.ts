import type { SearchHit } from '../../shared/search/search-hit';

/** The most hits one search returns. */
export const MAX_SEARCH_LIMIT = 200;

/** Messages to the search worker. `open` comes first and names the database. */
export type SearchWorkerRequest =
  | { readonly type: 'open'; readonly databaseName: string }
  | { readonly type: 'search'; readonly requestId: number; readonly query: string; readonly limit: number }
  | { readonly type: 'notesChanged'; readonly ids: readonly string[] }
  | { readonly type: 'notesDeleted'; readonly ids: readonly string[] }
  /** Many notes were written elsewhere (an import): catch up from the notes table, re-reading contact names. */
  | { readonly type: 'catchUp' }
  /** Contacts were written: re-read their names and re-index the notes of those renamed. */
  | { readonly type: 'contactsChanged' };

export type SearchPhase = 'loading' | 'indexing' | 'ready' | 'error';

/** Where the search index is: `indexed` of `total` notes are searchable. */
export interface SearchStatus {
  readonly phase: SearchPhase;
  readonly indexed: number;
  readonly total: number;
  readonly message?: string;
}

/**
 * Messages from the search worker. Only the newest search is answered: first `results`, at once;
 * then, when some hits matched past the text the index keeps, `snippets` with those hits' snippets
 * cut from the notes' full text (read from the database, so it comes a little later).
 */
export type SearchWorkerReply =
  | {
      readonly type: 'results';
      readonly requestId: number;
      readonly query: string;
      readonly hits: readonly SearchHit[];
      readonly tookMs: number;
      /** True when a `snippets` reply for this request follows. */
      readonly pendingSnippets: boolean;
    }
  | { readonly type: 'snippets'; readonly requestId: number; readonly hits: readonly SearchHit[] }
  | ({ readonly type: 'status' } & SearchStatus);

/** Reads a request posted to the worker; undefined for anything malformed. */
export function parseSearchWorkerRequest(data: unknown): SearchWorkerRequest | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data)) return undefined;
  switch (data.type) {
    case 'open':
      return 'databaseName' in data && typeof data.databaseName === 'string' ? { type: 'open', databaseName: data.databaseName } : undefined;
    case 'search':
      if (!('requestId' in data) || !('query' in data) || !('limit' in data)) return undefined;
      if (typeof data.requestId !== 'number' || typeof data.query !== 'string' || typeof data.limit !== 'number') return undefined;
      return { type: 'search', requestId: data.requestId, query: data.query, limit: clampLimit(data.limit) };
    case 'catchUp':
      return { type: 'catchUp' };
    case 'contactsChanged':
      return { type: 'contactsChanged' };
    case 'notesChanged':
    case 'notesDeleted': {
      const ids = 'ids' in data && Array.isArray(data.ids) ? data.ids.filter((id): id is string => typeof id === 'string') : undefined;
      return ids === undefined ? undefined : { type: data.type, ids };
    }
    default:
      return undefined;
  }
}

/** Reads a reply from the worker; undefined for anything malformed. */
export function parseSearchWorkerReply(data: unknown): SearchWorkerReply | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data)) return undefined;
  if (data.type === 'results') {
    if (!('requestId' in data) || !('query' in data) || !('hits' in data) || !('tookMs' in data)) return undefined;
    const { requestId, query, hits, tookMs } = data;
    if (typeof requestId !== 'number' || typeof query !== 'string' || !Array.isArray(hits) || typeof tookMs !== 'number') return undefined;
    // The hits come from this app's own worker: their shape is the worker's SearchHit.
    const typedHits: readonly SearchHit[] = hits;
    const pendingSnippets = 'pendingSnippets' in data && data.pendingSnippets === true;
    return { type: 'results', requestId, query, hits: typedHits, tookMs, pendingSnippets };
  }
  if (data.type === 'snippets') {
    if (!('requestId' in data) || !('hits' in data)) return undefined;
    const { requestId, hits } = data;
    if (typeof requestId !== 'number' || !Array.isArray(hits)) return undefined;
    // As for results: the hits come from this app's own worker.
    const typedHits: readonly SearchHit[] = hits;
    return { type: 'snippets', requestId, hits: typedHits };
  }
  if (data.type === 'status') {
    if (!('phase' in data) || !('indexed' in data) || !('total' in data)) return undefined;
    const { phase, indexed, total } = data;
    if (!isSearchPhase(phase) || typeof indexed !== 'number' || typeof total !== 'number') return undefined;
    const message = 'message' in data && typeof data.message === 'string' ? data.message : undefined;
    return { type: 'status', phase, indexed, total, ...(message === undefined ? {} : { message }) };
  }
  return undefined;
}

/** A search limit as the worker uses it: a whole number from 1 to MAX_SEARCH_LIMIT. */
export function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(limit))) : MAX_SEARCH_LIMIT;
}

function isSearchPhase(value: unknown): value is SearchPhase {
  return value === 'loading' || value === 'indexing' || value === 'ready' || value === 'error';
}
