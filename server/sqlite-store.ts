import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** A workshop as the server keeps it between restarts (tokens only as hashes). */
export interface StoredWorkshop {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorTokenHash: string;
  readonly isEnded: boolean;
  readonly createdAt: number;
}

export interface StoredParticipant {
  readonly workshopId: string;
  readonly id: string;
  readonly name: string;
  /** Null until someone joins as this participant. */
  readonly tokenHash: string | null;
}

/**
 * The server's persistence: Yjs state per document plus an append-only log of updates. Every
 * update is appended synchronously before the server acknowledges it, so a `kill -9` inside the
 * store debounce loses nothing acknowledged; the debounced store only compacts the log.
 */
export interface LiveStore {
  /** The stored state (snapshot and logged updates merged), or null for a new document. Throws when the file cannot be read. */
  fetch(name: string): Uint8Array | null;
  append(name: string, update: Uint8Array): void;
  /** Replaces the snapshot with `state`, which includes every update logged so far. */
  store(name: string, state: Uint8Array): void;
  addWorkshop(workshop: StoredWorkshop): void;
  getWorkshop(id: string): StoredWorkshop | undefined;
  findWorkshopByCode(joinCode: string): StoredWorkshop | undefined;
  endWorkshop(id: string): void;
  putParticipant(participant: StoredParticipant): void;
  listParticipants(workshopId: string): readonly StoredParticipant[];
  close(): void;
}

const LOG_COMPACT_AT = 500;

interface UpdateRow {
  readonly id: number;
  readonly data: Buffer;
}

interface WorkshopRow {
  readonly id: string;
  readonly join_code: string;
  readonly facilitator_token_hash: string;
  readonly is_ended: number;
  readonly created_at: number;
}

interface ParticipantRow {
  readonly workshop_id: string;
  readonly id: string;
  readonly name: string;
  readonly token_hash: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
  CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
  CREATE TABLE IF NOT EXISTS workshops (id TEXT PRIMARY KEY, join_code TEXT NOT NULL, facilitator_token_hash TEXT NOT NULL, is_ended INTEGER NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS participants (workshop_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT, PRIMARY KEY (workshop_id, id));
`;

const toWorkshop = (row: WorkshopRow): StoredWorkshop => ({ id: row.id, joinCode: row.join_code, facilitatorTokenHash: row.facilitator_token_hash, isEnded: row.is_ended === 1, createdAt: row.created_at });

/** Opens (or creates) the SQLite file; `:memory:` for tests that need no restart. */
export function openSqliteStore(file: string): LiveStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const statements = {
    snapshot: db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
    updates: db.prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE name = ? ORDER BY id'),
    append: db.prepare<[string, Buffer]>('INSERT INTO updates (name, data) VALUES (?, ?)'),
    putSnapshot: db.prepare<[string, Buffer]>('INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state'),
    dropUpdates: db.prepare<[string, number]>('DELETE FROM updates WHERE name = ? AND id <= ?'),
    dropAllUpdates: db.prepare<[string]>('DELETE FROM updates WHERE name = ?'),
    addWorkshop: db.prepare<[string, string, string, number, number]>('INSERT INTO workshops (id, join_code, facilitator_token_hash, is_ended, created_at) VALUES (?, ?, ?, ?, ?)'),
    getWorkshop: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
    byCode: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ? AND is_ended = 0'),
    endWorkshop: db.prepare<[string]>('UPDATE workshops SET is_ended = 1 WHERE id = ?'),
    putParticipant: db.prepare<[string, string, string, string | null]>(
      'INSERT INTO participants (workshop_id, id, name, token_hash) VALUES (?, ?, ?, ?) ON CONFLICT(workshop_id, id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash',
    ),
    participants: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE workshop_id = ? ORDER BY rowid'),
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
    addWorkshop: (workshop) => void statements.addWorkshop.run(workshop.id, workshop.joinCode, workshop.facilitatorTokenHash, workshop.isEnded ? 1 : 0, workshop.createdAt),
    getWorkshop: (id) => {
      const row = statements.getWorkshop.get(id);
      return row ? toWorkshop(row) : undefined;
    },
    findWorkshopByCode: (joinCode) => {
      const row = statements.byCode.get(joinCode);
      return row ? toWorkshop(row) : undefined;
    },
    endWorkshop: (id) => void statements.endWorkshop.run(id),
    putParticipant: (participant) => void statements.putParticipant.run(participant.workshopId, participant.id, participant.name, participant.tokenHash),
    listParticipants: (workshopId) => statements.participants.all(workshopId).map((row) => ({ workshopId: row.workshop_id, id: row.id, name: row.name, tokenHash: row.token_hash })),
    close: () => db.close(),
  };
}
