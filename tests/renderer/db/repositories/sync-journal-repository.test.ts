// @vitest-environment node
// (jsdom's realm hands fake-indexeddb Uint8Arrays it cannot clone back; y-dexie stores updates as Uint8Array.)
import { describe, expect, it } from 'vitest';
import { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createSyncDocsRepository } from '../../../../renderer/db/repositories/sync-docs-repository';
import { createSyncJournalRepository, journalSharedTableWrites } from '../../../../renderer/db/repositories/sync-journal-repository';
import { createSyncRowsRepository } from '../../../../renderer/db/repositories/sync-rows-repository';
import { SyncEngine } from '../../../../renderer/sync/sync-engine';
import { groupJournalByTable } from '../../../../shared/sync/sync-journal';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

function engineOn(db: DiscoveryDb, memberId: string) {
  const docs = createSyncDocsRepository(db);
  const engine = new SyncEngine({ docs, rows: createSyncRowsRepository(db), member: { id: memberId, name: memberId }, onError: (error) => console.error(error) });
  return { docs, engine };
}

/** What the syncing window does with the journal: apply it, then remove what was applied. */
async function takeJournal(db: DiscoveryDb, engine: SyncEngine): Promise<number> {
  const journal = createSyncJournalRepository(db);
  const entries = await journal.read(500);
  for (const [table, tableEntries] of groupJournalByTable(entries)) await engine.applyJournal(table, tableEntries);
  await journal.remove(entries);
  return entries.length;
}

describe('the sync journal (local writes reach the team documents even when nothing synced at commit time)', () => {
  it('keeps a write committed while no engine ran (a crash right after the commit, or another window) and takes it into the documents at the next start', async () => {
    const db = await openTestDatabase('journal-crash');
    const notes = createNotesRepository(db, createTestDependencies());
    const stopJournal = journalSharedTableWrites(db);
    const note = await notes.create({ channel: 'coffee-chat', title: 'Written before the crash', body: { type: 'doc', content: [] }, occurredAt: 1, tags: [] });
    await notes.update(note.id, { title: 'Renamed before the crash' });
    // The app "crashed" here: no engine saw these commits. The next start reopens the database.
    stopJournal();
    db.close();
    const reopened = new DiscoveryDb(db.name);
    await reopened.open();
    journalSharedTableWrites(reopened);
    expect(await createSyncJournalRepository(reopened).read(10)).toEqual([expect.objectContaining({ table: 'notes', key: note.id, fields: 'all' })]);

    const { engine, docs } = engineOn(reopened, 'ada');
    await engine.start();
    expect(await takeJournal(reopened, engine)).toBe(1);
    expect((await engine.teamRow('notes', note.id))?.title).toBe('Renamed before the crash');
    expect(await createSyncJournalRepository(reopened).read(10)).toEqual([]);

    // A later local change journals only the field it changed, and a delete journals the row.
    await createNotesRepository(reopened, createTestDependencies()).update(note.id, { title: 'After the restart' });
    expect((await createSyncJournalRepository(reopened).read(10))[0]?.fields).toEqual(expect.arrayContaining(['title']));
    await takeJournal(reopened, engine);
    expect((await engine.teamRow('notes', note.id))?.title).toBe('After the restart');
    await createNotesRepository(reopened, createTestDependencies()).delete(note.id);
    await takeJournal(reopened, engine);
    expect(await engine.teamRow('notes', note.id)).toBeUndefined();
    expect((await engine.historyOf('notes', note.id)).map((entry) => entry.field)).toEqual(['$created', 'title', '$deleted']);
    engine.stop();
    docs.closeAll();
    reopened.close();
  });

  it('sets only the journaled fields, so a teammate’s change to another field not yet written here is not undone', async () => {
    const db = await openTestDatabase('journal-fields');
    const notes = createNotesRepository(db, createTestDependencies());
    journalSharedTableWrites(db);
    const { engine, docs } = engineOn(db, 'ada');
    await engine.start();
    const note = await notes.create({ channel: 'coffee-chat', title: 'Shared', body: { type: 'doc', content: [] }, occurredAt: 1, tags: ['a'] });
    await takeJournal(db, engine);
    // A teammate's tag change reached the document; this device has not written it to the table yet.
    const openDocs = await engine.openDocs();
    const doc = [...openDocs.values()].find((candidate) => candidate.share.has(`r:${note.id}`));
    if (doc === undefined) throw new Error('no document holds the note');
    engine.stop();
    doc.getMap(`r:${note.id}`).set('tags', ['from-bob']);
    const restarted = engineOn(db, 'ada');
    await restarted.engine.start({ pauseRemote: true });
    await notes.update(note.id, { title: 'Renamed here' });
    await takeJournal(db, restarted.engine);
    const team = await restarted.engine.teamRow('notes', note.id);
    expect(team?.title).toBe('Renamed here');
    expect(team?.tags).toEqual(['from-bob']);
    restarted.engine.stop();
    docs.closeAll();
  });

  it('does not journal teammates’ changes written by the sync', async () => {
    const db = await openTestDatabase('journal-remote');
    journalSharedTableWrites(db);
    await createSyncRowsRepository(db).applyRemote([{ table: 'notes', key: 'n-remote', remote: { id: 'n-remote', channel: 'coffee-chat', title: 'From Bob', body: { type: 'doc', content: [] }, occurredAt: 1, tags: [], createdAt: 1, updatedAt: 1, contactIds: [] }, changed: 'all' }], () => undefined);
    expect(await db.notes.get('n-remote')).toBeDefined();
    expect(await createSyncJournalRepository(db).read(10)).toEqual([]);
  });

  it('keeps an entry a newer write changed after it was read', async () => {
    const db = await openTestDatabase('journal-stamp');
    const notes = createNotesRepository(db, createTestDependencies());
    journalSharedTableWrites(db);
    const journal = createSyncJournalRepository(db);
    const note = await notes.create({ channel: 'coffee-chat', title: 'One', body: { type: 'doc', content: [] }, occurredAt: 1, tags: [] });
    const read = await journal.read(10);
    await notes.update(note.id, { title: 'Two' });
    await journal.remove(read);
    expect(await journal.read(10)).toEqual([expect.objectContaining({ key: note.id, fields: 'all' })]);
  });
});
