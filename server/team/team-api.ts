import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyTooLarge, readJsonBody, sendJson } from '../http-json';
import type { JoinLimiter } from '../join-limiter';
import type { ServerLog } from '../server-log';
import type { TeamMembers } from './team-members';
import type { MemberRecord } from './team-store';
import { bearerToken } from './team-tokens';

export const MAX_API_BODY_BYTES = 16 * 1024;

/** Cross-origin access for the app's pages (see handleTeamRequest). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

const joinSchema = z.object({
  inviteToken: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(100),
  deviceName: z.string().trim().max(100).optional(),
});

const inviteSchema = z.object({
  uses: z.number().int().min(1).max(1000).optional(),
  expiresInHours: z.number().min(1 / 60).max(24 * 365).optional(),
  role: z.enum(['admin', 'member']).optional(),
});

export interface TeamApiContext {
  readonly workspaceId: string;
  readonly version: string;
  readonly members: TeamMembers;
  readonly limiter: JoinLimiter;
  readonly log: ServerLog;
  /** Documents the server holds in memory now (they unload when their last client leaves). */
  readonly openDocuments: () => number;
  /** Closes the revoked member's open connections (on this instance and, with Redis, the others). */
  readonly disconnectMember: (memberId: string) => Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const publicMember = (member: MemberRecord) => ({
  memberId: member.id,
  displayName: member.displayName,
  deviceName: member.deviceName,
  role: member.role,
  revoked: member.revoked,
  joinedAt: member.joinedAt,
  lastSeenAt: member.lastSeenAt,
});

/** The team's JSON API under /team/ (see the contract): answers and returns true, or returns false for other paths. */
export function createTeamApi(context: TeamApiContext) {
  const { members, log } = context;

  async function authenticated(request: IncomingMessage, adminOnly: boolean): Promise<MemberRecord> {
    const token = bearerToken(request.headers.authorization);
    const member = token === null ? null : await members.memberFor(token);
    if (member === null) {
      log.warn('refused-request', { path: request.url, reason: token === null ? 'no-token' : 'unknown-or-revoked-token', address: request.socket.remoteAddress });
      throw new ApiError(401, 'This device is not (or no longer) a member of the team. Ask a team admin for a new invite.');
    }
    if (adminOnly && member.role !== 'admin') throw new ApiError(403, 'Only a team admin can do that. Ask one of your team’s admins.');
    return member;
  }

  async function body<T>(request: IncomingMessage, schema: z.ZodType<T>, problem: string): Promise<T> {
    const parsed = schema.safeParse(await readJsonBody(request, MAX_API_BODY_BYTES, true));
    if (!parsed.success) throw new ApiError(400, problem);
    return parsed.data;
  }

  async function join(request: IncomingMessage) {
    const address = request.socket.remoteAddress ?? 'unknown';
    const wait = context.limiter.waitFor(address);
    if (wait > 0) {
      log.warn('join-rate-limited', { address });
      throw new ApiError(429, `Too many wrong invite tokens from this device. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`);
    }
    const input = await body(request, joinSchema, 'Give the invite token and your name.');
    const joined = await members.join(input.inviteToken, input.displayName, input.deviceName ?? null);
    if (joined === null) {
      context.limiter.recordWrongCode(address);
      log.warn('wrong-invite', { address });
      throw new ApiError(403, 'This invite token is unknown, used up, expired or revoked. Ask a team admin for a new invite.');
    }
    const { member, memberToken } = joined;
    return { workspaceId: context.workspaceId, memberId: member.id, memberToken, displayName: member.displayName, role: member.role };
  }

  async function route(request: IncomingMessage, path: string, method: string): Promise<unknown> {
    if (path === '/team/health' && method === 'GET') return { ok: true, version: context.version, workspaceId: context.workspaceId, openDocuments: context.openDocuments() };
    if (path === '/team/join' && method === 'POST') return join(request);
    if (path === '/team/me' && method === 'GET') {
      const member = await authenticated(request, false);
      return { memberId: member.id, displayName: member.displayName, role: member.role, workspaceId: context.workspaceId };
    }
    if (path === '/team/members' && method === 'GET') {
      await authenticated(request, false);
      return (await members.listMembers()).map(publicMember);
    }
    if (path === '/team/invites' && method === 'POST') {
      await authenticated(request, true);
      const input = await body(request, inviteSchema, 'An invite takes a number of uses (1 to 1000) and hours until it expires.');
      const invite = await members.createInvite(input.role ?? 'member', input.uses, input.expiresInHours);
      return { inviteToken: invite.inviteToken, inviteId: invite.id, role: invite.role, expiresAt: invite.expiresAt };
    }
    if (path === '/team/invites' && method === 'GET') {
      await authenticated(request, true);
      return (await members.listInvites()).map(({ tokenHash: _hash, ...invite }) => invite);
    }
    const inviteRevoke = /^\/team\/invites\/([A-Za-z0-9_-]{1,64})\/revoke$/.exec(path);
    if (inviteRevoke?.[1] !== undefined && method === 'POST') {
      await authenticated(request, true);
      if (!(await members.revokeInvite(inviteRevoke[1]))) throw new ApiError(404, 'There is no such invite. Reload the list of invites.');
      return { ok: true };
    }
    const memberRevoke = /^\/team\/members\/([A-Za-z0-9_-]{1,64})\/revoke$/.exec(path);
    if (memberRevoke?.[1] !== undefined && method === 'POST') {
      const admin = await authenticated(request, true);
      const memberId = memberRevoke[1];
      if (memberId === admin.id) throw new ApiError(400, 'You cannot remove your own device. Ask another admin to do it.');
      if (!(await members.revokeMember(memberId))) throw new ApiError(404, 'There is no such member. Reload the list of members.');
      await context.disconnectMember(memberId);
      return { ok: true };
    }
    throw new ApiError(404, 'Unknown request. Check the team server address.');
  }

  return async function handleTeamRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://team').pathname;
    if (!path.startsWith('/team/')) return false;
    // The app calls from its own origin (app://discovery-desk, or the browser mode's address): tokens travel
    // in the Authorization header, never in cookies, so any origin may call and none gains anything by it.
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return true;
    }
    try {
      sendJson(response, 200, await route(request, path, request.method ?? 'GET'));
    } catch (caught) {
      if (caught instanceof ApiError) sendJson(response, caught.status, { message: caught.message });
      else if (caught instanceof BodyTooLarge) sendJson(response, 413, { message: 'The request is too large (16 KB at most).' });
      else {
        log.warn('request-failed', { path, error: caught instanceof Error ? caught.message : String(caught) });
        sendJson(response, 500, { message: 'The team server could not answer. Try again in a moment; if it persists, ask the server’s admin to check its log.' });
      }
    }
    return true;
  };
}
