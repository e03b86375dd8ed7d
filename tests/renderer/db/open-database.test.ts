import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewerSchemaError } from '../../../renderer/db/newer-schema-error';
import { openDatabase, requestPersistentStorage, type OpenDatabaseResult } from '../../../renderer/db/open-database';
import { createContactsRepository } from '../../../renderer/db/repositories/contacts-repository';
import { createMetaRepository } from '../../../renderer/db/repositories/meta-repository';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createSettingsRepository } from '../../../renderer/db/repositories/settings-repository';
import { declareSchemaVersions } from '../../../renderer/db/schema/declare-schema-versions';
import { schemaV1 } from '../../../renderer/db/schema/v1';
import { CURRENT_SCHEMA_VERSION, schemaVersions } from '../../../renderer/db/schema/versions';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import { readRawRows, readStoredShape } from './migration-harness';
import { createTestDependencies } from './create-test-dependencies';
import { uniqueDatabaseName } from './unique-database-name';

const NEXT_VERSION = CURRENT_SCHEMA_VERSION + 1;
const newerSchemaMessage =
  `This workspace was saved by a newer version of Discovery Desk (schema ${NEXT_VERSION}). ` +
  `This version (schema ${CURRENT_SCHEMA_VERSION}) will not change it: update the app to keep working.`;

const storedNote = {
  id: 'stored-note',
  channel: 'sla',
  title: 'Saved by a newer build',
  body: EMPTY_RICH_TEXT_DOC,
  plainText: '',
  occurredAt: 1,
  personIds: [],
  teams: [],
  tags: [],
  links: [],
  mood: 'hopeful',
  createdAt: 1,
  updatedAt: 1,
};

const opened: OpenDatabaseResult[] = [];
async function open(name: string): Promise<OpenDatabaseResult> {
  const result = await openDatabase(name);
  opened.push(result);
  return result;
}

afterEach(() => {
  for (const result of opened.splice(0)) result.db?.close();
  vi.restoreAllMocks();
});

/** What a newer build leaves behind: one more schema version, with a new table and index. */
async function createNewerDatabase(name: string): Promise<void> {
  const newer = new Dexie(name);
  declareSchemaVersions(newer, [
    ...schemaVersions,
    { version: NEXT_VERSION, stores: { notes: `${schemaV1.notes}, mood`, moods: 'id' } },
  ]);
  await newer.open();
  await newer.table('notes').add(storedNote);
  newer.close();
}

describe('openDatabase', () => {
  it('creates a new database, ready to write, recording the schema version', async () => {
    const name = uniqueDatabaseName('fresh');
    const { db, status } = await open(name);
    expect(status).toBe('ready');
    expect(db?.isReadOnly).toBe(false);
    expect(db?.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db && (await createMetaRepository(db).getSchemaVersion())).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('reopens an existing database of the same version as ready', async () => {
    const name = uniqueDatabaseName('reopen');
    const first = await openDatabase(name);
    first.db?.close();
    expect((await open(name)).status).toBe('ready');
  });

  it('opens every write transaction with strict durability', async () => {
    // Dexie binds IDBDatabase.transaction when it opens, so spy first.
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { db } = await open(uniqueDatabaseName('durability'));
    if (db === null) throw new Error('not open');
    expect(db._options.chromeTransactionDurability).toBe('strict');

    await createNotesRepository(db).create({ channel: 'research', title: 'Paper', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    const writeCalls = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writeCalls.length).toBeGreaterThan(0);
    for (const [, , options] of writeCalls) expect(options).toEqual({ durability: 'strict' });

    const durability = await db.transaction('rw', db.notes, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
  });

  describe('when a newer build saved the database', () => {
    it('reports the newer schema and refuses every write, leaving the data and schema as they were', async () => {
      const name = uniqueDatabaseName('newer');
      await createNewerDatabase(name);

      const { db, status } = await open(name);
      if (db === null) throw new Error('not open');
      expect(status).toEqual({ kind: 'newer-schema', storedVersion: NEXT_VERSION, appVersion: CURRENT_SCHEMA_VERSION });
      expect(db.isReadOnly).toBe(true);

      const dependencies = createTestDependencies();
      const notes = createNotesRepository(db, dependencies);
      await expect(notes.create({ channel: 'sla', title: 'Old-shaped', body: EMPTY_RICH_TEXT_DOC, occurredAt: 2 })).rejects.toThrow(
        new NewerSchemaError(NEXT_VERSION, CURRENT_SCHEMA_VERSION),
      );
      await expect(notes.create({ channel: 'sla', title: 'Old-shaped', body: EMPTY_RICH_TEXT_DOC, occurredAt: 2 })).rejects.toThrow(
        newerSchemaMessage,
      );
      await expect(notes.update('stored-note', { title: 'Changed' })).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(notes.delete('stored-note')).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(createContactsRepository(db, dependencies).create({ name: 'Ada' })).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(createSettingsRepository(db).set('theme', 'dark')).rejects.toBeInstanceOf(NewerSchemaError);

      // Reading still works, so the app can show the data it cannot change.
      expect(await notes.get('stored-note')).toEqual(storedNote);

      db.close();
      expect(await readRawRows(name, 'notes')).toEqual([storedNote]);
      expect(await readRawRows(name, 'contacts')).toEqual([]);
      expect(await readRawRows(name, 'settings')).toEqual([]);
      expect(await readStoredShape(name)).toEqual({
        nativeVersion: NEXT_VERSION * 10,
        tableNames: [...new Set(schemaVersions.flatMap((schemaVersion) => Object.keys(schemaVersion.stores))), 'moods'].sort(),
      });
    });

    it('blocks writes that bypass the repositories too', async () => {
      const name = uniqueDatabaseName('newer-direct');
      await createNewerDatabase(name);
      const { db } = await open(name);
      if (db === null) throw new Error('not open');

      await expect(db.notes.put({ ...storedNote, channel: 'research' })).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(db.transaction('rw', db.notes, () => db.notes.clear())).rejects.toBeInstanceOf(NewerSchemaError);
      expect(await db.notes.count()).toBe(1);
    });

    it('detects a newer version made with plain IndexedDB, without a meta table', async () => {
      const name = uniqueDatabaseName('newer-native');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, NEXT_VERSION * 10);
        request.onupgradeneeded = () => request.result.createObjectStore('notes', { keyPath: 'id' });
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });

      const { db, status } = await open(name);
      expect(status).toEqual({ kind: 'newer-schema', storedVersion: NEXT_VERSION, appVersion: CURRENT_SCHEMA_VERSION });
      await expect(db?.notes.add({ ...storedNote, channel: 'research' })).rejects.toBeInstanceOf(NewerSchemaError);
      db?.close();
      expect(await readStoredShape(name)).toEqual({ nativeVersion: NEXT_VERSION * 10, tableNames: ['notes'] });
    });

    it('detects a newer app schema recorded only in meta', async () => {
      const name = uniqueDatabaseName('newer-meta');
      const current = new Dexie(name);
      declareSchemaVersions(current, schemaVersions);
      await current.open();
      await current.table('meta').put({ key: 'schemaVersion', value: CURRENT_SCHEMA_VERSION + 3 });
      current.close();

      const { db, status } = await open(name);
      expect(status).toEqual({ kind: 'newer-schema', storedVersion: CURRENT_SCHEMA_VERSION + 3, appVersion: CURRENT_SCHEMA_VERSION });
      await expect(db?.settings.put({ key: 'theme', value: 'dark' })).rejects.toBeInstanceOf(NewerSchemaError);
    });

    it('stops writing when a newer build upgrades the database while this one has it open', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const name = uniqueDatabaseName('upgraded-underneath');
      const { db, status } = await open(name);
      if (db === null) throw new Error('not open');
      expect(status).toBe('ready');
      const notes = createNotesRepository(db, createTestDependencies());
      await notes.create({ channel: 'brainstorm', title: 'Before', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });

      // Dexie closes this connection to let the upgrade through, then reopens on the next call.
      await createNewerDatabase(name);

      await expect(notes.create({ channel: 'brainstorm', title: 'After', body: EMPTY_RICH_TEXT_DOC, occurredAt: 2 })).rejects.toBeInstanceOf(
        NewerSchemaError,
      );
      expect(db.isReadOnly).toBe(true);
      expect((await db.notes.toArray()).map((note) => note.title).sort()).toEqual(['Before', 'Saved by a newer build']);
    });
  });

  it('reports a failure instead of throwing when IndexedDB cannot open', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied storage.', 'UnknownError');
    });
    const result = await openDatabase(uniqueDatabaseName('broken'));
    open.mockRestore();
    expect(result.db).toBeNull();
    expect(result.status).toMatchObject({ kind: 'failed' });
  });
});

describe('requestPersistentStorage', () => {
  it('asks for persistence and reports the answer', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await requestPersistentStorage({ persisted: () => Promise.resolve(false), persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage({ persisted: () => Promise.resolve(false), persist: () => Promise.resolve(false) })).toBe(false);
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await requestPersistentStorage({ persisted: () => Promise.resolve(true), persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports unsupported without the Storage API, and false when the request fails', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(
      await requestPersistentStorage({ persisted: () => Promise.resolve(false), persist: () => Promise.reject(new Error('denied')) }),
    ).toBe(false);
  });
});
