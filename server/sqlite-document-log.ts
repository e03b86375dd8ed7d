import Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Yjs documents in SQLite: a snapshot per document plus an append-only log of updates. Every
 * update is appended synchronously before the server acknowledges it, so a `kill -9` inside the
 * store debounce loses nothing acknowledged; the debounced store only compacts the log.
 * Used by the live workshop store and the team store (one process per file).
 */
export interface SqliteDocumentLog {
  /** The stored state (snapshot and logged updates merged), or null for a new document. Throws when the file cannot be read. */
  fetch(name: string): Uint8Array | null;
  append(name: string, update: Uint8Array): void;
  /** Replaces the snapshot with `state`, which includes every update logged so far. */
  store(name: string, state: Uint8Array): void;
}

const LOG_COMPACT_AT = 500;

interface UpdateRow {
  readonly id: number;
  readonly data: Buffer;
}

/** Opens a SQLite file in WAL mode; `FULL` syncs every commit to disk, `NORMAL` only at checkpoints. */
export function openSqliteFile(file: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  return db;
}

export function sqliteDocumentLog(db: Database.Database): SqliteDocumentLog {
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
  `);
  const statements = {
    snapshot: db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
    updates: db.prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE name = ? ORDER BY id'),
    append: db.prepare<[string, Buffer]>('INSERT INTO updates (name, data) VALUES (?, ?)'),
    putSnapshot: db.prepare<[string, Buffer]>('INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state'),
    dropUpdates: db.prepare<[string, number]>('DELETE FROM updates WHERE name = ? AND id <= ?'),
    dropAllUpdates: db.prepare<[string]>('DELETE FROM updates WHERE name = ?'),
  };

  const fetch = db.transaction((name: string): Uint8Array | null => {
    const snapshot = statements.snapshot.get(name)?.state;
    const updates = statements.updates.all(name);
    if (snapshot === undefined && updates.length === 0) return null;
    const merged = Y.mergeUpdates([...(snapshot ? [new Uint8Array(snapshot)] : []), ...updates.map((row) => new Uint8Array(row.data))]);
    const last = updates.at(-1);
    if (last !== undefined && updates.length >= LOG_COMPACT_AT) {
      statements.putSnapshot.run(name, Buffer.from(merged));
      statements.dropUpdates.run(name, last.id);
    }
    return merged;
  });

  const store = db.transaction((name: string, state: Uint8Array) => {
    statements.putSnapshot.run(name, Buffer.from(state));
    statements.dropAllUpdates.run(name);
  });

  return {
    fetch: (name) => fetch(name),
    append: (name, update) => void statements.append.run(name, Buffer.from(update)),
    store: (name, state) => void store(name, state),
  };
}
