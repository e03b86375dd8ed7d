import { UserError } from '../../shared/errors/user-error';
import type { DiscoveryDb } from './discovery-db';
import { openDatabase } from './open-database';

/**
 * Opens the workspace inside an import worker. When it cannot be opened (another window is
 * upgrading it, the browser refused storage), the worker has no local log to write to: the
 * original goes to the worker's console and the import fails with a sentence for people.
 */
export async function openWorkerDatabase(name: string, doing: string): Promise<DiscoveryDb> {
  const result = await openDatabase(name);
  if (result.db !== null) return result.db;
  console.error(`The workspace could not be opened while ${doing}`, result.status.error);
  throw new UserError(
    `The workspace could not be opened while ${doing}, so nothing was imported. Close the app's other windows or tabs, reload it and import the file again.`,
  );
}
