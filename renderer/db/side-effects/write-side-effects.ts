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
  /** True when the write brings teammates' changes in (the team sync marked its transaction): not a local edit. */
  readonly isRemote: boolean;
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
  /**
   * Runs once the transaction committed, with every row it changed in this table, in write order
   * (never for an aborted transaction: a cancelled import reaches no listener). The team sync
   * takes local writes into its documents here.
   */
  readonly afterCommit?: (changes: readonly RowChange<Row>[]) => void;
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
  /** Registers side effects of a table (several sets per table run in registration order); returns the function that removes them. */
  register<Row>(table: string, effects: TableSideEffects<Row>): () => void;
  /** Calls `listener` after every committed transaction that wrote a registered table; returns the unsubscribe function. */
  onCommit(listener: CommitListener): () => void;
  /**
   * Marks a transaction (Dexie's `Transaction.idbtrans`) as one that writes teammates' changes:
   * handlers see `isRemote`, so the sync journal records only local edits.
   */
  markRemote(transaction: object): void;
  /** The DBCore middleware that runs the handlers; `DiscoveryDb` installs it. */
  readonly middleware: Middleware<DBCore>;
}

interface PendingTableWrites {
  readonly written: Set<string>;
  readonly deleted: Set<string>;
  isRangeDeleted: boolean;
  /** Kept only while a registered set has afterCommit. */
  readonly changes: RowChange<unknown>[];
}

/** A side-effect registry and the middleware running it. */
export function createWriteSideEffects(): WriteSideEffects {
  // Stored loosely: each table's handlers see only their own table's rows.
  const registrations = new Map<string, TableSideEffects<unknown>[]>();
  // The sets of a table combined into one, rebuilt on every (un)registration.
  const registry = new Map<string, TableSideEffects<unknown>>();
  const rebuild = (table: string) => {
    const sets = registrations.get(table) ?? [];
    if (sets.length === 0) registry.delete(table);
    else registry.set(table, combineTableSideEffects(sets));
  };
  const listeners = new Set<CommitListener>();
  const pending = new WeakMap<DBCoreTransaction, Map<string, PendingTableWrites>>();
  const remoteTransactions = new WeakSet<object>();

  const publish = (tables: Map<string, PendingTableWrites>) => {
    for (const [table, writes] of tables) {
      if (writes.changes.length === 0) continue;
      try {
        registry.get(table)?.afterCommit?.(writes.changes);
      } catch (error) {
        console.error('A side effect after a commit failed.', error);
      }
    }
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
      writes = { written: new Set(), deleted: new Set(), isRangeDeleted: false, changes: [] };
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
        isRemote: remoteTransactions.has(trans),
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
      registrations.set(table, [...(registrations.get(table) ?? []), stored]);
      rebuild(table);
      return () => {
        registrations.set(table, (registrations.get(table) ?? []).filter((set) => set !== stored));
        rebuild(table);
      };
    },
    markRemote(transaction) {
      remoteTransactions.add(transaction);
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
  const { beforeWrite, afterWrite, afterCommit } = effects;
  const derived: DBCoreMutateRequest = request.type !== 'delete' && beforeWrite !== undefined ? { ...request, values: request.values.map((row) => beforeWrite(row)) } : request;
  const keys: unknown[] = derived.type === 'delete' ? derived.keys : (derived.keys ?? derived.values.map((row) => table.schema.primaryKey.extractKey?.(row)));
  const before: unknown[] = (afterWrite === undefined && afterCommit === undefined) || derived.type === 'add' ? [] : await table.getMany({ trans: derived.trans, keys });
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
  if (afterCommit !== undefined) writes.changes.push(...changes);
  if (afterWrite !== undefined && changes.length > 0) await afterWrite(changes, transaction);
  return response;
}

/** Several sets of one table as one: derivations chained, handlers run in registration order. */
function combineTableSideEffects(sets: readonly TableSideEffects<unknown>[]): TableSideEffects<unknown> {
  if (sets.length === 1 && sets[0] !== undefined) return sets[0];
  const beforeWrites = sets.flatMap((set) => (set.beforeWrite === undefined ? [] : [set.beforeWrite]));
  const afterWrites = sets.flatMap((set) => (set.afterWrite === undefined ? [] : [set.afterWrite]));
  const afterRangeDeleteds = sets.flatMap((set) => (set.afterRangeDeleted === undefined ? [] : [set.afterRangeDeleted]));
  const afterCommits = sets.flatMap((set) => (set.afterCommit === undefined ? [] : [set.afterCommit]));
  const combined: { -readonly [K in keyof TableSideEffects<unknown>]: TableSideEffects<unknown>[K] } = {
    alsoWrites: [...new Set(sets.flatMap((set) => set.alsoWrites ?? []))],
  };
  if (beforeWrites.length > 0) combined.beforeWrite = (row) => beforeWrites.reduce((derived, derive) => derive(derived), row);
  if (afterWrites.length > 0) {
    combined.afterWrite = async (changes, transaction) => {
      for (const afterWrite of afterWrites) await afterWrite(changes, transaction);
    };
  }
  if (afterRangeDeleteds.length > 0) {
    combined.afterRangeDeleted = async (transaction) => {
      for (const afterRangeDeleted of afterRangeDeleteds) await afterRangeDeleted(transaction);
    };
  }
  if (afterCommits.length > 0) {
    combined.afterCommit = (changes) => {
      for (const afterCommit of afterCommits) afterCommit(changes);
    };
  }
  return combined;
}

function throwFailure(response: DBCoreMutateResponse): void {
  const failure = Object.values(response.failures)[0];
  if (failure !== undefined) throw failure;
}

function isEventTarget(value: object): value is EventTarget {
  return 'addEventListener' in value && typeof value.addEventListener === 'function';
}
