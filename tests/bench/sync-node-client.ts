import WebSocket from 'ws';
import * as Y from 'yjs';
import { SyncEngine, type LocalRowChange, type SyncRowStore } from '../../renderer/sync/sync-engine';
import { TeamTransport } from '../../renderer/sync/team-transport';
import type { SyncedTable } from '../../shared/sync/synced-tables';

export interface TeamMember {
  readonly memberToken: string;
  readonly memberId: string;
  readonly workspaceId: string;
}

/** A teammate's device in Node: the app's sync engine and transport, its documents in memory (no tables: what arrives is not written anywhere). */
export interface NodeTeammate {
  readonly engine: SyncEngine;
  readonly transport: TeamTransport;
  /** Local writes, as the write path reports them after a commit. */
  write(table: SyncedTable, changes: readonly LocalRowChange[]): Promise<void>;
  /** Resolves once every document synced with the server and every change was acknowledged. */
  synced(): Promise<void>;
  /** Each document's encoded state size in bytes, by key. */
  docSizes(): Promise<Map<string, number>>;
  destroy(): void;
}

const noRows: SyncRowStore = {
  read: (_table, keys) => Promise.resolve(keys.map(() => undefined)),
  applyRemote: () => Promise.resolve(),
  async *pages() {
    // A device with nothing of its own.
  },
};

export async function nodeTeammate(serverUrl: string, member: TeamMember, name: string): Promise<NodeTeammate> {
  const engine = new SyncEngine({ docs: { open: () => Promise.resolve(new Y.Doc()) }, rows: noRows, member: { id: member.memberId, name } });
  await engine.start();
  const transport = new TeamTransport({ serverUrl, workspaceId: member.workspaceId, memberToken: member.memberToken, WebSocketPolyfill: WebSocket });
  transport.connect(await engine.openDocs());
  const stopFollowing = engine.onDocOpened(() => void engine.openDocs().then((docs) => transport.connect(docs)));
  return {
    engine,
    transport,
    async write(table, changes) {
      engine.localChanges(table, changes);
      await engine.whenIdle();
      transport.connect(await engine.openDocs());
    },
    async synced() {
      await engine.whenIdle();
      await transport.whenSynced();
    },
    async docSizes() {
      const docs = await engine.openDocs();
      return new Map([...docs].map(([key, doc]) => [key, Y.encodeStateAsUpdate(doc).byteLength]));
    },
    destroy() {
      stopFollowing();
      engine.stop();
      transport.destroy();
    },
  };
}
