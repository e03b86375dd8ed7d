import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LiveHealth, LiveSessionInfo, LiveState } from '../../shared/live-workshop/live-host-types';
import type { LiveCommand, LiveWorkshopInput } from '../../shared/live-workshop/live-workshop-input';
import { buildServer } from '../../scripts/build-server.mjs';
import { freePort, startServerProcess, type ServerProcess } from '../harness/server-process';

/**
 * The workshop server as its own Node process (dist/server/host-process.mjs, built once into
 * node_modules/.cache so its imports resolve), driven through the admin API like the desktop app
 * drives it. Used by the fault tests and the benchmark.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'workshop-cluster-admin-secret-0123456789';
let built: Promise<string> | null = null;

/** Builds the server once per process; resolves with the host-process entry. */
export function buildHostProcess(): Promise<string> {
  built ??= (async () => {
    const outDir = join(root, 'node_modules', '.cache', 'workshop-host-process');
    mkdirSync(outDir, { recursive: true });
    await buildServer(outDir);
    return join(outDir, 'host-process.mjs');
  })();
  return built;
}

export interface WorkshopCluster {
  readonly process: ServerProcess<string>;
  /** The port participants' sockets reach (directly or through a proxy); kept across restarts. */
  readonly workshopPort: number;
  readonly dataDir: string;
  readonly sqliteFile: string;
  readonly session: LiveSessionInfo;
  admin<T>(action: string, body?: unknown): Promise<T>;
  command(command: LiveCommand): Promise<void>;
  state(): Promise<LiveState>;
  health(): Promise<LiveHealth>;
  /** Joins under `name` straight to the server (not through a proxy). */
  join(name: string): Promise<{ readonly token: string; readonly participantId: string }>;
  /** kill -9, then start the process again on the same data and serve the same workshop on the same port. */
  crashAndRestart(between?: () => Promise<void>): Promise<void>;
  dispose(): Promise<void>;
}

export interface WorkshopClusterOptions {
  readonly storeDebounceMs: number;
  /** The built participant page, served by the workshop server (none: only the API). */
  readonly participantDir?: string;
}

export async function startWorkshopCluster(input: LiveWorkshopInput, options: WorkshopClusterOptions): Promise<WorkshopCluster> {
  const entry = await buildHostProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'workshop-cluster-'));
  const workshopPort = await freePort();
  const server = await startServerProcess<string>({
    entry,
    dataDir,
    env: () => ({ LIVE_WORKSHOP_DATA: dataDir, LIVE_ADMIN_SECRET: SECRET, LIVE_STORE_DEBOUNCE_MS: String(options.storeDebounceMs), ...(options.participantDir ? { LIVE_PARTICIPANT_DIR: options.participantDir } : {}) }),
    ready: (line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return typeof parsed === 'object' && parsed !== null && 'event' in parsed && parsed.event === 'ready' && 'adminUrl' in parsed && typeof parsed.adminUrl === 'string' ? parsed.adminUrl : null;
      } catch {
        return null;
      }
    },
  });
  async function admin<T>(action: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.info}${action}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-live-admin': SECRET, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as T & { message?: string };
    if (!response.ok) throw new Error(`admin ${action}: ${response.status} ${answer.message ?? ''}`);
    return answer;
  }
  const session = await admin<LiveSessionInfo>('start', { host: '127.0.0.1', port: workshopPort, input });
  return {
    process: server,
    workshopPort,
    dataDir,
    sqliteFile: join(dataDir, 'live-workshops.sqlite'),
    session,
    admin,
    command: async (command) => void (await admin('command', command)),
    state: () => admin<LiveState>('state'),
    health: () => admin<LiveHealth>('health'),
    async join(name) {
      const response = await fetch(`http://127.0.0.1:${workshopPort}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: session.joinCode, name }) });
      const body = (await response.json()) as { token?: string; participantId?: string; message?: string };
      if (!body.token || !body.participantId) throw new Error(`join failed: ${body.message}`);
      return { token: body.token, participantId: body.participantId };
    },
    async crashAndRestart(between) {
      await server.kill9();
      await between?.();
      await server.restart();
      await admin('resume', { host: '127.0.0.1', port: workshopPort, workshopId: session.workshopId });
    },
    async dispose() {
      await server.kill9();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
