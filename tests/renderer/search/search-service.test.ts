import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { openDatabase } from '../../../renderer/db/open-database';
import { createContactsRepository } from '../../../renderer/db/repositories/contacts-repository';
import { createNotesRepository, type NewNote } from '../../../renderer/db/repositories/notes-repository';
import { createPeopleRepository } from '../../../renderer/db/repositories/people-repository';
import { createSearchIndexRepository } from '../../../renderer/db/repositories/search-index-repository';
import type { SearchWorkerReply } from '../../../renderer/search/search-protocol';
import { changedContactIds, type SearchService } from '../../../renderer/search/search-service';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import { SearchIndex } from '../../../shared/search/search-index';
import { createTestDependencies } from '../db/create-test-dependencies';
import { uniqueDatabaseName } from '../db/unique-database-name';
import { startRecordedService } from './in-process-search-worker';

const opened: DiscoveryDb[] = [];
const services: SearchService[] = [];

afterEach(() => {
  for (const service of services.splice(0)) service.dispose();
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function open(name: string): Promise<DiscoveryDb> {
  const result = await openDatabase(name);
  if (result.db === null) throw new Error('not open');
  opened.push(result.db);
  return result.db;
}

async function start(db: DiscoveryDb, options: Parameters<typeof startRecordedService>[1] = {}) {
  const recorded = await startRecordedService(db, options);
  services.push(recorded.service);
  return recorded;
}

function body(text: string): RichTextDoc {
  return { type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

function note(title: string, text: string, extra: Partial<NewNote> = {}): NewNote {
  return { channel: 'coffee-chat', title, body: body(text), occurredAt: Date.UTC(2025, 0, 1), ...extra };
}

async function search(recorded: { service: SearchService; replies: SearchWorkerReply[] }, query: string, requestId = nextRequestId()) {
  recorded.service.handle({ type: 'search', requestId, query, limit: 50 });
  await recorded.service.idle();
  const reply = lastOf(recorded.replies, (candidate) => candidate.type === 'results' && candidate.requestId === requestId);
  if (reply?.type !== 'results') throw new Error(`No answer to ${query}`);
  // The full-text snippets that follow, when some hits needed them.
  const snippets = lastOf(recorded.replies, (candidate) => candidate.type === 'snippets' && candidate.requestId === requestId);
  return snippets?.type === 'snippets' ? { ...reply, hits: snippets.hits } : reply;
}

async function titles(recorded: { service: SearchService; replies: SearchWorkerReply[] }, query: string): Promise<string[]> {
  return (await search(recorded, query)).hits.map((hit) => hit.title).sort();
}

let requestCount = 0;
function nextRequestId(): number {
  requestCount += 1;
  return requestCount;
}

function lastStatus(replies: readonly SearchWorkerReply[]): SearchWorkerReply | undefined {
  return lastOf(replies, (reply) => reply.type === 'status');
}

function lastOf<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return item;
  }
  return undefined;
}

function phases(replies: readonly SearchWorkerReply[]): string[] {
  return [...new Set(replies.flatMap((reply) => (reply.type === 'status' ? [reply.phase] : [])))];
}

describe('search service', () => {
  it('builds the index on first start, reporting progress, and answers searches', async () => {
    const db = await open(uniqueDatabaseName('search-build'));
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.createMany(Array.from({ length: 25 }, (_, index) => note(`Note ${index}`, index === 7 ? 'kubernetes latency woes' : 'filler text')));

    const recorded = await start(db, { buildPageSize: 10 });

    expect(phases(recorded.replies)).toEqual(['loading', 'indexing', 'ready']);
    const progress = recorded.replies.flatMap((reply) => (reply.type === 'status' && reply.phase === 'indexing' ? [reply.indexed] : []));
    expect(progress).toEqual([0, 10, 20, 25]);
    expect(recorded.replies.at(-1)).toEqual({ type: 'status', phase: 'ready', indexed: 25, total: 25 });
    const result = await search(recorded, 'kubernets');
    expect(result.hits.map((hit) => hit.title)).toEqual(['Note 7']);
    expect(result.query).toBe('kubernets');
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
    expect(await createSearchIndexRepository(db).load()).toBeDefined();
  });

  it('has stored the snapshot of a fresh build by the time it reports ready', async () => {
    const db = await open(uniqueDatabaseName('search-durable'));
    await createNotesRepository(db, createTestDependencies()).create(note('Durable', 'written before ready'));
    const { createSearchService } = await import('../../../renderer/search/search-service');
    const stored: boolean[] = [];
    const store = createSearchIndexRepository(db);
    const readyChecks: Promise<void>[] = [];
    const service = createSearchService(
      db,
      (reply) => {
        if (reply.type === 'status' && reply.phase === 'ready') readyChecks.push(store.load().then((record) => void stored.push(record !== undefined)));
      },
      { canPersist: true, persistDelayMs: 60_000 },
    );
    services.push(service);
    await service.start();
    await Promise.all(readyChecks);
    expect(stored).toEqual([true]);
  });

  it('loads the stored index on restart instead of rebuilding it', async () => {
    const name = uniqueDatabaseName('search-restart');
    const db = await open(name);
    await createNotesRepository(db, createTestDependencies()).createMany([note('Observability stack', 'noisy alerts'), note('Cafe', 'builds')]);
    const first = await start(db);
    const before = await search(first, 'observ');
    first.service.dispose();

    const readAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const second = await start(db);
    expect(phases(second.replies)).toEqual(['loading', 'ready']);
    const notePages = readAll.mock.contexts.filter((store) => store instanceof IDBObjectStore && store.name === 'notes');
    expect(notePages).toEqual([]);
    expect((await search(second, 'observ')).hits).toEqual(before.hits);
  });

  it('catches up with notes created, changed and deleted while it was not running', async () => {
    const name = uniqueDatabaseName('search-catch-up');
    const db = await open(name);
    const notes = createNotesRepository(db);
    const kept = await notes.create(note('Kept note', 'postgres failover drill'));
    const edited = await notes.create(note('Edited note', 'terraform drift everywhere'));
    const deleted = await notes.create(note('Deleted note', 'kafka consumer lag'));
    const first = await start(db);
    expect(await titles(first, 'terraform')).toEqual(['Edited note']);
    first.service.dispose();

    await notes.update(edited.id, { body: body('now about grafana dashboards') });
    await notes.delete(deleted.id);
    await notes.create(note('Created note', 'secrets rotation schedule'));

    const second = await start(db);
    expect(phases(second.replies)).toEqual(['loading', 'ready']);
    expect(await titles(second, 'terraform')).toEqual([]);
    expect(await titles(second, 'grafana')).toEqual(['Edited note']);
    expect(await titles(second, 'kafka')).toEqual([]);
    expect(await titles(second, 'rotation')).toEqual(['Created note']);
    expect(await titles(second, 'postgres')).toEqual([kept.title]);
    expect(lastStatus(second.replies)).toEqual({ type: 'status', phase: 'ready', indexed: 3, total: 3 });
  });

  it('reads no note again on restart when only the versions it indexed are there, however recent', async () => {
    const db = await open(uniqueDatabaseName('search-versions'));
    const notes = createNotesRepository(db);
    const recent = await notes.createMany([note('Fresh one', 'just written'), note('Fresh two', 'also new')]);
    const first = await start(db);
    first.service.dispose();

    const bulkGet = vi.spyOn(db.notes, 'bulkGet');
    const second = await start(db);
    expect(bulkGet).not.toHaveBeenCalled();
    expect(await titles(second, 'fresh')).toEqual(['Fresh one', 'Fresh two']);
    second.service.dispose();

    await notes.update(recent[0]?.id ?? '', { title: 'Fresh and edited' });
    const third = await start(db);
    expect(bulkGet.mock.calls.map(([ids]) => ids)).toEqual([[recent[0]?.id]]);
    expect(await titles(third, 'edited')).toEqual(['Fresh and edited']);
  });

  it('reports a long catch-up as indexing, page by page', async () => {
    const db = await open(uniqueDatabaseName('search-long-catch-up'));
    const first = await start(db);
    first.service.dispose();
    await createNotesRepository(db).createMany(Array.from({ length: 25 }, (_, index) => note(`Imported ${index}`, 'bulk import')));

    const second = await start(db, { buildPageSize: 10 });
    expect(phases(second.replies)).toEqual(['loading', 'indexing', 'ready']);
    const progress = second.replies.flatMap((reply) => (reply.type === 'status' && reply.phase === 'indexing' ? [reply.indexed] : []));
    expect(progress).toEqual([10, 20, 25]);
    expect(await titles(second, 'bulk')).toHaveLength(25);
  });

  it('finds a note restored with an old updatedAt that the watermark would miss', async () => {
    const db = await open(uniqueDatabaseName('search-restored'));
    const first = await start(db);
    first.service.dispose();
    const restored = { id: 'restored', channel: 'research', title: 'Restored paper', body: body('quantum scheduling'), plainText: 'quantum scheduling', occurredAt: 1, personIds: [], teams: [], tags: [], links: [], createdAt: 1, updatedAt: 1 } as const;
    await db.notes.add(restored);
    const second = await start(db);
    expect(await titles(second, 'quantum')).toEqual(['Restored paper']);
  });

  it('updates the index when told notes changed or were deleted', async () => {
    const db = await open(uniqueDatabaseName('search-messages'));
    const notes = createNotesRepository(db, createTestDependencies());
    const target = await notes.create(note('Incident review', 'rollback took an hour'));
    const recorded = await start(db);
    expect(await titles(recorded, 'rollback')).toEqual(['Incident review']);

    await notes.update(target.id, { title: 'Canary review', body: body('canary caught it early') });
    recorded.service.handle({ type: 'notesChanged', ids: [target.id] });
    expect(await titles(recorded, 'rollback')).toEqual([]);
    expect(await titles(recorded, 'canary')).toEqual(['Canary review']);

    const created = await notes.create(note('New note', 'canary everywhere'));
    recorded.service.handle({ type: 'notesChanged', ids: [created.id] });
    expect(await titles(recorded, 'canary')).toEqual(['Canary review', 'New note']);

    await notes.delete(target.id);
    recorded.service.handle({ type: 'notesDeleted', ids: [target.id] });
    expect(await titles(recorded, 'canary')).toEqual(['New note']);
    // A note reported changed that no longer exists is dropped as well.
    await notes.delete(created.id);
    recorded.service.handle({ type: 'notesChanged', ids: [created.id] });
    expect(await titles(recorded, 'canary')).toEqual([]);
    expect(lastStatus(recorded.replies)).toEqual({ type: 'status', phase: 'ready', indexed: 0, total: 0 });
  });

  it('catches up with notes and contacts written elsewhere when told to (a survey import in another worker)', async () => {
    const db = await open(uniqueDatabaseName('search-catch-up'));
    const recorded = await start(db);
    const dependencies = createTestDependencies();
    const person = await createContactsRepository(db, dependencies).create({ name: 'Margaret Hamilton' });
    await createNotesRepository(db, dependencies).createMany([note('Survey answer', 'flaky deploys', { personIds: [person.id] })]);
    expect(await titles(recorded, 'flaky')).toEqual([]);

    recorded.service.handle({ type: 'catchUp' });
    expect(await titles(recorded, 'flaky')).toEqual(['Survey answer']);
    expect(await titles(recorded, 'hamilton')).toEqual(['Survey answer']);
  });

  it('finds a person’s notes by their new name after a rename, at once and after a restart', async () => {
    const db = await open(uniqueDatabaseName('search-rename'));
    const dependencies = createTestDependencies();
    const people = createPeopleRepository(db, dependencies);
    const person = await createContactsRepository(db, dependencies).create({ name: 'Grace Hopper' });
    const other = await createContactsRepository(db, dependencies).create({ name: 'Alan Turing' });
    await createNotesRepository(db, dependencies).createMany([
      note('Compiler chat', 'nanoseconds', { personIds: [person.id] }),
      note('Other chat', 'machines', { personIds: [other.id] }),
    ]);
    const first = await start(db);
    expect(await titles(first, 'hopper')).toEqual(['Compiler chat']);

    await people.update(person.id, { name: 'Grace Brewster' });
    first.service.handle({ type: 'contactsChanged' });
    expect(await titles(first, 'brewster')).toEqual(['Compiler chat']);
    expect(await titles(first, 'hopper')).toEqual([]);
    first.service.dispose();

    // Renamed again while no index runs (another window, a closed app): the next start follows.
    await people.update(person.id, { name: 'Amazing Grace' });
    const second = await start(db);
    expect(await titles(second, 'amazing')).toEqual(['Compiler chat']);
    expect(await titles(second, 'brewster')).toEqual([]);
    expect(await titles(second, 'hopper')).toEqual([]);
    expect(await titles(second, 'turing')).toEqual(['Other chat']);
  });

  it('tells which contacts’ names changed between two name maps', () => {
    const before = new Map([
      ['a', 'Ada'],
      ['b', 'Bob'],
      ['c', 'Cy'],
    ]);
    const after = new Map([
      ['a', 'Ada'],
      ['b', 'Robert'],
      ['d', 'Dee'],
    ]);
    expect(changedContactIds(before, after).sort()).toEqual(['b', 'c', 'd']);
    expect(changedContactIds(before, before)).toEqual([]);
  });

  it('takes a large import in batches, answering searches in between and compacting as it goes', async () => {
    const db = await open(uniqueDatabaseName('search-import'));
    const recorded = await start(db, { compactAfterChanges: 300 });
    const imported = await createNotesRepository(db, createTestDependencies()).createMany(
      Array.from({ length: 1_200 }, (_, index) => note(`Survey answer ${index}`, index % 100 === 0 ? 'wants faster builds' : 'other wishes')),
    );
    const before = recorded.replies.length;
    recorded.service.handle({ type: 'notesChanged', ids: imported.map((created) => created.id) });
    recorded.service.handle({ type: 'search', requestId: 500, query: 'faster', limit: 50 });
    await recorded.service.idle();

    const replies = recorded.replies.slice(before);
    const answeredAt = replies.findIndex((reply) => reply.type === 'results' && reply.requestId === 500);
    const progress = replies.flatMap((reply) => (reply.type === 'status' ? [reply.indexed] : []));
    expect(progress).toEqual([500, 1_000, 1_200]);
    expect(answeredAt).toBeGreaterThan(-1);
    expect(answeredAt).toBeLessThan(replies.length - 1);
    expect(await titles(recorded, 'faster builds')).toHaveLength(12);
    expect(await titles(recorded, 'wishes')).toHaveLength(50);
  });

  it('answers only the newest of several searches made before it could answer', async () => {
    const db = await open(uniqueDatabaseName('search-stale'));
    await createNotesRepository(db, createTestDependencies()).createMany([note('Kubernetes', 'k'), note('Kafka', 'k')]);
    const recorded = await start(db);
    const before = recorded.replies.length;
    recorded.service.handle({ type: 'search', requestId: 101, query: 'k', limit: 10 });
    recorded.service.handle({ type: 'search', requestId: 102, query: 'ka', limit: 10 });
    recorded.service.handle({ type: 'search', requestId: 103, query: 'kaf', limit: 10 });
    await recorded.service.idle();
    const results = recorded.replies.slice(before).filter((reply) => reply.type === 'results');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ requestId: 103, query: 'kaf', hits: [{ title: 'Kafka' }] });
  });

  it('answers a search made while loading once the index is there', async () => {
    const db = await open(uniqueDatabaseName('search-early'));
    await createNotesRepository(db, createTestDependencies()).create(note('Early bird', 'searching before ready'));
    const replies: SearchWorkerReply[] = [];
    const { createSearchService } = await import('../../../renderer/search/search-service');
    const service = createSearchService(db, (reply) => replies.push(reply), { canPersist: true, persistDelayMs: 0 });
    services.push(service);
    service.handle({ type: 'search', requestId: 1, query: 'early', limit: 5 });
    await service.start();
    await service.idle();
    expect(replies.filter((reply) => reply.type === 'results')).toMatchObject([{ requestId: 1, hits: [{ title: 'Early bird' }] }]);
  });

  it('names people, and gives a snippet around a match past the stored excerpt', async () => {
    const db = await open(uniqueDatabaseName('search-people'));
    const ana = await createContactsRepository(db).create({ name: 'Ana Souza' });
    const long = `${'Background discussion about many things. '.repeat(12)}Finally the quota exhaustion came up.`;
    await createNotesRepository(db, createTestDependencies()).create(note('Coffee chat', long, { personIds: [ana.id] }));
    const recorded = await start(db);
    const [byPerson] = (await search(recorded, 'souza')).hits;
    expect(byPerson?.matches).toEqual([{ field: 'people', value: 'Ana Souza', ranges: [[4, 9]] }]);
    const before = recorded.replies.length;
    const [byText] = (await search(recorded, 'exhaustion')).hits;
    expect(byText?.snippet).toContain('quota exhaustion came up');
    // The results come at once with the start of the text; the snippet around the match follows.
    const [first, second] = recorded.replies.slice(before);
    expect(first).toMatchObject({ type: 'results', pendingSnippets: true, hits: [{ snippet: expect.stringMatching(/^Background discussion/) }] });
    expect(second).toMatchObject({ type: 'snippets', requestId: first?.type === 'results' ? first.requestId : -1 });
    // Read once, the text is at hand for the next keystroke: one answer, complete.
    const again = recorded.replies.length;
    expect((await search(recorded, 'exhaustio')).hits[0]?.snippet).toContain('quota exhaustion came up');
    expect(recorded.replies.slice(again)).toMatchObject([{ type: 'results', pendingSnippets: false }]);
    const textMatch = byText?.matches.find((match) => match.field === 'text');
    expect(textMatch?.ranges.map(([start, end]) => textMatch.value.slice(start, end))).toEqual(['exhaustion']);
  });

  it('never shows a stale snippet from its full-text cache after an edit', async () => {
    const db = await open(uniqueDatabaseName('search-snippet-cache'));
    const notes = createNotesRepository(db);
    const filler = 'Background discussion about many things. '.repeat(12);
    const created = await notes.create(note('Deep note', `${filler}The quota exhaustion came up first.`));
    const recorded = await start(db);
    expect((await search(recorded, 'quota')).hits[0]?.snippet).toContain('quota exhaustion came up first');

    await notes.update(created.id, { body: body(`${filler}Later the quota was raised twice.`) });
    recorded.service.handle({ type: 'notesChanged', ids: [created.id] });
    const [hit] = (await search(recorded, 'quota')).hits;
    expect(hit?.snippet).toContain('quota was raised twice');
    expect(hit?.snippet).not.toContain('exhaustion');
  });

  it('writes a snapshot only after enough changes, with a watermark to catch up from', async () => {
    const db = await open(uniqueDatabaseName('search-persist'));
    const notes = createNotesRepository(db);
    const store = createSearchIndexRepository(db);
    const recorded = await start(db, { persistAfterChanges: 3 });
    const initial = await store.load();
    expect(initial?.snapshot.terms).toBe('');

    const first = await notes.create(note('One', 'alpha'));
    recorded.service.handle({ type: 'notesChanged', ids: [first.id] });
    await recorded.service.idle();
    expect((await store.load())?.snapshot.terms).toBe('');

    const more = await notes.createMany([note('Two', 'beta'), note('Three', 'gamma')]);
    recorded.service.handle({ type: 'notesChanged', ids: more.map((created) => created.id) });
    await recorded.service.idle();
    await vi.waitFor(async () => expect((await store.load())?.snapshot.terms.split('\n')).toContain('gamma'));
    const saved = await store.load();
    expect(saved?.watermark).toBeGreaterThan(initial?.watermark ?? 0);
    expect(saved?.watermark).toBeLessThanOrEqual(Date.now());
    expect(saved === undefined ? 0 : SearchIndex.load(saved.snapshot).size).toBe(3);
  });

  it('never writes to a workspace it may only read', async () => {
    const db = await open(uniqueDatabaseName('search-read-only'));
    await createNotesRepository(db, createTestDependencies()).create(note('Read only', 'nothing stored'));
    const recorded = await start(db, { canPersist: false });
    await recorded.service.persistNow();
    await recorded.service.idle();
    expect(await titles(recorded, 'stored')).toEqual(['Read only']);
    expect(await db.searchIndex.count()).toBe(0);
  });

  it('rebuilds when the stored snapshot is damaged', async () => {
    const db = await open(uniqueDatabaseName('search-damaged'));
    await createNotesRepository(db, createTestDependencies()).create(note('Survivor', 'rebuilt from notes'));
    const first = await start(db);
    first.service.dispose();
    const stored = await createSearchIndexRepository(db).load();
    if (stored === undefined) throw new Error('nothing stored');
    await db.searchIndex.put({ key: 'notes', watermark: stored.watermark, savedAt: 1, snapshot: { ...stored.snapshot, postingDocs: new Uint8Array(3) } });

    const second = await start(db);
    expect(phases(second.replies)).toEqual(['loading', 'indexing', 'ready']);
    expect(await titles(second, 'rebuilt')).toEqual(['Survivor']);
  });

  it('does not throw on hostile queries', async () => {
    const db = await open(uniqueDatabaseName('search-hostile'));
    await createNotesRepository(db, createTestDependencies()).create(note('Regex (a|b)*', 'text [with] brackets'));
    const recorded = await start(db);
    for (const query of ['(a|b)*', '.*', '[', '\\', 'x'.repeat(10_000), ' '.repeat(100), '']) {
      const result = await search(recorded, query);
      expect(Array.isArray(result.hits)).toBe(true);
    }
    // Punctuation is ignored: only the words count.
    expect(await titles(recorded, '(x|y)*')).toEqual([]);
    expect(await titles(recorded, '(a|b)* [with]')).toEqual(['Regex (a|b)*']);
    expect(phases(recorded.replies)).not.toContain('error');
  });
});
