import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NodeTestWebSocket } from './node-websocket';
import * as Y from 'yjs';

/** One device's connection to the workshop server: one socket, one provider per document. */
export interface LiveClient {
  readonly socket: HocuspocusProviderWebsocket;
  open(name: string, token: string, doc?: Y.Doc): LiveDocumentClient;
  destroy(): void;
}

export interface LiveDocumentClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the first sync is done; rejects when the server refuses the document. */
  readonly ready: Promise<void>;
  /** Resolves once every local change has been acknowledged by the server. */
  acknowledged(): Promise<void>;
}

export function liveClient(url: string): LiveClient {
  const socket = new HocuspocusProviderWebsocket({ url: url.replace(/^http/, 'ws'), WebSocketPolyfill: NodeTestWebSocket, maxAttempts: 0, delay: 50, maxDelay: 500, minDelay: 50, factor: 1.5 });
  const providers: HocuspocusProvider[] = [];
  return {
    socket,
    open(name, token, doc = new Y.Doc()) {
      let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
      const ready = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        token,
        document: doc,
        onSynced: () => settle.resolve(),
        onAuthenticationFailed: ({ reason }) => settle.reject(new Error(`refused: ${reason}`)),
      });
      provider.attach();
      providers.push(provider);
      return {
        doc,
        provider,
        ready,
        acknowledged: () =>
          new Promise<void>((resolve) => {
            if (!provider.hasUnsyncedChanges) return resolve();
            const check = () => {
              if (provider.hasUnsyncedChanges) return;
              provider.off('unsyncedChanges', check);
              resolve();
            };
            provider.on('unsyncedChanges', check);
          }),
      };
    },
    destroy() {
      for (const provider of providers) provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `read()` returns true, checking on every change of `doc` (no timers: the test's own timeout bounds it). */
export function until(doc: Y.Doc, read: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (read()) return resolve();
    const check = () => {
      if (!read()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}
