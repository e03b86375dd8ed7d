import type { SearchHit } from '../../shared/search/search-hit';
import { DB_NAME } from '../db/discovery-db';
import { parseSearchWorkerReply, type SearchStatus, type SearchWorkerRequest } from './search-protocol';
import { userMessage } from '../errors/user-message';
import { UserError } from '../../shared/errors/user-error';

/** How many hits a search returns unless told otherwise. */
export const DEFAULT_SEARCH_LIMIT = 50;

/** What the client needs of a Worker; tests pass an in-process stand-in. */
export interface SearchWorkerPort {
  postMessage(message: SearchWorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * The answer to a search: its hits, or `superseded` when a newer search was made before it
 * finished. `withSnippets` resolves with the same hits once those that matched past the text the
 * index keeps have snippets from the notes' full text (at once when none needed it; with `hits`
 * unchanged if a newer search comes first).
 */
export type SearchResponse =
  | {
      readonly kind: 'results';
      readonly query: string;
      readonly hits: readonly SearchHit[];
      readonly tookMs: number;
      readonly withSnippets: Promise<readonly SearchHit[]>;
    }
  | { readonly kind: 'superseded'; readonly query: string };

export interface SearchClient {
  /** Searches the notes; only the newest search gets results, older ones resolve as superseded. */
  search(query: string, limit?: number): Promise<SearchResponse>;
  /** Calls `listener` with the index status now and on every change; returns the unsubscribe function. */
  subscribeStatus(listener: (status: SearchStatus) => void): () => void;
  /** The latest status. */
  getStatus(): SearchStatus;
  /**
   * Stops the worker; pending searches resolve as superseded. Using the client again starts a new
   * worker (so a React effect can dispose it and run again).
   */
  dispose(): void;
}

const STARTING: SearchStatus = { phase: 'loading', indexed: 0, total: 0 };

/** Starts the search worker (a module worker bundled by Vite) on the given database. */
export function createSearchWorker(databaseName: string = DB_NAME): SearchWorkerPort {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage({ type: 'open', databaseName } satisfies SearchWorkerRequest);
  return worker;
}

/**
 * The main-thread side of search. The worker starts on first use. Nothing here tells the index
 * about writes: the worker hears every commit to the workspace itself (see search-worker.ts).
 */
export function createSearchClient(workerFactory: () => SearchWorkerPort = () => createSearchWorker()): SearchClient {
  let worker: SearchWorkerPort | null = null;
  let status: SearchStatus = STARTING;
  let nextRequestId = 1;
  let pending: { requestId: number; query: string; resolve: (response: SearchResponse) => void; reject: (error: Error) => void } | null = null;
  let awaitingSnippets: { requestId: number; hits: readonly SearchHit[]; resolve: (hits: readonly SearchHit[]) => void } | null = null;
  const listeners = new Set<(status: SearchStatus) => void>();

  const setStatus = (reported: SearchStatus) => {
    // The worker reports an exception's own text: it goes to the local log, people read a plain sentence.
    const next = reported.phase === 'error' ? { ...reported, message: userMessage(new Error(reported.message ?? 'The search worker stopped.'), 'searching') } : reported;
    status = next;
    for (const listener of [...listeners]) listener(next);
    if (next.phase === 'error' && pending !== null) {
      pending.reject(new UserError(next.message));
      pending = null;
    }
    if (next.phase === 'error') {
      awaitingSnippets?.resolve(awaitingSnippets.hits);
      awaitingSnippets = null;
    }
  };

  const supersedePending = () => {
    awaitingSnippets?.resolve(awaitingSnippets.hits);
    awaitingSnippets = null;
    if (pending === null) return;
    pending.resolve({ kind: 'superseded', query: pending.query });
    pending = null;
  };

  const connect = (): SearchWorkerPort => {
    if (worker !== null) return worker;
    const started = workerFactory();
    started.onmessage = (event) => {
      const reply = parseSearchWorkerReply(event.data);
      if (reply === undefined) return;
      if (reply.type === 'status') {
        const { type: _type, ...next } = reply;
        setStatus(next);
      } else if (reply.type === 'snippets') {
        if (awaitingSnippets?.requestId === reply.requestId) awaitingSnippets.resolve(reply.hits);
        awaitingSnippets = null;
      } else if (pending !== null && reply.requestId === pending.requestId) {
        const { requestId, hits } = reply;
        const withSnippets = reply.pendingSnippets
          ? new Promise<readonly SearchHit[]>((resolve) => (awaitingSnippets = { requestId, hits, resolve }))
          : Promise.resolve(hits);
        pending.resolve({ kind: 'results', query: pending.query, hits, tookMs: reply.tookMs, withSnippets });
        pending = null;
      }
    };
    started.onerror = (event) => {
      event.preventDefault();
      setStatus({ phase: 'error', indexed: status.indexed, total: status.total, message: event.message || 'The search worker stopped.' });
    };
    worker = started;
    return started;
  };

  return {
    search(query, limit = DEFAULT_SEARCH_LIMIT) {
      supersedePending();
      if (query.trim() === '') return Promise.resolve({ kind: 'results', query, hits: [], tookMs: 0, withSnippets: Promise.resolve([]) });
      const port = connect();
      const requestId = nextRequestId;
      nextRequestId += 1;
      return new Promise<SearchResponse>((resolve, reject) => {
        pending = { requestId, query, resolve, reject };
        port.postMessage({ type: 'search', requestId, query, limit });
      });
    },

    subscribeStatus(listener) {
      connect();
      listeners.add(listener);
      listener(status);
      return () => {
        listeners.delete(listener);
      };
    },

    getStatus: () => status,

    dispose() {
      supersedePending();
      worker?.terminate();
      worker = null;
      status = STARTING;
    },
  };
}
