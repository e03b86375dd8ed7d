import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { SyncDocStore } from '../../sync/sync-engine';
import type { DiscoveryDb } from '../discovery-db';

/**
 * The team workspace's Yjs documents on this device, kept by y-dexie in `syncDocs` (their updates
 * in `$syncDocs.doc_updates`, compacted by y-dexie). A document is loaded from its stored updates
 * (never rebuilt from rows) and stays loaded until `closeAll`.
 */
export interface SyncDocsRepository extends SyncDocStore {
  closeAll(): void;
  /** Forgets every document (leaving a team): the shared tables keep their rows. */
  clear(): Promise<void>;
}

/** The table y-dexie keeps the documents' updates in (named after `syncDocs.doc`). */
const SYNC_DOC_UPDATES_TABLE = '$syncDocs.doc_updates';

export function createSyncDocsRepository(db: DiscoveryDb): SyncDocsRepository {
  const loaded = new Set<Y.Doc>();
  return {
    async open(key) {
      db.assertWritable();
      const stored = (await db.syncDocs.get(key)) ?? (await db.transaction('rw', db.syncDocs, async () => {
        if ((await db.syncDocs.get(key)) === undefined) await db.syncDocs.add({ key });
        return db.syncDocs.get(key);
      }));
      if (stored === undefined) throw new Error(`The team document ${key} could not be created.`);
      const doc = stored.doc;
      const provider = DexieYProvider.load(doc);
      await provider.whenLoaded;
      loaded.add(doc);
      return doc;
    },
    closeAll() {
      for (const doc of loaded) DexieYProvider.release(doc);
      loaded.clear();
    },
    async clear() {
      for (const doc of loaded) DexieYProvider.release(doc);
      loaded.clear();
      const updates = db.table(SYNC_DOC_UPDATES_TABLE);
      await db.transaction('rw', db.syncDocs, updates, async () => {
        await db.syncDocs.clear();
        await updates.clear();
      });
    },
  };
}
