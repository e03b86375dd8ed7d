import { UserError } from '../../shared/errors/user-error';
import { isCompatibleServerVersion, parseTeamServerAddress } from '../../shared/team/team-server-address';

/** A member as the team server lists it. */
export interface TeamMember {
  readonly memberId: string;
  readonly displayName: string;
  readonly role: 'admin' | 'member';
  readonly revoked: boolean;
  readonly joinedAt: number;
  readonly lastSeenAt: number | null;
}

/** An invite as the server lists it (never its secret). */
export interface TeamInvite {
  readonly id: string;
  readonly role: 'admin' | 'member';
  readonly expiresAt: number;
  readonly revoked: boolean;
  readonly usesLeft: number | null;
}

/** What joining a team gives this device (the server's address as typed, normalised). */
export interface JoinedTeam {
  /** The team server's address, as `http(s)://host:port/`. */
  readonly serverUrl: string;
  readonly workspaceId: string;
  readonly memberId: string;
  readonly memberToken: string;
  readonly displayName: string;
  readonly role: 'admin' | 'member';
}

export interface CreatedInvite {
  readonly inviteToken: string;
  readonly expiresAt: number;
}

/** How long one request may take before the server counts as unreachable. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The server did not answer at all (network, address, server down). */
class TeamServerUnreachable extends UserError {}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The team server's JSON API (the contract in `/team/`), every failure a UserError that names the
 * problem: a bad address, a server that does not answer, one that is not a team server or runs
 * another version, a wrong invite, a removed device.
 */
export interface TeamApiClient {
  /** Checks the address and the server (reachable, a team server, a compatible version); returns the normalised address. */
  checkServer(address: string): Promise<string>;
  join(address: string, inviteToken: string, displayName: string): Promise<JoinedTeam>;
  members(serverUrl: string, memberToken: string): Promise<TeamMember[]>;
  invites(serverUrl: string, memberToken: string): Promise<TeamInvite[]>;
  createInvite(serverUrl: string, memberToken: string): Promise<CreatedInvite>;
  revokeInvite(serverUrl: string, memberToken: string, inviteId: string): Promise<void>;
  revokeMember(serverUrl: string, memberToken: string, memberId: string): Promise<void>;
}

export function createTeamApiClient({ appVersion, fetchImpl }: { readonly appVersion: string; readonly fetchImpl?: Fetch }): TeamApiClient {
  const doFetch: Fetch = fetchImpl ?? ((input, init) => fetch(input, init));

  async function request(serverUrl: string, path: string, { method = 'GET', token, body }: { method?: string; token?: string; body?: unknown } = {}): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(new URL(path, serverUrl).toString(), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      throw new TeamServerUnreachable(`The team server at ${serverUrl} could not be reached. Check the address and your network (is the server running, and is this device on its network?), then try again.`);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok) return payload;
    const message = typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string' ? payload.message : undefined;
    if (message === undefined) throw new UserError(`The address ${serverUrl} answered, but not as a Discovery Desk team server (status ${response.status}). Check the address the team server printed.`);
    // The team server's messages are written for people (the contract: "plain words: what and what to do").
    throw new UserError(message);
  }

  async function checkServer(address: string): Promise<string> {
    const parsed = parseTeamServerAddress(address);
    if ('problem' in parsed) throw new UserError(parsed.problem);
    const health = await request(parsed.url, 'team/health').catch((error: unknown) => {
      if (!(error instanceof TeamServerUnreachable)) {
        throw new UserError(`The address ${parsed.url} answered, but not as a Discovery Desk team server. Check the address the team server printed.`);
      }
      throw error;
    });
    if (!isRecord(health) || health.ok !== true || typeof health.version !== 'string') {
      throw new UserError(`The address ${parsed.url} answered, but not as a Discovery Desk team server. Check the address the team server printed.`);
    }
    if (!isCompatibleServerVersion(health.version, appVersion)) {
      throw new UserError(`The team server runs version ${health.version} and this app is version ${appVersion}: they cannot sync. Update the app or the server so both are on the same version.`);
    }
    return parsed.url;
  }

  return {
    checkServer,
    async join(address, inviteToken, displayName) {
      const token = inviteToken.trim();
      const name = displayName.trim();
      if (name === '') throw new UserError('Type your name: your teammates see it beside everything you write.');
      if (name.length > 100) throw new UserError('Your name is longer than 100 characters. Type a shorter one.');
      if (token === '') throw new UserError('Paste the invite token a team admin gave you (the server prints the first admin invite when it starts).');
      if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) throw new UserError('That is not an invite token: a token is one word of letters, digits, “-” and “_”. Paste it again, whole.');
      const serverUrl = await checkServer(address);
      const joined = await request(serverUrl, 'team/join', { method: 'POST', body: { inviteToken: token, displayName: name } });
      if (!isRecord(joined) || typeof joined.workspaceId !== 'string' || typeof joined.memberId !== 'string' || typeof joined.memberToken !== 'string' || typeof joined.displayName !== 'string') {
        throw new UserError(`The team server at ${serverUrl} answered the invite in a way this app does not understand. Check that the server and the app are the same version.`);
      }
      return { serverUrl, workspaceId: joined.workspaceId, memberId: joined.memberId, memberToken: joined.memberToken, displayName: joined.displayName, role: joined.role === 'admin' ? 'admin' : 'member' };
    },
    async members(serverUrl, memberToken) {
      const listed = await request(serverUrl, 'team/members', { token: memberToken });
      return Array.isArray(listed) ? listed.flatMap((member) => parseMember(member) ?? []) : [];
    },
    async invites(serverUrl, memberToken) {
      const listed = await request(serverUrl, 'team/invites', { token: memberToken });
      return Array.isArray(listed) ? listed.flatMap((invite) => parseInvite(invite) ?? []) : [];
    },
    async createInvite(serverUrl, memberToken) {
      const created = await request(serverUrl, 'team/invites', { method: 'POST', token: memberToken, body: {} });
      if (!isRecord(created) || typeof created.inviteToken !== 'string' || typeof created.expiresAt !== 'number') {
        throw new UserError('The team server answered in a way this app does not understand. Check that the server and the app are the same version.');
      }
      return { inviteToken: created.inviteToken, expiresAt: created.expiresAt };
    },
    async revokeInvite(serverUrl, memberToken, inviteId) {
      await request(serverUrl, `team/invites/${encodeURIComponent(inviteId)}/revoke`, { method: 'POST', token: memberToken, body: {} });
    },
    async revokeMember(serverUrl, memberToken, memberId) {
      await request(serverUrl, `team/members/${encodeURIComponent(memberId)}/revoke`, { method: 'POST', token: memberToken, body: {} });
    },
  };
}

function parseMember(value: unknown): TeamMember | undefined {
  if (!isRecord(value) || typeof value.memberId !== 'string' || typeof value.displayName !== 'string') return undefined;
  return {
    memberId: value.memberId,
    displayName: value.displayName,
    role: value.role === 'admin' ? 'admin' : 'member',
    revoked: value.revoked === true,
    joinedAt: typeof value.joinedAt === 'number' ? value.joinedAt : 0,
    lastSeenAt: typeof value.lastSeenAt === 'number' ? value.lastSeenAt : null,
  };
}

function parseInvite(value: unknown): TeamInvite | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  return {
    id: value.id,
    role: value.role === 'admin' ? 'admin' : 'member',
    expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : 0,
    revoked: value.revoked === true,
    usesLeft: typeof value.usesLeft === 'number' ? value.usesLeft : null,
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
