export type TeamRole = 'admin' | 'member';

/** A member of the team: one person on one device, known by the SHA-256 of its token. */
export interface MemberRecord {
  readonly id: string;
  readonly displayName: string;
  readonly deviceName: string | null;
  readonly role: TeamRole;
  readonly tokenHash: string;
  readonly revoked: boolean;
  readonly joinedAt: number;
  readonly lastSeenAt: number;
}

export interface InviteRecord {
  readonly id: string;
  readonly tokenHash: string;
  readonly role: TeamRole;
  readonly usesLeft: number;
  readonly expiresAt: number;
  readonly revoked: boolean;
  readonly createdAt: number;
}

/** The member an invite adds; its role comes from the invite. */
export type NewMember = Omit<MemberRecord, 'role' | 'revoked'>;

/**
 * Where the team server keeps everything: Yjs documents (snapshot plus an append-only update log;
 * `append` returns only once the update is durable, and the server acknowledges a client's
 * update only after that), the workspace id, invites and members. SQLite or PostgreSQL.
 */
export interface TeamStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The stored state (snapshot and logged updates merged), or null for a new document. Rejects when the store cannot be read. */
  fetch(name: string): Promise<Uint8Array | null>;
  append(name: string, update: Uint8Array): Promise<void>;
  /** Compacts: the snapshot becomes `state` merged with the logged updates, which are then dropped. */
  store(name: string, state: Uint8Array): Promise<void>;
  /** The workspace's id: the stored one, or `candidate` stored now on the first start. */
  workspaceId(candidate: string): Promise<string>;
  addInvite(invite: InviteRecord): Promise<void>;
  listInvites(): Promise<readonly InviteRecord[]>;
  /** False when there is no such invite. */
  revokeInvite(id: string): Promise<boolean>;
  /**
   * Uses one use of the invite with `tokenHash` and adds the member, in one transaction. Null when
   * the invite is unknown, used up, expired at `now` or revoked.
   */
  redeemInvite(tokenHash: string, now: number, member: NewMember): Promise<MemberRecord | null>;
  memberByTokenHash(tokenHash: string): Promise<MemberRecord | undefined>;
  listMembers(): Promise<readonly MemberRecord[]>;
  /** False when there is no such member. */
  revokeMember(id: string): Promise<boolean>;
  touchMember(id: string, at: number): Promise<void>;
  close(): Promise<void>;
}
