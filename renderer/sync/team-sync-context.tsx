import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useDatabase } from '../db';
import { logUnexpectedError } from '../errors/error-log';
import { NOT_JOINED, TeamSync, type TeamSyncStatus } from './team-sync';

interface TeamSyncState {
  /** Null while the workspace is read-only (written by a newer version): nothing syncs then. */
  readonly sync: TeamSync | null;
  readonly status: TeamSyncStatus;
}

const TeamSyncContext = createContext<TeamSyncState>({ sync: null, status: NOT_JOINED });

/**
 * Runs this window's team sync for the open workspace (see TeamSync): started with the app,
 * syncing only when this device joined a team, stopped when the window closes.
 */
export function TeamSyncProvider({ children }: { readonly children: ReactNode }) {
  const { db, isReadOnly } = useDatabase();
  const sync = useMemo(() => {
    if (isReadOnly) return null;
    const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
    return new TeamSync({ db, locks, logError: logUnexpectedError });
  }, [db, isReadOnly]);
  const status = useSyncExternalStore(
    (onChange) => sync?.onStatus(onChange) ?? (() => undefined),
    () => sync?.status ?? NOT_JOINED,
  );
  useEffect(() => {
    if (sync === null) return undefined;
    sync.start();
    return () => void sync.stop();
  }, [sync]);
  const state = useMemo(() => ({ sync, status }), [sync, status]);
  return <TeamSyncContext.Provider value={state}>{children}</TeamSyncContext.Provider>;
}

/** This window's team sync and its status. */
export function useTeamSync(): TeamSyncState {
  return useContext(TeamSyncContext);
}
