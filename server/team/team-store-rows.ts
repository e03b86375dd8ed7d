import type { InviteRecord, MemberRecord, TeamRole } from './team-store';

/** Rows as SQLite and PostgreSQL return them (PostgreSQL gives BIGINT as strings). */
export interface MemberRow {
  readonly id: string;
  readonly display_name: string;
  readonly device_name: string | null;
  readonly role: string;
  readonly token_hash: string;
  readonly revoked: number;
  readonly joined_at: number | string;
  readonly last_seen_at: number | string;
}

export interface InviteRow {
  readonly id: string;
  readonly token_hash: string;
  readonly role: string;
  readonly uses_left: number;
  readonly expires_at: number | string;
  readonly revoked: number;
  readonly created_at: number | string;
}

export const toRole = (role: string): TeamRole => (role === 'admin' ? 'admin' : 'member');

export const toMember = (row: MemberRow): MemberRecord => ({
  id: row.id,
  displayName: row.display_name,
  deviceName: row.device_name,
  role: toRole(row.role),
  tokenHash: row.token_hash,
  revoked: row.revoked === 1,
  joinedAt: Number(row.joined_at),
  lastSeenAt: Number(row.last_seen_at),
});

export const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  tokenHash: row.token_hash,
  role: toRole(row.role),
  usesLeft: Number(row.uses_left),
  expiresAt: Number(row.expires_at),
  revoked: row.revoked === 1,
  createdAt: Number(row.created_at),
});
