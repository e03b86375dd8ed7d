// @vitest-environment node
// (jsdom's realm hands fake-indexeddb Uint8Arrays it cannot clone back; y-dexie stores updates as Uint8Array.)
import { describe, expect, it } from 'vitest';
import { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { readNoteCounts } from '../../../renderer/db/repositories/note-counts';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createSyncDocsRepository } from '../../../renderer/db/repositories/sync-docs-repository';
import { createSyncRowsRepository, followSharedTableWrites } from '../../../renderer/db/repositories/sync-rows-repository';
import { SyncEngine } from '../../../renderer/sync/sync-engine';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import { rowMapName } from '../../../shared/sync/synced-tables';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';
import { MemoryClientDocs, MemoryServer, settle } from './memory-team';

const body = (text: string): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function connect(db: DiscoveryDb, server: MemoryServer, memberId: string) {
  const stored = createSyncDocsRepository(db);
  const docs = new MemoryClientDocs(server, (key) => stored.open(key));
  const engine = new SyncEngine({ docs, rows: createSyncRowsRepository(db), member: { id: memberId, name: memberId }, onError: (error) => console.error(error) });
  const stop = followSharedTableWrites(db, (table, changes) => engine.localChanges(table, changes));
  return { docs, engine, stored, stop };
}

describe('sync engine on the app database (y-dexie, the one write path)', () => {
  it('writes a teammate’s note through the write path (plain text, counts), and keeps the documents across a restart without rebuilding them', async () => {
    const server = new MemoryServer();
    const dbA = await openTestDatabase('sync-a');
    const dbB = await openTestDatabase('sync-b');
    const notesA = createNotesRepository(dbA, createTestDependencies());
    const notesB = createNotesRepository(dbB, createTestDependencies(Date.UTC(2026, 0, 1)));
    await notesA.ensureCounts();
    await notesB.ensureCounts();
    const a = connect(dbA, server, 'ada');
    const b = connect(dbB, server, 'bob');
    await a.engine.start();
    await b.engine.start();

    const created = await notesA.create({ channel: 'coffee-chat', title: 'Shared chat', body: body('they want faster builds'), occurredAt: 5, tags: ['ci'] });
    await settle([a, b]);
    const received = await dbB.notes.get(created.id);
    expect(received?.plainText).toBe('they want faster builds');
    expect(received?.title).toBe('Shared chat');
    expect((await readNoteCounts(dbB))?.total).toBe(1);

    await notesB.update(created.id, { title: 'Renamed by Bob' });
    await settle([a, b]);
    expect((await dbA.notes.get(created.id))?.title).toBe('Renamed by Bob');
    expect((await a.engine.historyOf('notes', created.id)).map((entry) => [entry.field, entry.memberId, entry.previous])).toEqual([
      ['$created', 'ada', undefined],
      ['title', 'bob', 'Shared chat'],
    ]);

    await notesA.delete(created.id);
    await settle([a, b]);
    expect(await dbB.notes.get(created.id)).toBeUndefined();
    expect((await readNoteCounts(dbB))?.total).toBe(0);

    // A restart: the stored document holds the row, with no merge and no rows read.
    a.stop();
    a.engine.stop();
    a.stored.closeAll();
    const docKey = [...(await a.engine.openDocs()).entries()].find(([, doc]) => doc.share.has(rowMapName(created.id)))?.[0];
    if (docKey === undefined) throw new Error('no document holds the note');
    dbA.close();
    const again = new DiscoveryDb(dbA.name);
    await again.open();
    const restarted = createSyncDocsRepository(again);
    const reopened = await restarted.open(docKey);
    expect(reopened.getMap(rowMapName(created.id)).get('title')).toBe('Renamed by Bob');
    expect(reopened.getMap(rowMapName(created.id)).has('$deleted')).toBe(true);
    restarted.closeAll();
    again.close();
  });
});
