import { afterEach } from 'vitest';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { openDatabase } from '../../../renderer/db/open-database';
import { uniqueDatabaseName } from './unique-database-name';

const openDatabases: DiscoveryDb[] = [];

afterEach(() => {
  for (const db of openDatabases.splice(0)) db.close();
});

/** Opens a fresh, empty database through openDatabase; closed after each test. */
export async function openTestDatabase(label?: string): Promise<DiscoveryDb> {
  const result = await openDatabase(uniqueDatabaseName(label));
  if (result.db === null || result.status !== 'ready') throw new Error('The test database did not open ready.');
  openDatabases.push(result.db);
  return result.db;
}
