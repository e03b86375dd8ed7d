import type { IpcHandlers } from '../../../shared/ipc/contract';
import type { LiveState } from '../../../shared/live-workshop/live-host-types';
import { IpcHandlerError } from './ipc-handler-error';

/** The parts of a spawned child process used here; Node's `ChildProcess` fits it. */
export interface LiveServerChild {
  readonly stdout: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(signal?: NodeJS.Signals): boolean;
}

export interface LiveWorkshopDeps {
  /** The built workshop server entry (dist/server/host-process.mjs). */
  readonly serverEntry: string;
  /** The built participant page (dist/participant). */
  readonly participantDir: string;
  /** Where the server keeps its SQLite file (in the app's data folder). */
  readonly dataDir: string;
  /** PATH (to find Node) and LIVE_WORKSHOP_CERT / LIVE_WORKSHOP_KEY. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly exists: (path: string) => boolean;
  readonly spawn: (command: string, args: readonly string[], env: Readonly<Record<string, string>>) => LiveServerChild;
  readonly fetch: (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }>;
  /** 32+ random URL-safe characters. */
  readonly randomSecret: () => string;
  /** How long the server may take to report ready (default 20 s). */
  readonly startTimeoutMs?: number;
}

type LiveVerbs = 'liveAddresses' | 'liveStart' | 'liveState' | 'liveCommand' | 'liveEnd';

export const NEEDS_NODE =
  'Live workshops need Node.js 20 or later on this computer: the desktop app runs the workshop server with it (its SQLite module is built for Node, not for the app). Install Node.js, restart Discovery Desk, and press Run live again. The one-laptop workshop works without it.';
export const NOT_IN_THIS_BUILD = 'This copy of Discovery Desk has no workshop server. Run it from its source folder with `npm start` to host a live workshop; the one-laptop workshop works here.';
const SERVER_FAILED = 'The live workshop server did not start. Check that Node.js 20 or later is installed, then press Run live again.';
const SERVER_GONE = 'The live workshop server stopped. Press Run live again to start it.';

/** The first `node` (or `node.exe`) on PATH, or null. */
export function findNode(pathValue: string | undefined, platform: NodeJS.Platform, exists: (path: string) => boolean): string | null {
  const separator = platform === 'win32' ? ';' : ':';
  const slash = platform === 'win32' ? '\\' : '/';
  const binary = platform === 'win32' ? 'node.exe' : 'node';
  for (const dir of (pathValue ?? '').split(separator)) {
    if (dir.trim() === '') continue;
    const candidate = `${dir.replace(/[\\/]+$/, '')}${slash}${binary}`;
    if (exists(candidate)) return candidate;
  }
  return null;
}

/** Reads the server's `{"event":"ready","adminUrl":…}` line. */
export function readyAdminUrl(line: string): string | null {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || !('event' in parsed) || parsed.event !== 'ready' || !('adminUrl' in parsed) || typeof parsed.adminUrl !== 'string') return null;
    return /^http:\/\/127\.0\.0\.1:\d+\/api\/live\/$/.test(parsed.adminUrl) ? parsed.adminUrl : null;
  } catch {
    return null;
  }
}

/**
 * Desktop mode of Run live. better-sqlite3 in node_modules is built for Node's ABI, not
 * Electron's, and the app's fuses forbid ELECTRON_RUN_AS_NODE, so main starts the workshop server
 * (dist/server/host-process.mjs) with the system's Node as a child process, on the first start,
 * and talks to it over its admin API on 127.0.0.1 with a secret only main knows. The child ends
 * with the app (its stdin closes). Without Node the verbs say so plainly.
 */
export function createLiveWorkshopHandlers(deps: LiveWorkshopDeps): { readonly handlers: Pick<IpcHandlers, LiveVerbs>; stop(): void } {
  let server: Promise<{ readonly adminUrl: string; readonly secret: string; readonly child: LiveServerChild }> | null = null;
  let running: LiveServerChild | null = null;

  function launch() {
    if (!deps.exists(deps.serverEntry)) throw new IpcHandlerError('unavailable', NOT_IN_THIS_BUILD);
    const node = findNode(deps.env.PATH, deps.platform, deps.exists);
    if (node === null) throw new IpcHandlerError('unavailable', NEEDS_NODE);
    const secret = deps.randomSecret();
    const env: Record<string, string> = { LIVE_WORKSHOP_DATA: deps.dataDir, LIVE_ADMIN_SECRET: secret, LIVE_PARTICIPANT_DIR: deps.participantDir };
    if (deps.env.PATH !== undefined) env.PATH = deps.env.PATH;
    if (deps.env.LIVE_WORKSHOP_CERT && deps.env.LIVE_WORKSHOP_KEY) {
      env.LIVE_WORKSHOP_CERT = deps.env.LIVE_WORKSHOP_CERT;
      env.LIVE_WORKSHOP_KEY = deps.env.LIVE_WORKSHOP_KEY;
    }
    const child = deps.spawn(node, [deps.serverEntry], env);
    running = child;
    return new Promise<{ adminUrl: string; secret: string; child: LiveServerChild }>((resolve, reject) => {
      let pending = '';
      let isReady = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new IpcHandlerError('unavailable', SERVER_FAILED));
      }, deps.startTimeoutMs ?? 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        server = null;
        if (running === child) running = null;
        if (!isReady) reject(new IpcHandlerError('unavailable', SERVER_FAILED));
      });
      child.stdout?.on('data', (chunk) => {
        if (isReady) return;
        pending += String(chunk);
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        const adminUrl = lines.map(readyAdminUrl).find((url) => url !== null);
        if (adminUrl === undefined || adminUrl === null) return;
        isReady = true;
        clearTimeout(timer);
        resolve({ adminUrl, secret, child });
      });
    });
  }

  function ensureServer() {
    if (server === null) {
      const started = (async () => launch())();
      server = started;
      started.catch(() => {
        if (server === started) server = null;
      });
    }
    return server;
  }

  async function call<T>(action: string, body?: unknown, options: { readonly startServer: boolean } = { startServer: true }): Promise<T | null> {
    if (!options.startServer && server === null) return null;
    const { adminUrl, secret } = await ensureServer();
    let response: Awaited<ReturnType<LiveWorkshopDeps['fetch']>>;
    try {
      response = await deps.fetch(`${adminUrl}${action}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-live-admin': secret, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (caught) {
      throw new IpcHandlerError('unavailable', SERVER_GONE, { cause: caught });
    }
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message = typeof answer === 'object' && answer !== null && 'message' in answer && typeof answer.message === 'string' ? answer.message : SERVER_GONE;
      throw new IpcHandlerError(response.status === 409 ? 'refused' : 'internal', message);
    }
    return answer as T;
  }

  return {
    handlers: {
      liveAddresses: async () => (await call<Awaited<ReturnType<IpcHandlers['liveAddresses']>>>('addresses')) ?? [],
      liveStart: async (request) => {
        const info = await call<Awaited<ReturnType<IpcHandlers['liveStart']>>>('start', request);
        if (info === null) throw new IpcHandlerError('internal', SERVER_GONE);
        return info;
      },
      // Polled every second: never starts Node just to say nothing runs.
      liveState: async () => {
        const state = await call<LiveState | { readonly isRunning: false }>('state', undefined, { startServer: false });
        return state !== null && 'workshopId' in state ? state : null;
      },
      liveCommand: async (command) => {
        await call('command', command);
        return null;
      },
      liveEnd: async () => {
        const outcome = await call<Awaited<ReturnType<IpcHandlers['liveEnd']>>>('end', {});
        if (outcome === null) throw new IpcHandlerError('internal', SERVER_GONE);
        return outcome;
      },
    },
    stop() {
      running?.kill('SIGTERM');
      running = null;
      server = null;
    },
  };
}
