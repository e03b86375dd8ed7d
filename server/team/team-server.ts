import { Database } from '@hocuspocus/extension-database';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Hocuspocus, OutgoingMessage, type Extension } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { parseTeamDocumentName } from '../../shared/team/team-document-name';
import { sendJson } from '../http-json';
import { createJoinLimiter } from '../join-limiter';
import { createConsoleLog, type ServerLog } from '../server-log';
import { isDecodableUpdate, readClientWrite } from '../update-guard';
import { claimInstanceSlot, type InstanceSlot } from './instance-limit';
import { createTeamApi } from './team-api';
import { createTeamMembers, type CreatedInvite, type TeamMembers } from './team-members';
import type { TeamRole, TeamStore } from './team-store';
import { newId } from './team-tokens';

export const SYNC_PATH = '/sync';
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface TeamServerOptions {
  readonly store: TeamStore;
  /** The server's version, shown by /team/health. */
  readonly version: string;
  /** Several instances share documents through this Redis (at most two; see instance-limit.ts). */
  readonly redisUrl?: string | undefined;
  /** PEM certificate and key: with both, the server speaks HTTPS and WSS. */
  readonly tls?: { readonly cert: string; readonly key: string } | undefined;
  readonly now?: () => number;
  readonly log?: ServerLog;
  /** How long the server waits after a change before compacting a document's stored log. */
  readonly storeDebounceMs?: number;
  readonly maxMessageBytes?: number;
  readonly maxDocumentBytes?: number;
  /** Called when this instance lost its Redis slot and stopped serving. */
  readonly onFatal?: (message: string) => void;
}

export interface TeamServer {
  readonly workspaceId: string;
  readonly hocuspocus: Hocuspocus;
  readonly members: TeamMembers;
  createInvite(role: TeamRole, uses?: number, expiresInHours?: number): Promise<CreatedInvite>;
  /** Listens on exactly this address and port (0 picks a free port); resolves with the URL (`http://host:port/`). */
  listen(host: string, port: number): Promise<string>;
  /** Disconnects everyone, stores every open document, and closes the store and Redis. */
  close(): Promise<void>;
}

interface MemberContext {
  readonly memberId: string;
  readonly role: TeamRole;
}

const memberOf = (context: unknown): MemberContext | null =>
  typeof context === 'object' && context !== null && 'memberId' in context && typeof context.memberId === 'string' ? { memberId: context.memberId, role: 'role' in context && context.role === 'admin' ? 'admin' : 'member' } : null;

/** A refusal Hocuspocus turns into closing that document's connection with this code and reason. */
const refusal = (reason: string) => Object.assign(new Error(reason), { code: 4403, reason });

/**
 * The team server: one HTTP(S) port with the JSON API under /team/ and Hocuspocus at /sync. A
 * member opens any document `ws/<workspaceId>/<key>` of the workspace, reading and writing;
 * nothing else. Every client update is appended to the store before Hocuspocus applies and
 * acknowledges it; the debounced store only compacts.
 */
export async function createTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createConsoleLog();
  const maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const maxDocumentBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  const { store } = options;
  const workspaceId = await store.workspaceId(newId('w'));
  const members = createTeamMembers(store, now, log);
  /** Bytes each open document may hold at most: its loaded state plus every update since. */
  const documentBytes = new Map<string, number>();
  const socketsByRequest = new WeakMap<IncomingMessage, WebSocket>();
  /** Which members authenticated on each open socket, so a revocation can close theirs. */
  const membersBySocket = new Map<WebSocket, Set<string>>();
  /** Open sockets by Hocuspocus's socket id, so a store failure can drop the whole socket. */
  const socketsById = new Map<string, WebSocket>();

  /**
   * The store failed (PostgreSQL restarting or down, a full disk): the write or read was not done.
   * Refusing only that document would leave the client stuck: its provider neither authenticates
   * again nor resends on a socket that stays open. So the whole socket is dropped; the client
   * reconnects with its own backoff and resends everything not acknowledged, which is stored once
   * the database answers again. Nothing unstored is acknowledged.
   */
  function dropForRetry(socket: WebSocket | undefined, documentName: string, during: string, caught: unknown) {
    log.warn('store-unavailable', { documentName, during, error: caught instanceof Error ? caught.message : String(caught) });
    socket?.terminate();
    return refusal('store-unavailable');
  }

  const redisPrefix = `discovery-desk:${workspaceId}`;
  const redisUrl = options.redisUrl;
  const control = redisUrl === undefined ? null : new RedisClient(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  const revocations = redisUrl === undefined ? null : new RedisClient(redisUrl, { lazyConnect: true });
  const instanceId = newId('host-');
  let slot: InstanceSlot | null = null;
  const extensions: Extension[] = [];
  if (control !== null && revocations !== null && redisUrl !== undefined) {
    control.on('error', (error) => log.warn('redis-error', { error: error.message }));
    revocations.on('error', (error) => log.warn('redis-error', { error: error.message }));
    await control.connect();
    await revocations.connect();
    try {
      slot = await claimInstanceSlot(control, `${redisPrefix}:instances`, instanceId, () => {
        const message = 'This team server instance lost its place on Redis (another instance took it while this one was paused); it stops now. Start it again when fewer than two instances run.';
        log.warn('instance-slot-lost', { instanceId });
        options.onFatal?.(message);
      });
    } catch (caught) {
      control.disconnect();
      revocations.disconnect();
      throw caught;
    }
    await revocations.subscribe(`${redisPrefix}:revoked`);
    revocations.on('message', (_channel: string, memberId: string) => {
      members.rememberRevoked(memberId);
      closeMemberSockets(memberId);
    });
    const redisExtension = new RedisExtension({
      identifier: instanceId,
      prefix: `${redisPrefix}:docs`,
      createClient: () => {
        const client = new RedisClient(redisUrl);
        client.on('error', (error) => log.warn('redis-error', { error: error.message }));
        let hasBeenReady = false;
        client.on('ready', () => {
          if (hasBeenReady) resyncAfterRedisReturned();
          hasBeenReady = true;
        });
        return client;
      },
    });
    /**
     * Changes published while Redis was away (a restart) never reached the other instance, and the
     * Redis extension only exchanges state on a later change. So once Redis is back, every open
     * document sends its state vector again; the other instance answers with what this one lacks
     * and its own state vector, so both catch up without waiting for another edit. Sent twice,
     * since the other instance may subscribe again a little later than this one publishes.
     */
    const resyncAfterRedisReturned = () => {
      log.info('redis-back', { openDocuments: hocuspocus.getDocumentsCount() });
      for (const delay of [300, 2000]) {
        setTimeout(() => {
          for (const document of hocuspocus.documents.values()) {
            // The Redis extension's own framing: the instance id's length and bytes, then a sync step 1.
            const step1 = new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array();
            const id = Buffer.from(instanceId, 'utf-8');
            void control.publish(`${redisPrefix}:docs:${document.name}`, Buffer.concat([Buffer.from([id.length]), id, Buffer.from(step1)])).catch(() => undefined);
          }
        }, delay).unref();
      }
    };
    extensions.push(redisExtension);
  }

  extensions.push(
    new Database({
      fetch: async ({ documentName, socketId }) => {
        try {
          return await store.fetch(documentName);
        } catch (caught) {
          // Never an empty document over a stored one (hocuspocus #382): the connection fails instead,
          // and the client's socket is dropped so that it tries again once the store answers.
          log.warn('fetch-failed', { documentName, error: caught instanceof Error ? caught.message : String(caught) });
          dropForRetry(socketsById.get(socketId), documentName, 'fetch', caught);
          throw caught;
        }
      },
      store: async ({ documentName, state }) => {
        try {
          await store.store(documentName, state);
          documentBytes.set(documentName, state.byteLength);
        } catch (caught) {
          // Only a compaction failed: every acknowledged update is already in the update log, and
          // the next store compacts. Rethrown, it would surface as an unhandled rejection (3.4).
          log.warn('store-failed', { documentName, error: caught instanceof Error ? caught.message : String(caught) });
        }
      },
    }),
  );

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs ?? 1000,
    maxDebounce: 5000,
    unloadImmediately: true,
    extensions,
    async onAuthenticate({ token, documentName, request, socketId }) {
      const target = parseTeamDocumentName(documentName);
      if (target === null || target.workspaceId !== workspaceId) {
        log.warn('refused-connection', { documentName: documentName.slice(0, 300), reason: 'not-this-workspace', socketId });
        throw refusal('not-this-workspace');
      }
      let member: Awaited<ReturnType<TeamMembers['memberFor']>>;
      try {
        member = await members.memberFor(token);
      } catch (caught) {
        throw dropForRetry(socketsByRequest.get(request), documentName, 'authenticate', caught);
      }
      if (member === null) {
        log.warn('refused-connection', { documentName, reason: 'unknown-or-revoked-token', socketId });
        throw refusal('unknown-or-revoked-token');
      }
      const socket = socketsByRequest.get(request);
      const holders = socket === undefined ? undefined : membersBySocket.get(socket);
      if (holders === undefined) {
        log.warn('refused-connection', { documentName, reason: 'socket-closed', socketId });
        throw refusal('socket-closed');
      }
      holders.add(member.id);
      if (socket !== undefined) socketsById.set(socketId, socket);
      const context: MemberContext = { memberId: member.id, role: member.role };
      return context;
    },
    async afterLoadDocument({ document, documentName }) {
      documentBytes.set(documentName, Y.encodeStateAsUpdate(document).byteLength);
    },
    async afterUnloadDocument({ documentName }) {
      documentBytes.delete(documentName);
    },
    async beforeHandleMessage({ update: message, context, documentName, socketId }) {
      const member = memberOf(context);
      if (member === null || members.isRevoked(member.memberId)) {
        log.warn('refused-write', { documentName, reason: 'revoked', who: member?.memberId ?? null });
        throw refusal('revoked');
      }
      if (message.byteLength > maxMessageBytes) {
        log.warn('refused-write', { documentName, reason: 'oversized', bytes: message.byteLength, who: member.memberId });
        throw refusal('message-too-large');
      }
      const read = readClientWrite(message);
      if (read.kind === 'other') return;
      if (read.kind === 'undecodable' || !isDecodableUpdate(read.update)) {
        log.warn('refused-write', { documentName, reason: 'undecodable', bytes: message.byteLength, who: member.memberId });
        throw refusal('undecodable');
      }
      if (read.update.byteLength <= 2) return; // an empty update (no structs, no deletes)
      const size = (documentBytes.get(documentName) ?? 0) + read.update.byteLength;
      if (size > maxDocumentBytes) {
        log.warn('refused-write', { documentName, reason: 'document-too-large', bytes: size, who: member.memberId });
        throw refusal('document-too-large');
      }
      // Durable before Hocuspocus applies and acknowledges it.
      try {
        await store.append(documentName, read.update);
      } catch (caught) {
        throw dropForRetry(socketsById.get(socketId), documentName, 'append', caught);
      }
      documentBytes.set(documentName, size);
    },
  });

  function closeMemberSockets(memberId: string) {
    for (const [socket, holders] of membersBySocket) {
      if (holders.has(memberId)) socket.terminate();
    }
  }

  const api = createTeamApi({
    workspaceId,
    version: options.version,
    members,
    limiter: createJoinLimiter(now),
    log,
    openDocuments: () => hocuspocus.getDocumentsCount(),
    async disconnectMember(memberId) {
      closeMemberSockets(memberId);
      if (control !== null) await control.publish(`${redisPrefix}:revoked`, memberId);
    },
  });

  let closing: Promise<void> | undefined;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if (await api(request, response)) return;
      sendJson(response, 404, { message: 'Nothing here. The team server answers under /team/ and syncs at /sync.' });
    })().catch((caught: unknown) => {
      log.warn('request-failed', { path: request.url, error: caught instanceof Error ? caught.message : String(caught) });
      if (!response.headersSent) sendJson(response, 500, { message: 'The team server hit an error. Try again in a moment.' });
    });
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);
  // A little over the message limit, so the guard (which logs) sees an oversized message before ws drops the socket.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes + 1024 * 1024 });
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    if (new URL(request.url ?? '/', 'http://team').pathname !== SYNC_PATH) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on('error', (error) => log.warn('socket-error', { error: error.message }));
      socketsByRequest.set(request, webSocket);
      membersBySocket.set(webSocket, new Set());
      webSocket.once('close', () => {
        membersBySocket.delete(webSocket);
        for (const [id, open] of socketsById) if (open === webSocket) socketsById.delete(id);
      });
      hocuspocus.handleConnection(webSocket, request);
    });
  });

  return {
    workspaceId,
    hocuspocus,
    members,
    createInvite: (role, uses, hours) => members.createInvite(role, uses, hours),
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
    close() {
      closing ??= closeAll();
      return closing;
    },
  };

  async function closeAll() {
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const document of hocuspocus.documents.values()) {
      await store.store(document.name, Y.encodeStateAsUpdate(document)).catch((caught: unknown) => log.warn('store-failed', { documentName: document.name, error: caught instanceof Error ? caught.message : String(caught) }));
    }
    if (slot !== null) await slot.release();
    for (const extension of extensions) {
      // Its Redlock quits the publishing client a second time, which rejects: nothing is left to close then.
      if (extension instanceof RedisExtension) await extension.onDestroy().catch(() => undefined);
    }
    control?.disconnect();
    revocations?.disconnect();
    await store.close();
  }
}
