import type { Note } from '../../shared/domain/note';
import { rankSearchHits, withFullTextSnippets } from '../../shared/search/rank-search-hits';
import { searchDocumentFromNote } from '../../shared/search/search-document';
import { SearchIndex } from '../../shared/search/search-index';
import type { DiscoveryDb } from '../db/discovery-db';
import { createSearchIndexRepository } from '../db/repositories/search-index-repository';
import { createSearchSourceRepository } from '../db/repositories/search-source-repository';
import { clampLimit, type SearchPhase, type SearchWorkerReply, type SearchWorkerRequest } from './search-protocol';

export interface SearchServiceOptions {
  /** False when the database must not be written (a newer build saved it): the index then lives in memory only. */
  readonly canPersist: boolean;
  /** Quiet time after the last change before a snapshot is considered. */
  readonly persistDelayMs?: number;
  /** Changes since the last snapshot that make one worth writing (fewer are caught up from the notes at start-up). */
  readonly persistAfterChanges?: number;
  /** Changes after which the index is compacted without waiting for a quiet moment (bounds memory during imports). */
  readonly compactAfterChanges?: number;
  /** Notes read per page while building from scratch. */
  readonly buildPageSize?: number;
  /** Milliseconds for `tookMs`. */
  readonly now?: () => number;
}

export interface SearchService {
  /** Loads the stored index and catches up with the notes, or builds it from scratch. */
  start(): Promise<void>;
  /** Takes a request; work happens in order in the background (await `idle` to wait for it). */
  handle(request: SearchWorkerRequest): void;
  /** Resolves once every request taken so far has been handled. */
  idle(): Promise<void>;
  /** Catches up with the notes and writes a snapshot now (when allowed). */
  persistNow(): Promise<void>;
  dispose(): void;
}

type SearchRequest = Extract<SearchWorkerRequest, { type: 'search' }>;

const CHANGE_BATCH_SIZE = 500;
/** Hits (best first) whose match past the stored excerpt gets a snippet from the note's full text; the rest show their start. */
const FULL_TEXT_SNIPPET_HITS = 20;
/** Full texts kept for snippets: successive keystrokes mostly find the same notes. */
const FULL_TEXT_CACHE_SIZE = 500;
// The watermark stays this far behind the clock: a note stamped just before a catch-up read began
// may commit just after it. Cheap to be generous: notes whose version is already indexed are
// compared on the updatedAt index alone, never read.
const WATERMARK_MARGIN_MS = 60_000;

/**
 * The search worker's logic, apart from the worker itself so tests can drive it: keeps a
 * SearchIndex of the notes in `db` up to date, answers the newest search, and stores snapshots.
 *
 * Persistence: a whole snapshot (compacted, one `put` in one transaction), written after a build
 * or a long catch-up (before `ready`), and otherwise only once enough has changed and things are
 * quiet. Between snapshots the notes table is the journal: start-up compares the versions on the
 * `updatedAt` index since the snapshot's watermark with the indexed ones, reads only the notes
 * that differ, and compares primary keys for deletions, so no delta is written on each edit.
 */
export function createSearchService(db: DiscoveryDb, post: (reply: SearchWorkerReply) => void, options: SearchServiceOptions): SearchService {
  const {
    canPersist,
    persistDelayMs = 5_000,
    persistAfterChanges = 200,
    compactAfterChanges = 20_000,
    buildPageSize = 1_000,
    now = () => performance.now(),
  } = options;
  const source = createSearchSourceRepository(db);
  const store = createSearchIndexRepository(db);

  let index: SearchIndex | null = null;
  let phase: SearchPhase = 'loading';
  let total = 0;
  let contactNames: ReadonlyMap<string, string> = new Map();
  let watermark = 0;
  let unpersistedChanges = 0;
  let latestSearch: SearchRequest | null = null;
  const pendingChanged = new Set<string>();
  const pendingDeleted = new Set<string>();
  let isDisposed = false;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let work: Promise<void> = Promise.resolve();
  let isPumping = false;
  const fullTextCache = new Map<string, string>();
  const pendingSaves = new Set<Promise<void>>();

  const postStatus = (message?: string) => {
    const indexed = index?.size ?? 0;
    post({ type: 'status', phase, indexed, total: phase === 'ready' ? indexed : Math.max(total, indexed), ...(message === undefined ? {} : { message }) });
  };

  const documentOf = (note: Note) => searchDocumentFromNote(note, contactNames);

  const fullTexts = async (ids: readonly string[]): Promise<ReadonlyMap<string, string>> => {
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const id of ids) {
      const text = fullTextCache.get(id);
      if (text === undefined) {
        missing.push(id);
      } else {
        // Re-inserted, so the Map's order stays least recently used first.
        fullTextCache.delete(id);
        fullTextCache.set(id, text);
        found.set(id, text);
      }
    }
    for (const note of missing.length === 0 ? [] : await source.notesByIds(missing)) {
      const { text } = documentOf(note);
      found.set(note.id, text);
      fullTextCache.set(note.id, text);
    }
    for (const id of fullTextCache.keys()) {
      if (fullTextCache.size <= FULL_TEXT_CACHE_SIZE) break;
      fullTextCache.delete(id);
    }
    return found;
  };

  const answer = async (request: SearchRequest, searchable: SearchIndex) => {
    const startedAt = now();
    const outcome = rankSearchHits(searchable.findCandidates(request.query), request.limit);
    const shown = new Set(outcome.hits.slice(0, FULL_TEXT_SNIPPET_HITS).map((hit) => hit.id));
    const needed = outcome.idsNeedingFullText.filter((id) => shown.has(id));
    const cached = needed.every((id) => fullTextCache.has(id));
    // Texts already at hand go into the first answer; reading the others must not delay it.
    const hits = needed.length > 0 && cached ? withFullTextSnippets(outcome, await fullTexts(needed)) : outcome.hits;
    if (isDisposed) return;
    const pendingSnippets = needed.length > 0 && !cached;
    post({ type: 'results', requestId: request.requestId, query: request.query, hits, tookMs: now() - startedAt, pendingSnippets });
    if (!pendingSnippets) return;
    // Without the full texts (a failed read) those hits keep the start of their text as snippet.
    const texts = await fullTexts(needed).catch(() => new Map<string, string>());
    if (isDisposed) return;
    post({ type: 'snippets', requestId: request.requestId, hits: withFullTextSnippets(outcome, texts) });
  };

  const answerLatestSearch = async () => {
    const request = latestSearch;
    if (request === null || index === null) return;
    latestSearch = null;
    await answer(request, index);
  };

  const applyPendingChanges = async (live: SearchIndex) => {
    const deleted = [...pendingDeleted].slice(0, CHANGE_BATCH_SIZE);
    for (const id of deleted) {
      pendingDeleted.delete(id);
      fullTextCache.delete(id);
      if (live.remove(id)) unpersistedChanges += 1;
    }
    const changed = [...pendingChanged].slice(0, CHANGE_BATCH_SIZE);
    for (const id of changed) {
      pendingChanged.delete(id);
      fullTextCache.delete(id);
    }
    if (changed.length > 0) {
      const notes = await source.notesByIds(changed);
      const found = new Set(notes.map((note) => note.id));
      for (const note of notes) live.add(documentOf(note), note.updatedAt);
      for (const id of changed) {
        if (!found.has(id)) live.remove(id);
      }
      unpersistedChanges += changed.length;
    }
  };

  // One loop does the work in order: a batch of changes first (a search should see the latest
  // edit), then the newest search, so a large import never holds searches up for long.
  const pump = async () => {
    if (isPumping) return;
    isPumping = true;
    try {
      // Let a burst of keystrokes arrive, so only the newest of them is searched.
      await yieldToEventLoop();
      while (!isDisposed && index !== null && phase === 'ready') {
        if (pendingChanged.size === 0 && pendingDeleted.size === 0 && latestSearch === null) break;
        if (pendingChanged.size > 0 || pendingDeleted.size > 0) {
          await applyPendingChanges(index);
          postStatus();
          // Bounds the memory of the mutable segment; writing waits for a quiet moment.
          if (index.pendingChangeCount >= compactAfterChanges) index.compact();
          schedulePersist();
        }
        await answerLatestSearch();
      }
    } finally {
      isPumping = false;
    }
  };

  const enqueue = (task: () => Promise<void>) => {
    work = work.then(task).catch((error: unknown) => fail(error));
    return work;
  };

  const fail = (error: unknown) => {
    phase = 'error';
    postStatus(error instanceof Error ? error.message : String(error));
  };

  const schedulePersist = () => {
    if (persistTimer !== undefined) clearTimeout(persistTimer);
    persistTimer = undefined;
    if (unpersistedChanges < persistAfterChanges || isDisposed) return;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      void enqueue(persistNow);
    }, persistDelayMs);
  };

  /**
   * Re-reads what changed since the watermark, adds what is missing and drops what was deleted;
   * returns how many documents it touched. `onProgress` follows a long catch-up.
   */
  const catchUp = async (live: SearchIndex, onProgress?: (done: number, of: number) => Promise<void>): Promise<number> => {
    const readStartedAt = Date.now();
    const [versions, ids] = await Promise.all([source.noteVersionsSince(watermark), source.noteIds()]);
    total = ids.length;
    let touched = 0;
    const existing = new Set(ids);
    for (const id of [...live.documentIds()]) {
      if (!existing.has(id)) {
        live.remove(id);
        fullTextCache.delete(id);
        touched += 1;
      }
    }
    // Only notes whose version differs from the indexed one are read again.
    const changed = new Set<string>();
    versions.ids.forEach((id, position) => {
      if (live.versionOf(id) !== versions.updatedAts[position]) changed.add(id);
    });
    // Notes older than the watermark yet missing, e.g. restored from a backup with their old dates.
    for (const id of ids) {
      if (!live.has(id)) changed.add(id);
    }
    const toRead = [...changed];
    for (let start = 0; start < toRead.length; start += buildPageSize) {
      const page = toRead.slice(start, start + buildPageSize);
      for (const note of await source.notesByIds(page)) live.add(documentOf(note), note.updatedAt);
      for (const id of page) fullTextCache.delete(id);
      await onProgress?.(start + page.length, toRead.length);
    }
    touched += toRead.length;
    watermark = Math.max(watermark, readStartedAt - WATERMARK_MARGIN_MS);
    return touched;
  };

  const buildFromScratch = async (): Promise<SearchIndex> => {
    const building = SearchIndex.empty();
    index = building;
    phase = 'indexing';
    watermark = Date.now() - WATERMARK_MARGIN_MS;
    postStatus();
    let afterId: string | undefined;
    do {
      const page = await source.notesAfter(afterId, buildPageSize);
      for (const note of page.notes) building.add(documentOf(note), note.updatedAt);
      afterId = page.nextAfterId;
      postStatus();
      // Searches are answered from what is indexed so far.
      await yieldToEventLoop();
      await answerLatestSearch();
    } while (afterId !== undefined && !isDisposed);
    return building;
  };

  /** Compacts the index and writes it with the current watermark; resolves when the write is done. */
  const saveSnapshot = (live: SearchIndex): Promise<void> => {
    if (persistTimer !== undefined) clearTimeout(persistTimer);
    persistTimer = undefined;
    const snapshot = live.serialise();
    unpersistedChanges = 0;
    if (!canPersist || isDisposed) return Promise.resolve();
    const saving = store.save({ watermark, snapshot, contactNames }).catch((error: unknown) => {
      // The index still works; the next start catches up from the older snapshot (or rebuilds).
      console.warn('The search index could not be saved.', error);
    });
    pendingSaves.add(saving);
    void saving.finally(() => pendingSaves.delete(saving));
    return saving;
  };

  const persistNow = async () => {
    if (index === null || phase !== 'ready') return;
    await catchUp(index);
    // Not awaited: the snapshot's arrays are never changed again (edits go to a new mutable
    // segment), so searches go on while IndexedDB writes it.
    void saveSnapshot(index);
  };

  /**
   * Re-indexes the notes of the people whose name is not the one their notes were indexed with
   * (renamed, added or deleted since `indexedWith`; every person when unknown); returns how many.
   */
  const reindexRenamedPeople = async (live: SearchIndex, indexedWith: ReadonlyMap<string, string> | undefined, names: ReadonlyMap<string, string>): Promise<number> => {
    contactNames = names;
    const renamed = indexedWith === undefined ? [...names.keys()] : changedContactIds(indexedWith, names);
    const ids = renamed.length === 0 ? [] : await source.noteIdsOfPeople(renamed);
    for (let start = 0; start < ids.length; start += buildPageSize) {
      const page = ids.slice(start, start + buildPageSize);
      for (const note of await source.notesByIds(page)) live.add(documentOf(note), note.updatedAt);
      for (const id of page) fullTextCache.delete(id);
    }
    return ids.length;
  };

  /** After contacts were written anywhere: notes found by a person's name follow a rename. */
  const followContacts = async () => {
    const live = index;
    if (live === null || phase !== 'ready') return;
    unpersistedChanges += await reindexRenamedPeople(live, contactNames, await source.contactNames());
    schedulePersist();
  };

  /** After another context wrote many notes (a survey import): re-read contacts and catch up, showing progress. */
  const catchUpAfterBulkWrite = async () => {
    const live = index;
    if (live === null || phase !== 'ready') return;
    unpersistedChanges += await reindexRenamedPeople(live, contactNames, await source.contactNames());
    let isLongWork = false;
    unpersistedChanges += await catchUp(live, async (_done, of) => {
      if (of <= buildPageSize) return;
      isLongWork = true;
      phase = 'indexing';
      postStatus();
      await yieldToEventLoop();
      await answerLatestSearch();
    });
    phase = 'ready';
    if (isLongWork) await saveSnapshot(live);
    postStatus();
    schedulePersist();
  };

  const start = async () => {
    postStatus();
    contactNames = await source.contactNames();
    total = await source.countNotes();
    const persisted = await store.load().catch(() => undefined);
    let loaded: SearchIndex | null = null;
    if (persisted !== undefined) {
      try {
        loaded = SearchIndex.load(persisted.snapshot);
        watermark = persisted.watermark;
      } catch {
        loaded = null;
      }
    }
    let isLongWork = loaded === null;
    if (loaded !== null) {
      index = loaded;
      postStatus();
      unpersistedChanges += await catchUp(loaded, async (done, of) => {
        // A long catch-up (an import while no window was open) reports progress like a build.
        if (of <= buildPageSize) return;
        isLongWork = true;
        phase = 'indexing';
        postStatus();
        await yieldToEventLoop();
        await answerLatestSearch();
        if (done === of) phase = 'loading';
      });
      // A person renamed after the snapshot (in any window, before any restart) is found by the new name.
      const reindexed = await reindexRenamedPeople(loaded, persisted?.contactNames, contactNames);
      unpersistedChanges += reindexed;
      if (reindexed > 0) isLongWork = true;
    } else {
      index = await buildFromScratch();
    }
    // After a build or a long catch-up the snapshot is written before `ready`, so closing the
    // window right away does not mean doing it all again; otherwise at the next quiet moment.
    if (isLongWork) await saveSnapshot(index);
    phase = 'ready';
    postStatus();
    if (latestSearch === null) warmUp(index);
    schedulePersist();
  };

  return {
    start: () => enqueue(start).then(() => enqueue(pump)),

    handle(request) {
      if (isDisposed) return;
      switch (request.type) {
        case 'search':
          latestSearch = { ...request, limit: clampLimit(request.limit) };
          // Someone is typing: a pending snapshot waits for a quiet moment.
          if (persistTimer !== undefined) schedulePersist();
          break;
        case 'notesChanged':
          for (const id of request.ids) {
            pendingDeleted.delete(id);
            pendingChanged.add(id);
          }
          break;
        case 'notesDeleted':
          for (const id of request.ids) {
            pendingChanged.delete(id);
            pendingDeleted.add(id);
          }
          break;
        case 'catchUp':
          void enqueue(catchUpAfterBulkWrite);
          return;
        case 'contactsChanged':
          void enqueue(followContacts);
          return;
        case 'open':
          return;
      }
      void enqueue(pump);
    },

    idle: async () => {
      let current: Promise<void>;
      do {
        current = work;
        await current;
        await Promise.all(pendingSaves);
      } while (current !== work);
    },

    persistNow: () => enqueue(persistNow),

    dispose() {
      isDisposed = true;
      if (persistTimer !== undefined) clearTimeout(persistTimer);
    },
  };
}

// A fresh worker runs its first searches unoptimised; a few throwaway ones (prefix, typo, two
// words) make the first real keystroke as fast as the later ones.
function warmUp(index: SearchIndex): void {
  for (const query of ['e', 'th', 'serivce', 'the wor']) rankSearchHits(index.findCandidates(query), 20);
}

/** The contacts whose name differs between two name maps (renamed, added or removed). */
export function changedContactIds(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = [...after].filter(([id, name]) => before.get(id) !== name).map(([id]) => id);
  for (const id of before.keys()) if (!after.has(id)) changed.push(id);
  return changed;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
