import type { CommittedTableWrites } from './write-side-effects';

/** Above this many keys in one table a commit is announced without its keys: read the table again. */
export const MAX_ANNOUNCED_KEYS = 5_000;

/** What every context (window, worker) hears of a commit to a workspace: the keys, never the rows. */
export interface CommittedWritesMessage {
  readonly type: 'committed';
  readonly tables: readonly CommittedTableWrites[];
}

/** The channel name of a workspace's commits; every window and worker on it hears every commit. */
export function committedWritesChannelName(databaseName: string): string {
  return `discovery-desk-committed-writes:${databaseName}`;
}

/** What a commit announces: its keys, or none and `isRangeDeleted` when there were too many to send. */
export function committedWritesMessage(tables: readonly CommittedTableWrites[]): CommittedWritesMessage {
  return {
    type: 'committed',
    tables: tables.map((writes) =>
      writes.written.length + writes.deleted.length > MAX_ANNOUNCED_KEYS ? { table: writes.table, written: [], deleted: [], isRangeDeleted: true } : writes,
    ),
  };
}

/** Tells every other context on this workspace (windows, workers) what a transaction committed. */
export function announceCommittedWrites(databaseName: string, tables: readonly CommittedTableWrites[]): void {
  if (typeof BroadcastChannel === 'undefined' || tables.length === 0) return;
  const channel = new BroadcastChannel(committedWritesChannelName(databaseName));
  try {
    channel.postMessage(committedWritesMessage(tables));
  } finally {
    channel.close();
  }
}

/** Calls `listener` with every commit another context announces on this workspace; returns the unsubscribe function. */
export function listenToCommittedWrites(databaseName: string, listener: (tables: readonly CommittedTableWrites[]) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(committedWritesChannelName(databaseName));
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const tables = parseCommittedWritesMessage(event.data);
    if (tables !== undefined) listener(tables);
  };
  return () => channel.close();
}

/** Reads a message from the channel; undefined for anything malformed. */
export function parseCommittedWritesMessage(data: unknown): readonly CommittedTableWrites[] | undefined {
  if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'committed' || !('tables' in data) || !Array.isArray(data.tables)) return undefined;
  const tables: CommittedTableWrites[] = [];
  for (const entry of data.tables as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const table: unknown = Reflect.get(entry, 'table');
    const written = stringsOf(Reflect.get(entry, 'written'));
    const deleted = stringsOf(Reflect.get(entry, 'deleted'));
    const isRangeDeleted: unknown = Reflect.get(entry, 'isRangeDeleted');
    if (typeof table !== 'string' || written === undefined || deleted === undefined || typeof isRangeDeleted !== 'boolean') return undefined;
    tables.push({ table, written, deleted, isRangeDeleted });
  }
  return tables;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}
