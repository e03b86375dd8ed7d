import type { ServerLog } from '../server-log';
import { hashToken, newId, newSecretToken } from './team-tokens';
import type { InviteRecord, MemberRecord, TeamRole, TeamStore } from './team-store';

const HOUR_MS = 3_600_000;
export const DEFAULT_INVITE_HOURS = 7 * 24;
/** lastSeenAt is written at most this often per member. */
const TOUCH_EVERY_MS = 60_000;

export interface CreatedInvite {
  readonly id: string;
  readonly inviteToken: string;
  readonly role: TeamRole;
  readonly expiresAt: number;
}

export interface JoinedMember {
  readonly member: MemberRecord;
  readonly memberToken: string;
}

/**
 * Invites and members over the store: tokens are made here and only their hashes stored. Revoked
 * members are remembered in memory too, so every message of an open connection can be checked
 * without a store round trip.
 */
export function createTeamMembers(store: TeamStore, now: () => number, log: ServerLog) {
  const revoked = new Set<string>();
  const touchedAt = new Map<string, number>();

  async function createInvite(role: TeamRole, uses = 1, expiresInHours = DEFAULT_INVITE_HOURS): Promise<CreatedInvite> {
    const inviteToken = newSecretToken();
    const invite: InviteRecord = { id: newId('i_'), tokenHash: hashToken(inviteToken), role, usesLeft: uses, expiresAt: now() + expiresInHours * HOUR_MS, revoked: false, createdAt: now() };
    await store.addInvite(invite);
    log.info('invite-created', { inviteId: invite.id, role, uses, expiresAt: new Date(invite.expiresAt).toISOString() });
    return { id: invite.id, inviteToken, role, expiresAt: invite.expiresAt };
  }

  async function join(inviteToken: string, displayName: string, deviceName: string | null): Promise<JoinedMember | null> {
    const memberToken = newSecretToken();
    const at = now();
    const member = await store.redeemInvite(hashToken(inviteToken), at, { id: newId('m_'), displayName, deviceName, tokenHash: hashToken(memberToken), joinedAt: at, lastSeenAt: at });
    if (member === null) return null;
    log.info('member-joined', { memberId: member.id, role: member.role });
    return { member, memberToken };
  }

  /** The member holding `token`, or null when it is unknown or revoked. */
  async function memberFor(token: string): Promise<MemberRecord | null> {
    const member = await store.memberByTokenHash(hashToken(token));
    if (member === undefined) return null;
    if (member.revoked) {
      revoked.add(member.id);
      return null;
    }
    const at = now();
    if (at - (touchedAt.get(member.id) ?? 0) >= TOUCH_EVERY_MS) {
      touchedAt.set(member.id, at);
      await store.touchMember(member.id, at);
    }
    return member;
  }

  async function revokeMember(memberId: string): Promise<boolean> {
    const found = await store.revokeMember(memberId);
    if (found) {
      revoked.add(memberId);
      log.info('member-revoked', { memberId });
    }
    return found;
  }

  return {
    createInvite,
    join,
    memberFor,
    revokeMember,
    /** Marks a member revoked here when another instance revoked it. */
    rememberRevoked: (memberId: string) => void revoked.add(memberId),
    isRevoked: (memberId: string) => revoked.has(memberId),
    listMembers: () => store.listMembers(),
    listInvites: () => store.listInvites(),
    revokeInvite: async (id: string) => {
      const found = await store.revokeInvite(id);
      if (found) log.info('invite-revoked', { inviteId: id });
      return found;
    },
  };
}

export type TeamMembers = ReturnType<typeof createTeamMembers>;
