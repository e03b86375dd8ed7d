import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DatabaseContext } from '../db/database-context';
import { DB_NAME } from '../db/discovery-db';
import { createSearchClient, createSearchWorker, type SearchClient } from './search-client';

const SearchClientContext = createContext<SearchClient | null>(null);

interface SearchProviderProps {
  /** Makes the client; tests pass one over an in-process service. Returns null where there are no workers. */
  readonly createClient?: (databaseName: string) => SearchClient | null;
  readonly children: ReactNode;
}

function createDefaultClient(databaseName: string): SearchClient | null {
  return typeof Worker === 'undefined' ? null : createSearchClient(() => createSearchWorker(databaseName));
}

/** Gives the tree one search client (and its worker) over the open workspace; starts indexing at once. */
export function SearchProvider({ createClient = createDefaultClient, children }: SearchProviderProps) {
  const databaseName = useContext(DatabaseContext)?.db.name ?? DB_NAME;
  // The client starts its worker only when used, so StrictMode's second initialiser call costs nothing.
  const [client] = useState(() => createClient(databaseName));

  useEffect(() => {
    if (client === null) return;
    const unsubscribe = client.subscribeStatus(() => undefined);
    return () => {
      unsubscribe();
      client.dispose();
    };
  }, [client]);

  return <SearchClientContext.Provider value={client}>{children}</SearchClientContext.Provider>;
}

/** The search client, or null outside SearchProvider or where the browser has no workers. */
export function useSearchClient(): SearchClient | null {
  return useContext(SearchClientContext);
}
