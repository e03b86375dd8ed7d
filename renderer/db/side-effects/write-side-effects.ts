import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/** One row written or deleted by a write: what its key held before and holds after (undefined: absent). */
export interface RowChange<Row> {
  readonly key: string;
  readonly before: Row | undefined;
  readonly after: Row | undefined;
}

/** What a handler running inside the write's transaction may do: read and write other tables in it. */
export interface SideEffectTransaction {
  get(table: string, key: string): Promise<unknown>;
  put(table: string, row: object): Promise<void>;
  delete(table: string, key: string): Promise<void>;
}

/**
 * The side effects of writing one table, run on every write that reaches IndexedDB whatever code
 * issued it (a repository, an import worker, a restore, later a sync). Model: tldraw's
 * StoreSideEffects, one handler set per record type.
 */
export interface TableSideEffects<Row> {
  /** Other tables `afterWrite` writes: added to every read-write transaction on this table. */
  readonly alsoWrites?: readonly string[];
  /** Derives the stored form of each row about to be added or put (pure, synchronous). */
  readonly beforeWrite?: (row: Row) => Row;
  /** Runs inside the write's transaction after the rows were written; `before` is read only when this is set. */
  readonly afterWrite?: (changes: readonly RowChange<Row>[], transaction: SideEffectTransaction) => Promise<void>;
  /** Runs inside the transaction when a key range was deleted (a clear) without reading the rows. */
  readonly afterRangeDeleted?: (transaction: SideEffectTransaction) => Promise<void>;
}

/** The keys one committed transaction wrote and deleted in one table with side effects. */
export interface CommittedTableWrites {
  readonly table: string;
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** True when a key range was deleted (a clear): read the table again rather than trust the keys. */
  readonly isRangeDeleted: boolean;
}

export type CommitListener = (commit: readonly CommittedTableWrites[]) => void;

export interface WriteSideEffects {
  /** Registers a table's side effects; returns the function that removes them. */
  register<Row>(table: string, effects: TableSideEffects<Row>): () => void;
  /** Calls `listener` after every committed transaction that wrote a registered table; returns the unsubscribe function. */
  onCommit(listener: CommitListener): () => void;
  /** The DBCore middleware that runs the handlers; `DiscoveryDb` installs it. */
  readonly middleware: Middleware<DBCore>;
}

interface PendingTableWrites {
  readonly written: Set<string>;
  readonly deleted: Set<string>;
  isRangeDeleted: boolean;
}

/** A side-effect registry and the middleware running it. */
export function createWriteSideEffects(): WriteSideEffects {
  // Stored loosely: each table's handlers see only their own table's rows.
  const registry = new Map<string, TableSideEffects<unknown>>();
  const listeners = new Set<CommitListener>();
  const pending = new WeakMap<DBCoreTransaction, Map<string, PendingTableWrites>>();

  const publish = (tables: Map<string, PendingTableWrites>) => {
    const commit = [...tables].map(([table, writes]) => ({ table, written: [...writes.written], deleted: [...writes.deleted], isRangeDeleted: writes.isRangeDeleted }));
    for (const listener of [...listeners]) {
      try {
        listener(commit);
      } catch (error) {
        // A failing listener must not keep the others from hearing of the commit.
        console.error('A listener of committed writes failed.', error);
      }
    }
  };

  const pendingOf = (transaction: DBCoreTransaction, table: string): PendingTableWrites => {
    let tables = pending.get(transaction);
    if (tables === undefined) {
      const created = new Map<string, PendingTableWrites>();
      tables = created;
      pending.set(transaction, created);
      if (isEventTarget(transaction)) transaction.addEventListener('complete', () => publish(created));
    }
    let writes = tables.get(table);
    if (writes === undefined) {
      writes = { written: new Set(), deleted: new Set(), isRangeDeleted: false };
      tables.set(table, writes);
    }
    return writes;
  };

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'write-side-effects',
    create: (down) => {
      const storedTables = new Set(down.schema.tables.map((table) => table.name));
      const transactionAccess = (trans: DBCoreTransaction): SideEffectTransaction => ({
        get: (table, key) => down.table(table).get({ trans, key }),
        put: async (table, row) => throwFailure(await down.table(table).mutate({ type: 'put', trans, values: [row] })),
        delete: async (table, key) => throwFailure(await down.table(table).mutate({ type: 'delete', trans, keys: [key] })),
      });
      return {
        ...down,
        transaction: (stores, mode, options) => {
          if (mode !== 'readwrite') return down.transaction(stores, mode, options);
          const extra = stores.flatMap((store) => registry.get(store)?.alsoWrites ?? []).filter((store) => storedTables.has(store));
          return down.transaction([...new Set([...stores, ...extra])], mode, options);
        },
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) => {
              const effects = registry.get(tableName);
              return effects === undefined ? table.mutate(request) : mutateWithEffects(table, request, effects, transactionAccess(request.trans), pendingOf(request.trans, tableName));
            },
          };
        },
      };
    },
  };

  return {
    register(table, effects) {
      // The handlers only ever receive rows of `table`, which is what TableSideEffects<Row> declares.
      const stored = effects as TableSideEffects<unknown>;
      registry.set(table, stored);
      return () => {
        if (registry.get(table) === stored) registry.delete(table);
      };
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    middleware,
  };
}

async function mutateWithEffects(
  table: DBCoreTable,
  request: DBCoreMutateRequest,
  effects: TableSideEffects<unknown>,
  transaction: SideEffectTransaction,
  writes: PendingTableWrites,
): Promise<DBCoreMutateResponse> {
  if (request.type === 'deleteRange') {
    const response = await table.mutate(request);
    writes.isRangeDeleted = true;
    await effects.afterRangeDeleted?.(transaction);
    return response;
  }
  const { beforeWrite, afterWrite } = effects;
  const derived: DBCoreMutateRequest = request.type !== 'delete' && beforeWrite !== undefined ? { ...request, values: request.values.map((row) => beforeWrite(row)) } : request;
  const keys: unknown[] = derived.type === 'delete' ? derived.keys : (derived.keys ?? derived.values.map((row) => table.schema.primaryKey.extractKey?.(row)));
  const before: unknown[] = afterWrite === undefined || derived.type === 'add' ? [] : await table.getMany({ trans: derived.trans, keys });
  const response = await table.mutate(derived);
  const changes: RowChange<unknown>[] = [];
  keys.forEach((key, position) => {
    if (response.failures[position] !== undefined || typeof key !== 'string') return;
    if (derived.type === 'delete') {
      writes.written.delete(key);
      writes.deleted.add(key);
      changes.push({ key, before: before[position], after: undefined });
    } else {
      writes.deleted.delete(key);
      writes.written.add(key);
      changes.push({ key, before: before[position], after: derived.values[position] });
    }
  });
  if (afterWrite !== undefined && changes.length > 0) await afterWrite(changes, transaction);
  return response;
}

function throwFailure(response: DBCoreMutateResponse): void {
  const failure = Object.values(response.failures)[0];
  if (failure !== undefined) throw failure;
}

function isEventTarget(value: object): value is EventTarget {
  return 'addEventListener' in value && typeof value.addEventListener === 'function';
}
