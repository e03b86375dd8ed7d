import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { primaryKeyField, type SyncedTable } from '../../../shared/sync/synced-tables';
import { SyncEngine, type RemoteRowWrite, type SyncDocStore, type SyncRowStore } from '../../../renderer/sync/sync-engine';
import { mergeRemoteFields } from '../../../shared/sync/row-fields';

type Row = Readonly<Record<string, unknown>>;

const NET = 'memory-network';

/**
 * A server holding one replica per document and clients syncing with it through y-protocols
 * messages (sync step 1 and 2 on connect, updates while connected), all in memory. A client can
 * go offline; coming back runs the handshake again, as Hocuspocus does.
 */
export class MemoryServer {
  readonly docs = new Map<string, Y.Doc>();
  private readonly clients = new Set<MemoryClientDocs>();

  serverDoc(key: string): Y.Doc {
    let doc = this.docs.get(key);
    if (doc === undefined) {
      const created = new Y.Doc();
      doc = created;
      this.docs.set(key, created);
      created.on('update', (update: Uint8Array, origin: unknown) => {
        for (const client of this.clients) if (client !== origin) client.receive(key, update);
      });
    }
    return doc;
  }

  attach(client: MemoryClientDocs): void {
    this.clients.add(client);
  }
}

/** Sends one document's updates through a y-protocols message, as a socket would. */
function deliver(update: Uint8Array, to: Y.Doc, origin: unknown): void {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), to, origin);
}

/** Runs the connect handshake between a client's replica and the server's. */
function handshake(client: Y.Doc, server: Y.Doc, clientOrigin: unknown): void {
  const step1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(step1, client);
  const reply = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(step1)), reply, server, clientOrigin);
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(reply)), encoding.createEncoder(), client, NET);
  const serverStep1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(serverStep1, server);
  const clientReply = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(serverStep1)), clientReply, client, NET);
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(clientReply)), encoding.createEncoder(), server, clientOrigin);
}

/** One client's documents: kept across going offline (its local storage), synced while online. */
export class MemoryClientDocs implements SyncDocStore {
  readonly docs = new Map<string, Y.Doc>();
  private online = true;

  constructor(
    private readonly server: MemoryServer,
    /** Where documents come from (y-dexie in the Dexie tests); fresh ones by default. */
    private readonly load: (key: string) => Promise<Y.Doc> = () => Promise.resolve(new Y.Doc()),
  ) {
    server.attach(this);
  }

  async open(key: string): Promise<Y.Doc> {
    let doc = this.docs.get(key);
    if (doc === undefined) {
      const created = await this.load(key);
      doc = created;
      this.docs.set(key, created);
      created.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== NET && this.online) deliver(update, this.server.serverDoc(key), this);
      });
      if (this.online) handshake(created, this.server.serverDoc(key), this);
    }
    return doc;
  }

  receive(key: string, update: Uint8Array): void {
    const doc = this.docs.get(key);
    if (doc !== undefined && this.online) deliver(update, doc, NET);
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) for (const [key, doc] of this.docs) handshake(doc, this.server.serverDoc(key), this);
  }

  get isOnline(): boolean {
    return this.online;
  }
}

/**
 * A client's tables in memory, standing in for Dexie and the write path: every committed write
 * reports its changes (before and after) to the engine, as afterCommit does in the app; the
 * derived fields are recomputed on each write.
 */
export class MemoryRows implements SyncRowStore {
  readonly tables = new Map<SyncedTable, Map<string, Row>>();
  engine: SyncEngine | undefined;

  table(table: SyncedTable): Map<string, Row> {
    let rows = this.tables.get(table);
    if (rows === undefined) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }

  read(table: SyncedTable, keys: readonly string[]): Promise<(Row | undefined)[]> {
    return Promise.resolve(keys.map((key) => this.table(table).get(key)));
  }

  /** A local write (a repository's put): committed, then reported. */
  put(table: SyncedTable, row: Row): void {
    const key = String(row[primaryKeyField(table)]);
    const before = this.table(table).get(key);
    const after = derive(table, row);
    this.table(table).set(key, after);
    this.engine?.localChanges(table, [{ key, before, after }]);
  }

  delete(table: SyncedTable, key: string): void {
    const before = this.table(table).get(key);
    if (before === undefined) return;
    this.table(table).delete(key);
    this.engine?.localChanges(table, [{ key, before, after: undefined }]);
  }

  applyRemote(writes: readonly RemoteRowWrite[], written: (table: SyncedTable, key: string, row: Row | undefined) => void): Promise<void> {
    const changes: { table: SyncedTable; key: string; before: Row | undefined; after: Row | undefined }[] = [];
    for (const write of writes) {
      const before = this.table(write.table).get(write.key);
      if (write.remote === undefined) {
        if (before === undefined) continue;
        this.table(write.table).delete(write.key);
        written(write.table, write.key, undefined);
        changes.push({ table: write.table, key: write.key, before, after: undefined });
        continue;
      }
      const after = derive(write.table, mergeRemoteFields(before, write.remote, write.changed));
      this.table(write.table).set(write.key, after);
      written(write.table, write.key, after);
      changes.push({ table: write.table, key: write.key, before, after });
    }
    // The commit: the write path reports every change, echoes included.
    for (const change of changes) this.engine?.localChanges(change.table, [change]);
    return Promise.resolve();
  }

  async *pages(table: SyncedTable, pageSize: number): AsyncIterable<readonly Row[]> {
    const rows = [...this.table(table).values()];
    for (let start = 0; start < rows.length; start += pageSize) yield rows.slice(start, start + pageSize);
  }
}

function derive(table: SyncedTable, row: Row): Row {
  return table === 'notes' && typeof row.title === 'string' ? { ...row, plainText: `derived:${row.title}` } : row;
}

export interface MemoryClient {
  readonly docs: MemoryClientDocs;
  readonly rows: MemoryRows;
  readonly engine: SyncEngine;
}

export function createMemoryClient(server: MemoryServer, memberId: string, now: () => number, rows = new MemoryRows()): MemoryClient {
  const docs = new MemoryClientDocs(server);
  const engine = new SyncEngine({
    docs,
    rows,
    member: { id: memberId, name: `Member ${memberId}` },
    now,
    onError: (error) => {
      throw error;
    },
  });
  rows.engine = engine;
  return { docs, rows, engine };
}

/** Waits until no engine has anything queued (a remote write can queue more work on the others). */
export async function settle(clients: readonly Pick<MemoryClient, 'engine'>[]): Promise<void> {
  let queues = clients.map((client) => client.engine.whenIdle());
  for (let round = 0; round < 50; round += 1) {
    await Promise.all(queues);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = clients.map((client) => client.engine.whenIdle());
    if (next.every((queue, index) => queue === queues[index])) return;
    queues = next;
  }
  throw new Error('The replicas kept exchanging changes: they did not settle.');
}
