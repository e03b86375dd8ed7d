import { Database } from '@hocuspocus/extension-database';
import { Hocuspocus } from '@hocuspocus/server';
import { randomBytes, randomInt } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { documentRoots, parseDocumentName } from '../shared/live-workshop/live-documents';
import { joinRequestSchema } from '../shared/live-workshop/live-workshop-input';
import { createJoinLimiter } from './join-limiter';
import { AccessRefused, createLiveWorkshops, type LiveWorkshops } from './live-workshops';
import { createConsoleLog, type ServerLog } from './server-log';
import type { LiveStore } from './sqlite-store';
import { readJsonBody, sendJson } from './http-json';
import { serveStatic } from './static-files';
import { checkClientMessage } from './update-guard';

export interface WorkshopServerOptions {
  readonly store: LiveStore;
  /** Where the built participant page is; null serves only the API. */
  readonly participantDir: string | null;
  /** PEM certificate and key: with both, the server speaks HTTPS and WSS. */
  readonly tls?: { readonly cert: string; readonly key: string } | undefined;
  readonly now?: () => number;
  readonly log?: ServerLog;
  /** How long the server waits after a change before compacting a document's stored log. */
  readonly storeDebounceMs?: number;
  /** Largest message a client may send for one document. */
  readonly maxMessageBytes?: number;
}

export interface WorkshopServer {
  readonly workshops: LiveWorkshops;
  readonly hocuspocus: Hocuspocus;
  /** Listens on exactly this address and port (0 picks a free port); resolves with the URL. */
  listen(host: string, port: number): Promise<string>;
  /** Disconnects everyone, stores every open document and closes the store. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4096;

/** The live workshop server: Hocuspocus over one HTTP(S) server that also serves the participant page and the join API. */
export function createWorkshopServer(options: WorkshopServerOptions): WorkshopServer {
  const now = options.now ?? Date.now;
  const log = options.log ?? createConsoleLog();
  const maxMessageBytes = options.maxMessageBytes ?? 2_000_000;
  const store = options.store;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs ?? 1000,
    maxDebounce: 5000,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.fetch(documentName),
        store: async ({ documentName, state }) => store.store(documentName, state),
      }),
    ],
  });
  const workshops = createLiveWorkshops({
    store,
    hocuspocus,
    now,
    log,
    randomSecret: () => randomBytes(24).toString('base64url'),
    randomIndex: (n) => randomInt(n),
  });
  configureHooks(hocuspocus, workshops, store, log, maxMessageBytes);

  const limiter = createJoinLimiter(now);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    void handleRequest(request, response).catch((caught: unknown) => {
      log.warn('request-failed', { path: request.url, error: caught instanceof Error ? caught.message : String(caught) });
      if (!response.headersSent) sendJson(response, 500, { message: 'The workshop server hit an error. Try again in a moment.' });
    });
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * 4 });
  server.on('upgrade', (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on('error', (error) => log.warn('socket-error', { error: error.message }));
      hocuspocus.handleConnection(webSocket, request);
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://workshop').pathname;
    if (path === '/api/clock') return sendJson(response, 200, { now: now() });
    if (path === '/api/join' && request.method === 'POST') return handleJoin(request, response);
    if (path.startsWith('/api/')) return sendJson(response, 404, { message: 'Unknown request.' });
    if (options.participantDir === null || request.method !== 'GET') return sendJson(response, 404, { message: 'Nothing here.' });
    return serveStatic(options.participantDir, path, response);
  }

  async function handleJoin(request: IncomingMessage, response: ServerResponse) {
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = limiter.waitFor(address);
    if (wait > 0) {
      log.warn('join-rate-limited', { address });
      return sendJson(response, 429, { message: `Too many wrong codes from this device. Wait ${Math.ceil(wait / 1000)} seconds, then type the code again.` });
    }
    const parsed = joinRequestSchema.safeParse(await readJsonBody(request, MAX_BODY_BYTES));
    if (!parsed.success) return sendJson(response, 400, { message: 'Type the code from the projector and your name.' });
    const result = await workshops.join(parsed.data);
    if (!result.ok && result.problem === 'wrong-code') {
      limiter.recordWrongCode(address);
      log.warn('wrong-join-code', { address });
    }
    return sendJson(response, result.ok ? 200 : result.problem === 'wrong-code' ? 404 : 409, result);
  }

  return {
    workshops,
    hocuspocus,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port, exclusive: true }, () => {
          server.off('error', reject);
          const { port: actual } = server.address() as AddressInfo;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          resolve(`${options.tls ? 'https' : 'http'}://${shownHost}:${actual}/`);
        });
      }),
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const document of hocuspocus.documents.values()) store.store(document.name, encodeState(document));
      store.close();
    },
  };
}

function configureHooks(hocuspocus: Hocuspocus, workshops: LiveWorkshops, store: LiveStore, log: ServerLog, maxMessageBytes: number) {
  hocuspocus.configure({
    async onAuthenticate({ token, documentName, connectionConfig, socketId }) {
      try {
        const { principal, isReadOnly } = workshops.authenticate(token, documentName);
        connectionConfig.readOnly = isReadOnly;
        return { principal };
      } catch (caught) {
        const reason = caught instanceof AccessRefused ? caught.reason : 'error';
        log.warn('refused-connection', { documentName, reason, socketId });
        throw caught;
      }
    },
    async afterLoadDocument({ document, documentName }) {
      document.on('update', (update: Uint8Array) => store.append(documentName, update));
      const target = parseDocumentName(documentName);
      if (target?.kind === 'control') await workshops.presenceChanged(target.workshopId);
    },
    async beforeHandleMessage({ update, connection, documentName, context }) {
      const target = parseDocumentName(documentName);
      if (target === null) return;
      const check = checkClientMessage(update, documentRoots(target.kind), maxMessageBytes, connection.readOnly);
      if (check.refusal === null) return;
      const who: unknown = typeof context === 'object' && context !== null && 'principal' in context ? context.principal : null;
      log.warn('refused-write', { documentName, reason: check.refusal, bytes: update.byteLength, who });
      // Hocuspocus itself refuses writes on read-only connections; everything else closes this document's connection.
      if (check.refusal !== 'read-only') throw Object.assign(new Error(check.refusal), { code: 4400, reason: `refused-${check.refusal}` });
    },
    async onChange({ documentName, document, transactionOrigin }) {
      const kind = parseDocumentName(documentName)?.kind;
      if (kind === 'board') return workshops.boardChanged(documentName, document);
      if (transactionOrigin === undefined || kind !== 'ballot') return;
      await workshops.ballotChanged(documentName, document);
    },
    async connected({ documentName }) {
      const target = parseDocumentName(documentName);
      if (target?.kind === 'control') await workshops.presenceChanged(target.workshopId);
    },
    async onDisconnect({ documentName }) {
      const target = parseDocumentName(documentName);
      if (target?.kind === 'control') await workshops.presenceChanged(target.workshopId);
    },
  });
}

function encodeState(document: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(document);
}
