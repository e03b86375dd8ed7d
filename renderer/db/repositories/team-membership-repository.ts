import { TEAM_MEMBERSHIP_META_KEY } from '../../../shared/backup/workspace-tables';
import type { JoinedTeam } from '../../sync/team-api-client';
import type { DiscoveryDb } from '../discovery-db';

/** This device's place in a team workspace (kept in `meta`, never in a workspace file: it holds the member token). */
export interface TeamMembership extends JoinedTeam {
  readonly joinedAt: number;
  /** When this device's own workspace was merged into the team's (null: not yet, it is on the next connection). */
  readonly mergedAt: number | null;
  /** Set when the server refused this device (removed from the team): syncing stays stopped, the local copy stays. */
  readonly removedMessage: string | null;
}

export interface TeamMembershipRepository {
  get(): Promise<TeamMembership | undefined>;
  save(membership: TeamMembership): Promise<void>;
  /** Changes the stored membership, if there still is one. */
  update(changes: Partial<Pick<TeamMembership, 'mergedAt' | 'removedMessage' | 'displayName' | 'role'>>): Promise<void>;
  clear(): Promise<void>;
}

export function createTeamMembershipRepository(db: DiscoveryDb): TeamMembershipRepository {
  const get = async () => parseMembership((await db.meta.get(TEAM_MEMBERSHIP_META_KEY))?.value);
  return {
    get,
    async save(membership) {
      db.assertWritable();
      await db.meta.put({ key: TEAM_MEMBERSHIP_META_KEY, value: membership });
    },
    async update(changes) {
      db.assertWritable();
      await db.transaction('rw', db.meta, async () => {
        const current = await get();
        if (current !== undefined) await db.meta.put({ key: TEAM_MEMBERSHIP_META_KEY, value: { ...current, ...changes } });
      });
    },
    async clear() {
      db.assertWritable();
      await db.meta.delete(TEAM_MEMBERSHIP_META_KEY);
    },
  };
}

/** Reads a stored membership; undefined for anything malformed (then the device is in no team). */
export function parseMembership(value: unknown): TeamMembership | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const read = (field: string): unknown => Reflect.get(value, field);
  const strings = ['serverUrl', 'workspaceId', 'memberId', 'memberToken', 'displayName'].map(read);
  const [serverUrl, workspaceId, memberId, memberToken, displayName] = strings;
  const role = read('role');
  const joinedAt = read('joinedAt');
  const mergedAt = read('mergedAt');
  const removedMessage = read('removedMessage');
  if (typeof serverUrl !== 'string' || typeof workspaceId !== 'string' || typeof memberId !== 'string' || typeof memberToken !== 'string' || typeof displayName !== 'string') return undefined;
  if ((role !== 'admin' && role !== 'member') || typeof joinedAt !== 'number') return undefined;
  return {
    serverUrl,
    workspaceId,
    memberId,
    memberToken,
    displayName,
    role,
    joinedAt,
    mergedAt: typeof mergedAt === 'number' ? mergedAt : null,
    removedMessage: typeof removedMessage === 'string' ? removedMessage : null,
  };
}
