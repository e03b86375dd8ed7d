import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../db';
import { createTeamMembershipRepository, type TeamMembership } from '../db/repositories/team-membership-repository';

/** This device's team membership, live (undefined while loading, null when in no team). */
export function useTeamMembership(): TeamMembership | null | undefined {
  const { db } = useDatabase();
  const repository = useMemo(() => createTeamMembershipRepository(db), [db]);
  return useLiveQuery(async () => (await repository.get()) ?? null, [repository]);
}
