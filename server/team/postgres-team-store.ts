import pg from 'pg';
import * as Y from 'yjs';
import { toInvite, toMember, toRole, type InviteRow, type MemberRow } from './team-store-rows';
import type { TeamStore } from './team-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS team_documents (name TEXT PRIMARY KEY, state BYTEA NOT NULL);
  CREATE TABLE IF NOT EXISTS team_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL);
  CREATE INDEX IF NOT EXISTS team_updates_by_name ON team_updates (name, id);
  CREATE TABLE IF NOT EXISTS team_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS team_invites (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, uses_left INTEGER NOT NULL, expires_at BIGINT NOT NULL, revoked INTEGER NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS team_members (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, device_name TEXT, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, revoked INTEGER NOT NULL, joined_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL);
`;

interface UpdateRow {
  readonly id: string;
  readonly data: Buffer;
}

/**
 * The team store on PostgreSQL (tables created on start). Several server instances behind Redis
 * may share it: a store merges the instance's state with whatever other instances logged, so a
 * compaction never drops an update another instance appended.
 */
export async function openPostgresTeamStore(url: string): Promise<TeamStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5000 });
  // An idle client whose server went away (a PostgreSQL restart) emits 'error' on the pool; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT pg_advisory_lock(7319001)');
  try {
    await pool.query(SCHEMA);
  } finally {
    await pool.query('SELECT pg_advisory_unlock(7319001)');
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (caught) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw caught;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    async fetch(name) {
      const snapshot = await pool.query<{ state: Buffer }>('SELECT state FROM team_documents WHERE name = $1', [name]);
      const updates = await pool.query<UpdateRow>('SELECT id, data FROM team_updates WHERE name = $1 ORDER BY id', [name]);
      const first = snapshot.rows[0];
      if (first === undefined && updates.rows.length === 0) return null;
      return Y.mergeUpdates([...(first ? [new Uint8Array(first.state)] : []), ...updates.rows.map((row) => new Uint8Array(row.data))]);
    },
    async append(name, update) {
      await pool.query('INSERT INTO team_updates (name, data) VALUES ($1, $2)', [name, Buffer.from(update)]);
    },
    async store(name, state) {
      await inTransaction(async (client) => {
        // One compaction per document at a time, across instances.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
        const updates = await client.query<UpdateRow>('SELECT id, data FROM team_updates WHERE name = $1 ORDER BY id', [name]);
        const last = updates.rows.at(-1);
        const merged = last === undefined ? state : Y.mergeUpdates([state, ...updates.rows.map((row) => new Uint8Array(row.data))]);
        await client.query('INSERT INTO team_documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET state = excluded.state', [name, Buffer.from(merged)]);
        // Exactly the rows merged, not `id <= last`: another instance's append may take a lower id
        // and commit after this read, and deleting it unmerged would lose an acknowledged update.
        if (last !== undefined) await client.query('DELETE FROM team_updates WHERE name = $1 AND id = ANY($2::bigint[])', [name, updates.rows.map((row) => row.id)]);
      });
    },
    async workspaceId(candidate) {
      await pool.query('INSERT INTO team_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['workspaceId', candidate]);
      const stored = await pool.query<{ value: string }>('SELECT value FROM team_meta WHERE key = $1', ['workspaceId']);
      const row = stored.rows[0];
      if (row === undefined) throw new Error('The workspace id could not be stored.');
      return row.value;
    },
    async addInvite(invite) {
      await pool.query('INSERT INTO team_invites (id, token_hash, role, uses_left, expires_at, revoked, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        invite.id,
        invite.tokenHash,
        invite.role,
        invite.usesLeft,
        invite.expiresAt,
        invite.revoked ? 1 : 0,
        invite.createdAt,
      ]);
    },
    listInvites: async () => (await pool.query<InviteRow>('SELECT * FROM team_invites ORDER BY created_at, id')).rows.map(toInvite),
    revokeInvite: async (id) => ((await pool.query('UPDATE team_invites SET revoked = 1 WHERE id = $1', [id])).rowCount ?? 0) > 0,
    redeemInvite: (tokenHash, now, member) =>
      inTransaction(async (client) => {
        const found = await client.query<InviteRow>('SELECT * FROM team_invites WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
        const invite = found.rows[0];
        if (invite === undefined || invite.revoked === 1 || Number(invite.uses_left) < 1 || Number(invite.expires_at) <= now) return null;
        await client.query('UPDATE team_invites SET uses_left = uses_left - 1 WHERE id = $1', [invite.id]);
        await client.query('INSERT INTO team_members (id, display_name, device_name, role, token_hash, revoked, joined_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7)', [
          member.id,
          member.displayName,
          member.deviceName,
          invite.role,
          member.tokenHash,
          member.joinedAt,
          member.lastSeenAt,
        ]);
        return { ...member, role: toRole(invite.role), revoked: false };
      }),
    async memberByTokenHash(tokenHash) {
      const row = (await pool.query<MemberRow>('SELECT * FROM team_members WHERE token_hash = $1', [tokenHash])).rows[0];
      return row === undefined ? undefined : toMember(row);
    },
    listMembers: async () => (await pool.query<MemberRow>('SELECT * FROM team_members ORDER BY joined_at, id')).rows.map(toMember),
    revokeMember: async (id) => ((await pool.query('UPDATE team_members SET revoked = 1 WHERE id = $1', [id])).rowCount ?? 0) > 0,
    async touchMember(id, at) {
      await pool.query('UPDATE team_members SET last_seen_at = $1 WHERE id = $2', [at, id]);
    },
    close: () => pool.end(),
  };
}
