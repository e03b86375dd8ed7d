import { mkdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { readBuckets, readPlacements, readRoster, readResults, readSettings } from '../shared/live-workshop/live-doc-content';
import type { HostAddress, LiveHealth, LiveSessionInfo, LiveState } from '../shared/live-workshop/live-host-types';
import { boardDocumentName, controlDocumentName } from '../shared/live-workshop/live-documents';
import type { LiveCommand, LiveOutcome, LiveWorkshopInput } from '../shared/live-workshop/live-workshop-input';
import { withDocument } from './document-access';
import type { ServerLog } from './server-log';
import { openSqliteStore } from './sqlite-store';
import { createWorkshopServer, type WorkshopServer } from './workshop-server';

export interface LiveHostOptions {
  /** Folder for the SQLite file. */
  readonly dataDir: string;
  readonly participantDir: string | null;
  readonly log: ServerLog;
  /** PEM files; with both the server uses HTTPS and WSS. */
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
  /** How long after a change the server compacts a document's stored log (default the server's). */
  readonly storeDebounceMs?: number | undefined;
}

/** The machine's addresses a facilitator may choose: loopback for a rehearsal, and each LAN address. */
export function hostAddresses(): readonly HostAddress[] {
  const found: HostAddress[] = [{ address: '127.0.0.1', label: 'This computer only (rehearsal)', isLoopback: true }];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ address: entry.address, label: `${entry.address} (${name})`, isLoopback: false });
    }
  }
  return found;
}

/** Runs at most one live workshop at a time for the facilitator's app, on the address and port they chose. */
export function createLiveHost(options: LiveHostOptions) {
  let running: { server: WorkshopServer; info: LiveSessionInfo } | null = null;

  /** Opens the store and listens on exactly `host:port`, with errors the facilitator can act on. */
  async function open(host: string, port: number) {
    if (running) throw new RangeError('A live workshop is already running; end it first.');
    if (!hostAddresses().some((candidate) => candidate.address === host)) throw new RangeError('Choose one of this computer’s addresses.');
    mkdirSync(options.dataDir, { recursive: true });
    const tls = options.certFile && options.keyFile ? { cert: readFileSync(options.certFile, 'utf8'), key: readFileSync(options.keyFile, 'utf8') } : undefined;
    const server = createWorkshopServer({
      store: openSqliteStore(join(options.dataDir, 'live-workshops.sqlite')),
      participantDir: options.participantDir,
      tls,
      log: options.log,
      ...(options.storeDebounceMs === undefined ? {} : { storeDebounceMs: options.storeDebounceMs }),
    });
    try {
      return { server, url: await server.listen(host, port), isEncrypted: tls !== undefined };
    } catch (caught) {
      await server.close();
      const code = typeof caught === 'object' && caught !== null && 'code' in caught ? caught.code : null;
      throw new RangeError(code === 'EADDRINUSE' ? `Port ${port} is in use on ${host}. Choose another port.` : `The workshop server could not listen on ${host}:${port}. Choose another address or port.`, { cause: caught });
    }
  }

  async function start(host: string, port: number, input: LiveWorkshopInput): Promise<LiveSessionInfo> {
    const { server, url, isEncrypted } = await open(host, port);
    const created = await server.workshops.create(input);
    running = { server, info: { url, joinCode: created.joinCode, workshopId: created.workshopId, isEncrypted } };
    return running.info;
  }

  /** Serves a workshop this data folder already holds again (after the server process died): same code, same tokens, same documents. */
  async function resume(host: string, port: number, workshopId: string): Promise<LiveSessionInfo> {
    const { server, url, isEncrypted } = await open(host, port);
    const workshop = server.workshops.findWorkshop(workshopId);
    if (workshop === undefined || workshop.isEnded) {
      await server.close();
      throw new RangeError('That live workshop has ended or is not on this computer; start a new one.');
    }
    running = { server, info: { url, joinCode: workshop.joinCode, workshopId, isEncrypted } };
    return running.info;
  }

  function health(): LiveHealth {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const hocuspocus = running?.server.hocuspocus;
    return {
      isRunning: running !== null,
      openDocuments: hocuspocus?.getDocumentsCount() ?? 0,
      connections: hocuspocus?.getConnectionsCount() ?? 0,
      rssMb: memory.rss / 1_048_576,
      heapUsedMb: memory.heapUsed / 1_048_576,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
    };
  }

  function current() {
    if (!running) throw new RangeError('No live workshop is running.');
    return running;
  }

  async function state(): Promise<LiveState | null> {
    if (!running) return null;
    const { server, info } = running;
    const buckets = await withDocument(server.hocuspocus, boardDocumentName(info.workshopId), (doc) => {
      const list = readBuckets(doc);
      const placements = [...readPlacements(doc, new Set(list.map((bucket) => bucket.id))).values()];
      return list.map(({ id, title }) => ({ id, title, cards: placements.filter((bucketId) => bucketId === id).length }));
    });
    return withDocument(server.hocuspocus, controlDocumentName(info.workshopId), (doc) => ({
      ...info,
      settings: readSettings(doc),
      roster: [...readRoster(doc)].map(([id, entry]) => ({ id, ...entry })),
      results: readResults(doc),
      buckets,
    }));
  }

  async function end(): Promise<LiveOutcome> {
    const { server, info } = current();
    const outcome = await server.workshops.end(info.workshopId);
    running = null;
    await server.close();
    return outcome;
  }

  return {
    addresses: hostAddresses,
    start,
    resume,
    health,
    state,
    end,
    command: (command: LiveCommand) => current().server.workshops.command(current().info.workshopId, command),
    close: async () => {
      if (running) await running.server.close();
      running = null;
    },
  };
}

export type LiveHost = ReturnType<typeof createLiveHost>;
