import Dexie, { type Table } from 'dexie';
import { mergeRemoteFields } from '../../../shared/sync/row-fields';
import { primaryKeyField, SYNCED_TABLES, type SyncedTable } from '../../../shared/sync/synced-tables';
import type { RemoteRowWrite, SyncRowStore } from '../../sync/sync-engine';
import type { DiscoveryDb } from '../discovery-db';
import { writeTransaction } from './write-transaction';

type Row = Readonly<Record<string, unknown>>;

/**
 * The shared tables as the team sync sees them. Other members' changes are written here, in one
 * transaction per batch, through the one write path (derived fields, note counts and the search
 * index follow as for any write); each row keeps its local fields and takes only the fields the
 * team changed.
 */
export function createSyncRowsRepository(db: DiscoveryDb): SyncRowStore {
  const tableOf = (table: SyncedTable): Table<Row, string> => db.table(table);
  return {
    read: (table, keys) => tableOf(table).bulkGet([...keys]),

    async applyRemote(writes: readonly RemoteRowWrite[], written) {
      const tables = [...new Set(writes.map((write) => write.table))].map(tableOf);
      await writeTransaction(db, tables, async () => {
        // Teammates' changes, not local edits: the sync journal leaves them out.
        const current = Dexie.currentTransaction;
        if (current !== null) db.sideEffects.markRemote(current.idbtrans);
        // One read and one write per table (bulk), not one per row: a first sync writes thousands.
        const byTable = new Map<SyncedTable, RemoteRowWrite[]>();
        for (const write of writes) byTable.set(write.table, [...(byTable.get(write.table) ?? []), write]);
        for (const [name, tableWrites] of byTable) {
          const table = tableOf(name);
          const keys = [...new Set(tableWrites.map((write) => write.key))];
          const stored = await table.bulkGet(keys);
          const rows = new Map(keys.map((key, index) => [key, stored[index]]));
          const puts = new Map<string, Row>();
          const deletes = new Set<string>();
          for (const write of tableWrites) {
            const local = rows.get(write.key);
            if (write.remote === undefined) {
              if (local === undefined) continue;
              written(name, write.key, undefined);
              rows.set(write.key, undefined);
              puts.delete(write.key);
              deletes.add(write.key);
              continue;
            }
            const row = mergeRemoteFields(local, write.remote, write.changed);
            row[primaryKeyField(name)] = write.key;
            written(name, write.key, row);
            rows.set(write.key, row);
            deletes.delete(write.key);
            puts.set(write.key, row);
          }
          if (deletes.size > 0) await table.bulkDelete([...deletes]);
          if (puts.size > 0) await table.bulkPut([...puts.values()]);
        }
      });
    },

    async *pages(table, pageSize) {
      let last: string | undefined;
      for (;;) {
        const page = await (last === undefined ? tableOf(table).orderBy(':id') : tableOf(table).where(':id').above(last)).limit(pageSize).toArray();
        if (page.length === 0) return;
        yield page;
        const key = page[page.length - 1]?.[primaryKeyField(table)];
        if (typeof key !== 'string' || page.length < pageSize) return;
        last = key;
      }
    },
  };
}

/** Every shared table's committed writes go to `listener` (the sync engine, once the device joined a team). */
export function followSharedTableWrites(db: DiscoveryDb, listener: (table: SyncedTable, changes: readonly { key: string; before: unknown; after: unknown }[]) => void): () => void {
  const unregister = SYNCED_TABLES.map((table) => db.sideEffects.register<unknown>(table, { afterCommit: (changes) => listener(table, changes) }));
  return () => {
    for (const stop of unregister) stop();
  };
}
