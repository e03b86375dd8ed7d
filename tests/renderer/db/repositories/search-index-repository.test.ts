import { describe, expect, it } from 'vitest';
import { createSearchIndexRepository } from '../../../../renderer/db/repositories/search-index-repository';
import { SearchIndex, SEARCH_INDEX_FORMAT_VERSION } from '../../../../shared/search/search-index';
import { openTestDatabase } from '../open-test-database';

const snapshot = () =>
  SearchIndex.build([
    { id: 'n1', title: 'Kubernetes upgrade', text: 'latency', tags: [], people: [], teams: [], organisation: '', channel: 'sla', occurredAt: 1 },
  ]).serialise();

// fake-indexeddb clones typed arrays in Node's realm, not the test's: compare their contents.
function plain(snapshot: object | undefined): unknown {
  return Object.fromEntries(Object.entries(snapshot ?? {}).map(([key, value]: [string, unknown]) => [key, ArrayBuffer.isView(value) ? Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) : value]));
}

describe('search index repository', () => {
  it('has nothing stored in a new workspace', async () => {
    const db = await openTestDatabase('search-index-empty');
    expect(await createSearchIndexRepository(db).load()).toBeUndefined();
  });

  it('stores a snapshot with its watermark and reads it back intact', async () => {
    const db = await openTestDatabase('search-index-save');
    const repository = createSearchIndexRepository(db, () => 1234);
    const saved = snapshot();
    await repository.save({ watermark: 99, snapshot: saved });
    const loaded = await repository.load();
    expect(loaded?.watermark).toBe(99);
    expect(plain(loaded?.snapshot)).toEqual(plain(saved));
    expect(Object.prototype.toString.call(loaded?.snapshot.postingDocs)).toBe('[object Uint8Array]');
    const [record] = await db.searchIndex.toArray();
    expect({ ...record, snapshot: plain(record?.snapshot) }).toEqual({ key: 'notes', watermark: 99, savedAt: 1234, snapshot: plain(saved) });
    const index = loaded === undefined ? SearchIndex.empty() : SearchIndex.load(loaded.snapshot);
    expect(index.findCandidates('kubernetes').candidates.map((candidate) => candidate.doc.id)).toEqual(['n1']);
  });

  it('replaces the previous snapshot, and clears it', async () => {
    const db = await openTestDatabase('search-index-replace');
    const repository = createSearchIndexRepository(db);
    await repository.save({ watermark: 1, snapshot: snapshot() });
    await repository.save({ watermark: 2, snapshot: snapshot() });
    expect(await db.searchIndex.count()).toBe(1);
    expect((await repository.load())?.watermark).toBe(2);
    await repository.clear();
    expect(await repository.load()).toBeUndefined();
  });

  it('ignores a record of another format or shape, as a newer build might leave', async () => {
    const db = await openTestDatabase('search-index-foreign');
    const repository = createSearchIndexRepository(db);
    const stored = snapshot();
    await db.searchIndex.put({ key: 'notes', watermark: 5, savedAt: 1, snapshot: { ...stored, formatVersion: SEARCH_INDEX_FORMAT_VERSION + 1 } });
    expect(await repository.load()).toBeUndefined();
    await db.table('searchIndex').put({ key: 'notes', watermark: 'soon', snapshot: stored });
    expect(await repository.load()).toBeUndefined();
    await db.table('searchIndex').put({ key: 'notes', watermark: 5 });
    expect(await repository.load()).toBeUndefined();
  });
});
