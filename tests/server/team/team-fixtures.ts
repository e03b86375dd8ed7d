import type { ServerLog } from '../../../server/server-log';
import { createTeamServer, type TeamServer, type TeamServerOptions } from '../../../server/team/team-server';
import type { TeamRole } from '../../../server/team/team-store';
import { liveClient, type LiveClient } from '../live-clients';

export interface Logged {
  readonly event: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface RunningTeam {
  readonly server: TeamServer;
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly logged: Logged[];
  /** A client device on the server's /sync socket (destroyed by stop()). */
  client(): LiveClient;
  /** Joins with an invite and returns the member's token and id. */
  join(inviteToken: string, displayName: string): Promise<{ memberToken: string; memberId: string; workspaceId: string; role: TeamRole }>;
  /** Creates an invite on the server and joins with it. */
  member(displayName: string, role?: TeamRole): Promise<{ memberToken: string; memberId: string; workspaceId: string; role: TeamRole }>;
  api(path: string, init?: { method?: string; token?: string; body?: unknown }): Promise<{ status: number; body: unknown }>;
  refusals(): unknown[];
  /** Destroys every client device opened so far. */
  disconnectClients(): void;
  stop(): Promise<void>;
}

/** Starts a team server on 127.0.0.1 (a free port) with a log the test can read. */
export async function startTeam(options: Omit<TeamServerOptions, 'version' | 'log'>, port = 0): Promise<RunningTeam> {
  const logged: Logged[] = [];
  const log: ServerLog = { info: (event, detail) => logged.push({ event, detail }), warn: (event, detail) => logged.push({ event, detail }) };
  const server = await createTeamServer({ storeDebounceMs: 50, ...options, version: '9.9.9-test', log });
  const url = await server.listen('127.0.0.1', port);
  const clients: LiveClient[] = [];

  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const response = await fetch(`${url}${path.replace(/^\//, '')}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? null : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  async function join(inviteToken: string, displayName: string) {
    const { status, body } = await api('/team/join', { body: { inviteToken, displayName } });
    if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
    return body as { memberToken: string; memberId: string; workspaceId: string; role: TeamRole };
  }

  return {
    server,
    url,
    logged,
    client() {
      const created = liveClient(`${url}sync`);
      clients.push(created);
      return created;
    },
    join,
    member: async (displayName, role = 'member') => join((await server.createInvite(role)).inviteToken, displayName),
    api,
    refusals: () => logged.filter((entry) => entry.event.startsWith('refused')).map((entry) => entry.detail.reason),
    disconnectClients() {
      for (const created of clients.splice(0)) created.destroy();
    },
    async stop() {
      for (const created of clients.splice(0)) created.destroy();
      await server.close();
    },
  };
}
