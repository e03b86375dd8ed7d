import { openSqliteFile, sqliteDocumentLog } from '../sqlite-document-log';
import type { MemberRecord, TeamStore } from './team-store';
import { toInvite, toMember, toRole, type InviteRow, type MemberRow } from './team-store-rows';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS team_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS invites (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, uses_left INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS members (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, device_name TEXT, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, revoked INTEGER NOT NULL, joined_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);
`;

/**
 * The team store in one SQLite file (WAL, synchronous=FULL: an appended update is on disk before
 * the client hears it was saved). One server process per file.
 */
export function openSqliteTeamStore(file: string): TeamStore {
  const db = openSqliteFile(file, 'FULL');
  const documents = sqliteDocumentLog(db);
  db.exec(SCHEMA);
  const statements = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM team_meta WHERE key = ?'),
    putMetaIfAbsent: db.prepare<[string, string]>('INSERT INTO team_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING'),
    addInvite: db.prepare<[string, string, string, number, number, number, number]>('INSERT INTO invites (id, token_hash, role, uses_left, expires_at, revoked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    listInvites: db.prepare<[], InviteRow>('SELECT * FROM invites ORDER BY created_at, id'),
    revokeInvite: db.prepare<[string]>('UPDATE invites SET revoked = 1 WHERE id = ?'),
    inviteByHash: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?'),
    useInvite: db.prepare<[string]>('UPDATE invites SET uses_left = uses_left - 1 WHERE id = ?'),
    addMember: db.prepare<[string, string, string | null, string, string, number, number]>(
      'INSERT INTO members (id, display_name, device_name, role, token_hash, revoked, joined_at, last_seen_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
    ),
    memberByHash: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ?'),
    listMembers: db.prepare<[], MemberRow>('SELECT * FROM members ORDER BY joined_at, id'),
    revokeMember: db.prepare<[string]>('UPDATE members SET revoked = 1 WHERE id = ?'),
    touchMember: db.prepare<[number, string]>('UPDATE members SET last_seen_at = ? WHERE id = ?'),
  };

  const redeem = db.transaction((tokenHash: string, now: number, member: Parameters<TeamStore['redeemInvite']>[2]): MemberRecord | null => {
    const invite = statements.inviteByHash.get(tokenHash);
    if (invite === undefined || invite.revoked === 1 || invite.uses_left < 1 || Number(invite.expires_at) <= now) return null;
    statements.useInvite.run(invite.id);
    statements.addMember.run(member.id, member.displayName, member.deviceName, invite.role, member.tokenHash, member.joinedAt, member.lastSeenAt);
    return { ...member, role: toRole(invite.role), revoked: false };
  });

  return {
    kind: 'sqlite',
    fetch: async (name) => documents.fetch(name),
    append: async (name, update) => documents.append(name, update),
    store: async (name, state) => documents.store(name, state),
    async workspaceId(candidate) {
      statements.putMetaIfAbsent.run('workspaceId', candidate);
      const stored = statements.getMeta.get('workspaceId');
      if (stored === undefined) throw new Error('The workspace id could not be stored.');
      return stored.value;
    },
    addInvite: async (invite) => void statements.addInvite.run(invite.id, invite.tokenHash, invite.role, invite.usesLeft, invite.expiresAt, invite.revoked ? 1 : 0, invite.createdAt),
    listInvites: async () => statements.listInvites.all().map(toInvite),
    revokeInvite: async (id) => statements.revokeInvite.run(id).changes > 0,
    redeemInvite: async (tokenHash, now, member) => redeem(tokenHash, now, member),
    memberByTokenHash: async (tokenHash) => {
      const row = statements.memberByHash.get(tokenHash);
      return row === undefined ? undefined : toMember(row);
    },
    listMembers: async () => statements.listMembers.all().map(toMember),
    revokeMember: async (id) => statements.revokeMember.run(id).changes > 0,
    touchMember: async (id, at) => void statements.touchMember.run(at, id),
    close: async () => void db.close(),
  };
}
