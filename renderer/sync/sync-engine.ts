import * as Y from 'yjs';
import { changedFields, jsonEqual, sharedFields } from '../../shared/sync/row-fields';
import type { JournalFields } from '../../shared/sync/sync-journal';
import { continuesEntry, HISTORY_LIMIT, parseHistoryEntry, type RowHistoryEntry } from '../../shared/sync/row-history';
import {
  DELETED_FIELD,
  docKeyOfRow,
  FROZEN_FIELDS,
  historyArrayName,
  isSyncedRow,
  isSyncedTable,
  primaryKeyField,
  responseDocKeys,
  ROW_PREFIX,
  rowMapName,
  SYNCED_TABLES,
  tableDocKeys,
  type SyncedTable,
} from '../../shared/sync/synced-tables';

/** The origin of every change this engine makes from a local write: never written back to the tables. */
export const LOCAL_ORIGIN = 'discovery-desk-local-write';

type Row = Readonly<Record<string, unknown>>;

/** Bookkeeping every save changes: kept in sync, never listed in a record's history. */
const UNRECORDED_FIELDS: ReadonlySet<string> = new Set(['updatedAt']);

/** Who this replica writes as: every history entry names them. */
export interface SyncMember {
  readonly id: string;
  readonly name: string;
}

/** Opens the team's documents kept on this device (y-dexie in the app, memory in tests). */
export interface SyncDocStore {
  /** The document under `key`, with its stored state loaded. */
  open(key: string): Promise<Y.Doc>;
}

/** One row another member changed: the team's version of its shared fields, or undefined when deleted. */
export interface RemoteRowWrite {
  readonly table: SyncedTable;
  readonly key: string;
  readonly remote: Row | undefined;
  /** The fields that changed (only these replace the local row's), or 'all' for a row new here. */
  readonly changed: readonly string[] | 'all';
}

/** The local tables as the engine sees them (renderer/db/repositories/sync-rows-repository.ts in the app). */
export interface SyncRowStore {
  read(table: SyncedTable, keys: readonly string[]): Promise<(Row | undefined)[]>;
  /**
   * Writes other members' changes through the one write path, in one transaction; calls
   * `written` with each row as stored (undefined: deleted) before the transaction commits.
   */
  applyRemote(writes: readonly RemoteRowWrite[], written: (table: SyncedTable, key: string, row: Row | undefined) => void): Promise<void>;
  /** Every row of a table, a page at a time (for the one merge of an existing workspace). */
  pages(table: SyncedTable, pageSize: number): AsyncIterable<readonly Row[]>;
}

/** A change to one row of a table, as the write path reports it after the commit. */
export interface LocalRowChange {
  readonly key: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface SyncEngineOptions {
  readonly docs: SyncDocStore;
  readonly rows: SyncRowStore;
  readonly member: SyncMember;
  readonly now?: () => number;
  /** Called with any failure of applying a change (the engine keeps going). */
  readonly onError?: (error: unknown) => void;
}

type ChangedFields = Set<string> | 'all';

/** Stands for "changed" in a journaled row's `before`: equal to no stored value. */
const JOURNALED = Symbol('journaled');

/**
 * The team sync engine: keeps the shared tables and the team's Yjs documents the same.
 * - Local writes arrive from the write path after their commit (`localChanges`) and are set in the
 *   documents field by field (a Y.Map per row: the last writer of a field wins everywhere), each
 *   change recorded in the row's history with who made it and the value it replaced.
 * - Changes from elsewhere (the server, another replica) are read from the documents' transactions
 *   and written to the tables through the same write path, so derived data and search follow.
 * - Deletes are tombstones ($deleted in the row's map), so they propagate and an undo restores.
 * Everything goes through one queue, in order.
 */
export class SyncEngine {
  private readonly docs = new Map<string, Promise<Y.Doc>>();
  private readonly tableOfDoc = new Map<string, SyncedTable>();
  private readonly responseDocOfKey = new Map<string, string>();
  private readonly expectedEchoes = new Map<string, Row | undefined>();
  private readonly pausedRemote = new Map<string, Map<string, ChangedFields>>();
  private isRemotePaused = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;
  private isStopped = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? ((error) => console.error('Team sync failed to apply a change.', error));
  }

  /** Opens every table document (and the response chunks of every survey known). */
  async start({ pauseRemote = false }: { pauseRemote?: boolean } = {}): Promise<void> {
    this.isRemotePaused = pauseRemote;
    await Promise.all(SYNCED_TABLES.flatMap((table) => tableDocKeys(table).map((key) => this.openDoc(key, table))));
    for (const key of tableDocKeys('surveys')) {
      const doc = await this.openDoc(key, 'surveys');
      for (const name of doc.share.keys()) if (name.startsWith(ROW_PREFIX)) await this.openResponseDocs(name.slice(ROW_PREFIX.length));
    }
  }

  /** The documents open now, by key (the transport connects each). */
  async openDocs(): Promise<Map<string, Y.Doc>> {
    const entries = await Promise.all([...this.docs].map(async ([key, doc]) => [key, await doc] as const));
    return new Map(entries);
  }

  /** Calls `listener` whenever a document is opened (the transport connects it); returns the unsubscribe. */
  onDocOpened(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every queued change was applied. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.isStopped = true;
  }

  /** Local writes of a table, after their commit (the write path's afterCommit). Echoes of remote writes are dropped. */
  localChanges(table: string, changes: readonly LocalRowChange[]): void {
    if (this.isStopped || !isSyncedTable(table)) return;
    const own = changes.filter((change) => isSyncedRow(table, change.key) && !this.isEcho(table, change));
    if (own.length > 0) this.enqueue(() => this.applyLocal(table, own));
  }

  /**
   * Takes journaled local writes into the team's documents (the sync journal: writes of any window,
   * and writes committed before a crash). Each row is read as stored now and only the fields the
   * journal names are set (a teammate's change to another field, not yet written here, is not
   * undone); a row missing here is deleted. Resolves once applied; rejects when the engine stopped
   * or applying failed (the entries then stay journaled).
   */
  applyJournal(table: SyncedTable, entries: readonly { readonly key: string; readonly fields: JournalFields }[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        if (this.isStopped) {
          reject(new Error('Team sync stopped before the journal was applied.'));
          return;
        }
        try {
          const synced = entries.filter((entry) => isSyncedRow(table, entry.key));
          const rows = await this.options.rows.read(table, synced.map((entry) => entry.key));
          const changes = synced.map((entry, position): LocalRowChange => {
            const row = rows[position];
            if (row === undefined) return { key: entry.key, before: {}, after: undefined };
            if (entry.fields === 'all') return { key: entry.key, before: undefined, after: row };
            // The named fields differ from `before` whatever they hold: applyLocalChange sets each one the team does not hold yet.
            const before: Record<string, unknown> = { ...row };
            for (const field of entry.fields) before[field] = JOURNALED;
            return { key: entry.key, before, after: row };
          });
          if (changes.length > 0) await this.applyLocal(table, changes);
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error('Applying journaled changes failed.'));
        }
      });
    });
  }

  /**
   * Merges the local workspace into the team's documents, once, when joining: every local row is
   * put in (its fields set where they differ; a row deleted by the team but still here comes back),
   * then the team's rows missing here are written locally. Ids are unique, so nothing doubles.
   */
  async mergeLocalWorkspace(pageSize = 500): Promise<void> {
    for (const table of SYNCED_TABLES) {
      for await (const page of this.options.rows.pages(table, pageSize)) {
        const changes = page.flatMap((row) => {
          const key = row[primaryKeyField(table)];
          return typeof key === 'string' && isSyncedRow(table, key) ? [{ key, before: undefined, after: row }] : [];
        });
        this.enqueue(() => this.applyLocal(table, changes));
      }
    }
    await this.whenIdle();
    this.resumeRemote();
    // Every row the team has, whether it changed while paused or not.
    for (const [docKey, docPromise] of this.docs) {
      const doc = await docPromise;
      const rows = new Map<string, ChangedFields>();
      for (const name of doc.share.keys()) if (name.startsWith(ROW_PREFIX)) rows.set(name.slice(ROW_PREFIX.length), 'all');
      if (rows.size > 0) this.enqueue(() => this.applyRemote(docKey, rows));
    }
    await this.whenIdle();
  }

  /** Starts writing other members' changes to the tables (after the merge of a joining workspace). */
  resumeRemote(): void {
    if (!this.isRemotePaused) return;
    this.isRemotePaused = false;
    for (const [docKey, rows] of this.pausedRemote) this.enqueue(() => this.applyRemote(docKey, rows));
    this.pausedRemote.clear();
  }

  /** A record's history, oldest first: who changed which field, when, and what it replaced. */
  async historyOf(table: SyncedTable, key: string, surveyId?: string): Promise<RowHistoryEntry[]> {
    const docKey = table === 'surveyResponses' ? this.responseDocOfKey.get(key) : docKeyOfRow(table, key, surveyId);
    if (docKey === undefined) return [];
    const doc = await this.openDoc(docKey, table);
    return doc
      .getArray(historyArrayName(key))
      .toArray()
      .flatMap((value) => parseHistoryEntry(value) ?? []);
  }

  /** The team's version of a row (tests, and the history screen's "current value"). */
  async teamRow(table: SyncedTable, key: string, surveyId?: string): Promise<Row | undefined> {
    const docKey = table === 'surveyResponses' ? this.responseDocOfKey.get(key) : docKeyOfRow(table, key, surveyId);
    if (docKey === undefined) return undefined;
    const map = (await this.openDoc(docKey, table)).getMap(rowMapName(key));
    return map.size === 0 || map.has(DELETED_FIELD) ? undefined : sharedFields(table, map.toJSON());
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.onError(error));
  }

  private echoKey(table: string, key: string): string {
    return `${table}\u0000${key}`;
  }

  private isEcho(table: SyncedTable, change: LocalRowChange): boolean {
    const echoKey = this.echoKey(table, change.key);
    if (!this.expectedEchoes.has(echoKey)) return false;
    const expected = this.expectedEchoes.get(echoKey);
    this.expectedEchoes.delete(echoKey);
    if (expected === undefined || change.after === undefined) return expected === change.after;
    return isRecord(change.after) && jsonEqual(sharedFields(table, expected), sharedFields(table, change.after));
  }

  private openDoc(key: string, table: SyncedTable): Promise<Y.Doc> {
    const open = this.docs.get(key);
    if (open !== undefined) return open;
    this.tableOfDoc.set(key, table);
    const opening = this.options.docs.open(key).then((doc) => {
      if (table === 'surveyResponses') for (const name of doc.share.keys()) if (name.startsWith(ROW_PREFIX)) this.responseDocOfKey.set(name.slice(ROW_PREFIX.length), key);
      doc.on('afterTransaction', (transaction: Y.Transaction) => this.onDocTransaction(key, transaction));
      for (const listener of [...this.listeners]) listener();
      return doc;
    });
    this.docs.set(key, opening);
    return opening;
  }

  private async openResponseDocs(surveyId: string): Promise<void> {
    await Promise.all(responseDocKeys(surveyId).map((key) => this.openDoc(key, 'surveyResponses')));
  }

  private onDocTransaction(docKey: string, transaction: Y.Transaction): void {
    if (transaction.origin === LOCAL_ORIGIN || this.isStopped) return;
    const rows = new Map<string, ChangedFields>();
    for (const [type, keys] of transaction.changed) {
      if (type._item !== null) continue;
      const name = Y.findRootTypeKey(type);
      if (!name.startsWith(ROW_PREFIX)) continue;
      const rowKey = name.slice(ROW_PREFIX.length);
      rows.set(rowKey, new Set([...keys].flatMap((key) => (key === null ? [] : [key]))));
    }
    if (rows.size === 0) return;
    if (this.isRemotePaused) {
      const paused = this.pausedRemote.get(docKey) ?? new Map<string, ChangedFields>();
      for (const [rowKey, fields] of rows) paused.set(rowKey, unionFields(paused.get(rowKey), fields));
      this.pausedRemote.set(docKey, paused);
      return;
    }
    this.enqueue(() => this.applyRemote(docKey, rows));
  }

  private async applyRemote(docKey: string, rows: ReadonlyMap<string, ChangedFields>, { refuseFrozen = true }: { refuseFrozen?: boolean } = {}): Promise<void> {
    const table = this.tableOfDoc.get(docKey);
    if (table === undefined) return;
    const doc = await this.docs.get(docKey);
    if (doc === undefined) return;
    const keys = [...rows.keys()].filter((key) => isSyncedRow(table, key));
    const frozen = refuseFrozen ? (FROZEN_FIELDS[table] ?? []) : [];
    const locals = frozen.length > 0 ? await this.options.rows.read(table, keys) : [];
    const writes: RemoteRowWrite[] = [];
    keys.forEach((key, position) => {
      const map = doc.getMap(rowMapName(key));
      if (map.size === 0) return;
      const fields = rows.get(key) ?? 'all';
      const stored = map.toJSON();
      if (table === 'surveyResponses') this.responseDocOfKey.set(key, docKey);
      if (stored[DELETED_FIELD] !== undefined) {
        writes.push({ table, key, remote: undefined, changed: 'all' });
        return;
      }
      const remote = sharedFields(table, stored);
      const local = locals[position];
      let changed: readonly string[] | 'all' = fields === 'all' || fields.has(DELETED_FIELD) ? 'all' : [...fields];
      // A frozen field keeps the value it was created with: put it back in the team's version.
      const refused = local === undefined ? [] : frozen.filter((field) => (changed === 'all' || changed.includes(field)) && !jsonEqual(local[field], remote[field]));
      if (refused.length > 0 && local !== undefined) {
        doc.transact(() => {
          for (const field of refused) setField(map, field, local[field]);
        }, LOCAL_ORIGIN);
        for (const field of refused) remote[field] = local[field];
        changed = changed === 'all' ? 'all' : changed.filter((field) => !refused.includes(field));
      }
      writes.push({ table, key, remote, changed });
      if (table === 'surveys') void this.openResponseDocs(key);
    });
    if (writes.length === 0) return;
    await this.options.rows.applyRemote(writes, (writtenTable, key, row) => this.expectedEchoes.set(this.echoKey(writtenTable, key), row));
  }

  private async applyLocal(table: SyncedTable, changes: readonly LocalRowChange[]): Promise<void> {
    const byDoc = new Map<string, LocalRowChange[]>();
    for (const change of changes) {
      const docKey = this.docKeyOfChange(table, change);
      if (docKey === undefined) continue;
      byDoc.set(docKey, [...(byDoc.get(docKey) ?? []), change]);
    }
    for (const [docKey, docChanges] of byDoc) {
      const doc = await this.openDoc(docKey, table);
      if (table === 'surveys') for (const change of docChanges) if (change.after !== undefined) await this.openResponseDocs(change.key);
      const refused = new Map<string, ChangedFields>();
      doc.transact(() => {
        for (const change of docChanges) {
          const fields = this.applyLocalChange(table, doc, change);
          if (fields.length > 0) refused.set(change.key, new Set(fields));
        }
      }, LOCAL_ORIGIN);
      // A frozen field changed here goes back to the team's value in the local table too.
      if (refused.size > 0) await this.applyRemote(docKey, refused, { refuseFrozen: false });
      if (table === 'surveyResponses') for (const change of docChanges) this.responseDocOfKey.set(change.key, docKey);
    }
  }

  private docKeyOfChange(table: SyncedTable, change: LocalRowChange): string | undefined {
    if (table !== 'surveyResponses') return docKeyOfRow(table, change.key);
    const row = isRecord(change.after) ? change.after : isRecord(change.before) ? change.before : undefined;
    const surveyId = row?.surveyId;
    return typeof surveyId === 'string' ? docKeyOfRow(table, change.key, surveyId) : this.responseDocOfKey.get(change.key);
  }

  /** Applies one local change; returns the frozen fields it refused to change. */
  private applyLocalChange(table: SyncedTable, doc: Y.Doc, change: LocalRowChange): string[] {
    const map = doc.getMap<unknown>(rowMapName(change.key));
    const history = doc.getArray<unknown>(historyArrayName(change.key));
    // Survey responses are write-once bulk: no history kept per response.
    const record = (entry: Omit<RowHistoryEntry, 'memberId' | 'memberName' | 'at'>) => {
      if (table !== 'surveyResponses' && !UNRECORDED_FIELDS.has(entry.field)) pushHistory(history, { ...entry, memberId: this.options.member.id, memberName: this.options.member.name, at: this.now() });
    };
    const wasDeleted = map.has(DELETED_FIELD);
    const wasEmpty = map.size === 0;
    if (!isRecord(change.after)) {
      if (wasEmpty || wasDeleted) return [];
      map.set(DELETED_FIELD, { at: this.now(), by: this.options.member.id });
      record({ field: DELETED_FIELD });
      return [];
    }
    // A frozen field keeps the value the team has (a round's snapshot, a card's copy).
    const refused = wasEmpty ? [] : (FROZEN_FIELDS[table] ?? []).filter((field) => map.has(field) && isRecord(change.after) && !jsonEqual(map.get(field), change.after[field]));
    const after = refused.length === 0 ? change.after : Object.fromEntries(Object.entries(change.after).filter(([field]) => !refused.includes(field)).concat(refused.map((field) => [field, map.get(field)])));
    if (!isRecord(change.before) || wasEmpty || wasDeleted) {
      // A new row, a restored one (undo of a delete), or a local row merged in when joining.
      const fields = sharedFields(table, after);
      for (const [field, value] of Object.entries(fields)) {
        const previous = map.get(field);
        if (jsonEqual(previous, value)) continue;
        if (!wasEmpty && !wasDeleted) record(previous === undefined ? { field, value } : { field, value, previous });
        map.set(field, value);
      }
      for (const field of [...map.keys()]) {
        if (field.startsWith('$') || field in fields) continue;
        if (!wasEmpty && !wasDeleted) record({ field, previous: map.get(field) });
        map.delete(field);
      }
      if (wasDeleted) {
        map.delete(DELETED_FIELD);
        record({ field: '$restored' });
      } else if (wasEmpty) {
        record({ field: '$created' });
      }
      return refused;
    }
    for (const { field, value } of changedFields(table, change.before, after)) {
      const previous = map.get(field);
      if (jsonEqual(previous, value)) continue;
      const entry: { field: string; value?: unknown; previous?: unknown } = { field };
      if (value !== undefined) entry.value = value;
      if (previous !== undefined) entry.previous = previous;
      record(entry);
      setField(map, field, value);
    }
    return refused;
  }
}

function setField(map: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === undefined) map.delete(field);
  else map.set(field, value);
}

function pushHistory(history: Y.Array<unknown>, entry: RowHistoryEntry): void {
  const lastIndex = history.length - 1;
  const last = lastIndex >= 0 ? parseHistoryEntry(history.get(lastIndex)) : undefined;
  if (last !== undefined && continuesEntry(last, entry)) {
    history.delete(lastIndex, 1);
    const merged: { -readonly [K in keyof RowHistoryEntry]: RowHistoryEntry[K] } = { ...entry };
    if ('previous' in last) merged.previous = last.previous;
    else delete merged.previous;
    history.push([merged]);
  } else {
    history.push([entry]);
  }
  if (history.length > HISTORY_LIMIT) history.delete(0, history.length - HISTORY_LIMIT);
}

function unionFields(left: ChangedFields | undefined, right: ChangedFields): ChangedFields {
  if (left === undefined) return right;
  if (left === 'all' || right === 'all') return 'all';
  return new Set([...left, ...right]);
}

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
