import { createContext, useContext } from 'react';
import type { DiscoveryDb } from './discovery-db';

export interface DatabaseState {
  readonly db: DiscoveryDb;
  /** True when a newer build wrote this workspace: everything is readable, nothing is written. */
  readonly isReadOnly: boolean;
  /** The schema version this build writes. */
  readonly appSchemaVersion: number;
}

export const DatabaseContext = createContext<DatabaseState | null>(null);

/** The open workspace database, for handing to repositories. */
export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext);
  if (!state) throw new Error('useDatabase must be used inside <DatabaseGate>.');
  return state;
}
