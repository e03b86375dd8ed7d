export { createSearchClient, createSearchWorker, DEFAULT_SEARCH_LIMIT, type SearchClient, type SearchResponse, type SearchWorkerPort } from './search-client';
export { SearchProvider, useSearchClient } from './search-provider';
export { useNoteSearch, type NoteSearch } from './use-note-search';
export type { SearchPhase, SearchStatus } from './search-protocol';
export type { MatchRange, SearchField, SearchHit, SearchMatch } from '../../shared/search/search-hit';
