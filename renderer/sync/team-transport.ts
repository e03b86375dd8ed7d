import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as Y from 'yjs';

/** What the status indicator shows: connected or not, changes the server has not acknowledged, the last sync, a refusal. */
export interface TeamTransportStatus {
  readonly connected: boolean;
  readonly waitingChanges: number;
  readonly lastSyncedAt: number | null;
  /** Set when the server refused this device (revoked or unknown token): syncing stops, the local copy stays. */
  readonly refused: string | null;
}

export interface TeamTransportOptions {
  /** The team server's address, `http(s)://host:port/`. */
  readonly serverUrl: string;
  readonly workspaceId: string;
  readonly memberToken: string;
  readonly now?: () => number;
  /** A WebSocket implementation where there is no global one (Node tests). */
  readonly WebSocketPolyfill?: unknown;
}

/** The team server's WebSocket address for an HTTP(S) server address (the contract: `/sync` on the same port). */
export function syncSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/sync`;
  return url.toString();
}

/**
 * Connects the team's documents to the team server over one WebSocket (Hocuspocus), each under
 * `ws/<workspaceId>/<key>` with the member token. Hocuspocus exchanges state vectors on every
 * connect, so what was written offline goes out when the socket comes back.
 */
export class TeamTransport {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, HocuspocusProvider>();
  private readonly listeners = new Set<(status: TeamTransportStatus) => void>();
  private connected = false;
  private lastSyncedAt: number | null = null;
  private refused: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TeamTransportOptions) {
    this.now = options.now ?? Date.now;
    this.socket = new HocuspocusProviderWebsocket({
      url: syncSocketUrl(options.serverUrl),
      ...(options.WebSocketPolyfill === undefined ? {} : { WebSocketPolyfill: options.WebSocketPolyfill }),
    });
    this.socket.on('status', ({ status }: { status: string }) => {
      this.connected = status === 'connected';
      this.emit();
    });
  }

  /** Connects every document not connected yet. */
  connect(docs: ReadonlyMap<string, Y.Doc>): void {
    if (this.refused !== null) return;
    for (const [key, document] of docs) {
      if (this.providers.has(key)) continue;
      const provider = new HocuspocusProvider({
        websocketProvider: this.socket,
        name: `ws/${this.options.workspaceId}/${key}`,
        document,
        token: this.options.memberToken,
        onSynced: () => {
          this.lastSyncedAt = this.now();
          this.emit();
        },
        onUnsyncedChanges: () => this.emit(),
        onAuthenticationFailed: ({ reason }) => this.refuse(reason),
      });
      provider.attach();
      this.providers.set(key, provider);
    }
  }

  /** Whether every connected document has had its first exchange with the server. */
  get isSynced(): boolean {
    return [...this.providers.values()].every((provider) => provider.isSynced);
  }

  /** Resolves once every connected document synced with the server (or rejects when refused). */
  whenSynced(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (status: TeamTransportStatus) => {
        if (status.refused !== null) {
          this.listeners.delete(check);
          reject(new Error(status.refused));
        } else if (this.isSynced && status.waitingChanges === 0) {
          this.listeners.delete(check);
          resolve();
        }
      };
      this.listeners.add(check);
      check(this.status);
    });
  }

  get status(): TeamTransportStatus {
    const waitingChanges = [...this.providers.values()].reduce((sum, provider) => sum + provider.unsyncedChanges, 0);
    return { connected: this.connected, waitingChanges, lastSyncedAt: this.lastSyncedAt, refused: this.refused };
  }

  onStatus(listener: (status: TeamTransportStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the socket and stays disconnected until `resume` (the device went offline): changes keep waiting here. */
  pause(): void {
    if (this.refused !== null) return;
    this.socket.disconnect();
    this.connected = false;
    this.emit();
  }

  /** Connects again after `pause` (the device is back online); Hocuspocus exchanges what each side missed. */
  resume(): void {
    if (this.refused !== null) return;
    void this.socket.connect().catch(() => undefined);
  }

  destroy(): void {
    for (const provider of this.providers.values()) provider.destroy();
    this.providers.clear();
    this.socket.destroy();
  }

  private refuse(reason: string): void {
    this.refused = `This device was removed from the team or its access is no longer valid (${reason}). Syncing stopped; everything on this device is kept. Join again with a new invite to sync.`;
    for (const provider of this.providers.values()) provider.destroy();
    this.providers.clear();
    this.socket.destroy();
    this.emit();
  }

  private emit(): void {
    const status = this.status;
    for (const listener of [...this.listeners]) listener(status);
  }
}
