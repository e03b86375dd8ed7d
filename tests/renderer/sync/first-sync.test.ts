// @vitest-environment node
// (jsdom's realm hands fake-indexeddb Uint8Arrays it cannot clone back; y-dexie stores updates as Uint8Array.)
import { describe, expect, it } from 'vitest';
import { readNoteCounts } from '../../../renderer/db/repositories/note-counts';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createSyncDocsRepository } from '../../../renderer/db/repositories/sync-docs-repository';
import { createSyncRowsRepository, followSharedTableWrites } from '../../../renderer/db/repositories/sync-rows-repository';
import { SyncEngine } from '../../../renderer/sync/sync-engine';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';
import { MemoryClientDocs, MemoryServer } from './memory-team';

const body = (text: string): RichTextDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function device(db: DiscoveryDb, server: MemoryServer, memberId: string) {
  const stored = createSyncDocsRepository(db);
  const engine = new SyncEngine({ docs: new MemoryClientDocs(server, (key) => stored.open(key)), rows: createSyncRowsRepository(db), member: { id: memberId, name: memberId }, onError: (error) => console.error(error) });
  followSharedTableWrites(db, (table, changes) => engine.localChanges(table, changes));
  return engine;
}

describe('a new teammate’s first sync on the app database', () => {
  it('writes every team row to the tables when joining with an empty workspace', async () => {
    const server = new MemoryServer();
    const dbA = await openTestDatabase('first-a');
    const notesA = createNotesRepository(dbA, createTestDependencies());
    await notesA.ensureCounts();
    const a = device(dbA, server, 'ada');
    await a.start();
    for (let index = 0; index < 20; index += 1) await notesA.create({ channel: 'coffee-chat', title: `Chat ${index}`, body: body(`words ${index}`), occurredAt: index, tags: [] });
    await a.whenIdle();

    const dbB = await openTestDatabase('first-b');
    await createNotesRepository(dbB, createTestDependencies()).ensureCounts();
    const b = device(dbB, server, 'bob');
    await b.start({ pauseRemote: true });
    await b.mergeLocalWorkspace();
    await b.whenIdle();
    expect(await dbB.notes.count()).toBe(20);
    expect((await readNoteCounts(dbB))?.total).toBe(20);
    // Writing the team's rows here is not an edit of Bob's: no history entry names him.
    for (const note of await dbB.notes.toArray()) expect((await b.historyOf('notes', note.id)).map((entry) => [entry.field, entry.memberId])).toEqual([['$created', 'ada']]);
  }, 30_000);
});

