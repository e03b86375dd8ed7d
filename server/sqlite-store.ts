import { openSqliteFile, sqliteDocumentLog, type SqliteDocumentLog } from './sqlite-document-log';

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

/** The workshop server's persistence: its Yjs documents (see SqliteDocumentLog) plus workshops and participants. */
export interface LiveStore extends SqliteDocumentLog {
  addWorkshop(workshop: StoredWorkshop): void;
  getWorkshop(id: string): StoredWorkshop | undefined;
  findWorkshopByCode(joinCode: string): StoredWorkshop | undefined;
  endWorkshop(id: string): void;
  putParticipant(participant: StoredParticipant): void;
  listParticipants(workshopId: string): readonly StoredParticipant[];
  /** Replaces the workshop's tallied ballots: each participant's ballot fingerprint as the last reveal counted it. */
  putTalliedBallots(workshopId: string, fingerprints: ReadonlyMap<string, string>): void;
  /** The fingerprints of the last reveal, kept across restarts so late ballots are told apart from tallied ones. */
  talliedBallots(workshopId: string): ReadonlyMap<string, string>;
  close(): void;
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
  CREATE TABLE IF NOT EXISTS workshops (id TEXT PRIMARY KEY, join_code TEXT NOT NULL, facilitator_token_hash TEXT NOT NULL, is_ended INTEGER NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS participants (workshop_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT, PRIMARY KEY (workshop_id, id));
  CREATE TABLE IF NOT EXISTS tallied_ballots (workshop_id TEXT NOT NULL, participant_id TEXT NOT NULL, fingerprint TEXT NOT NULL, PRIMARY KEY (workshop_id, participant_id));
`;

const toWorkshop = (row: WorkshopRow): StoredWorkshop => ({ id: row.id, joinCode: row.join_code, facilitatorTokenHash: row.facilitator_token_hash, isEnded: row.is_ended === 1, createdAt: row.created_at });

/** Opens (or creates) the SQLite file; `:memory:` for tests that need no restart. */
export function openSqliteStore(file: string): LiveStore {
  const db = openSqliteFile(file, 'NORMAL');
  const documents = sqliteDocumentLog(db);
  db.exec(SCHEMA);
  const statements = {
    addWorkshop: db.prepare<[string, string, string, number, number]>('INSERT INTO workshops (id, join_code, facilitator_token_hash, is_ended, created_at) VALUES (?, ?, ?, ?, ?)'),
    getWorkshop: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
    byCode: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ? AND is_ended = 0'),
    endWorkshop: db.prepare<[string]>('UPDATE workshops SET is_ended = 1 WHERE id = ?'),
    putParticipant: db.prepare<[string, string, string, string | null]>(
      'INSERT INTO participants (workshop_id, id, name, token_hash) VALUES (?, ?, ?, ?) ON CONFLICT(workshop_id, id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash',
    ),
    participants: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE workshop_id = ? ORDER BY rowid'),
    dropTallied: db.prepare<[string]>('DELETE FROM tallied_ballots WHERE workshop_id = ?'),
    addTallied: db.prepare<[string, string, string]>('INSERT INTO tallied_ballots (workshop_id, participant_id, fingerprint) VALUES (?, ?, ?)'),
    tallied: db.prepare<[string], { participant_id: string; fingerprint: string }>('SELECT participant_id, fingerprint FROM tallied_ballots WHERE workshop_id = ?'),
  };
  const putTalliedBallots = db.transaction((workshopId: string, fingerprints: ReadonlyMap<string, string>) => {
    statements.dropTallied.run(workshopId);
    for (const [participantId, fingerprint] of fingerprints) statements.addTallied.run(workshopId, participantId, fingerprint);
  });

  return {
    fetch: documents.fetch,
    append: documents.append,
    store: documents.store,
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
    putTalliedBallots: (workshopId, fingerprints) => void putTalliedBallots(workshopId, fingerprints),
    talliedBallots: (workshopId) => new Map(statements.tallied.all(workshopId).map((row) => [row.participant_id, row.fingerprint])),
    close: () => db.close(),
  };
}
