import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { liveCommandSchema, liveWorkshopInputSchema } from '../shared/live-workshop/live-workshop-input';
import type { LiveHost } from './live-host';

export const ADMIN_PREFIX = '/api/live/';
export const ADMIN_HEADER = 'x-live-admin';
const MAX_BODY_BYTES = 20_000_000;

const startSchema = z.object({ host: z.string().max(100), port: z.number().int().min(0).max(65535), input: liveWorkshopInputSchema });
const resumeSchema = z.object({ host: z.string().max(100), port: z.number().int().min(0).max(65535), workshopId: z.string().max(64) });

/**
 * The facilitator's local admin API, mounted beside the app on 127.0.0.1 (browser mode): start,
 * command, watch and end the live workshop. Requests must come to a loopback Host (no DNS
 * rebinding) and carry the secret, which only a page of the app's own origin can read.
 */
export function createAdminHandler(host: LiveHost, options: { readonly secret?: string } = {}) {
  // Given a secret (a parent process that started this one knows it), the page cannot ask for it.
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const servesSession = options.secret === undefined;
  const isSecret = (value: string | string[] | undefined) => typeof value === 'string' && value.length === secret.length && timingSafeEqual(Buffer.from(value), Buffer.from(secret));

  return async function handleAdmin(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (!path.startsWith(ADMIN_PREFIX)) return false;
    const hostHeader = request.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(hostHeader) || request.headers.origin !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(request.headers.origin)) {
      send(response, 403, { message: 'The live workshop controls only answer on this computer.' });
      return true;
    }
    const action = path.slice(ADMIN_PREFIX.length);
    if (servesSession && action === 'session' && request.method === 'GET') {
      send(response, 200, { secret });
      return true;
    }
    if (!isSecret(request.headers[ADMIN_HEADER])) {
      send(response, 401, { message: 'Reload the app to control the live workshop.' });
      return true;
    }
    try {
      send(response, 200, await run(host, action, request.method === 'POST' ? await readJson(request) : null));
    } catch (caught) {
      send(response, caught instanceof RangeError ? 409 : 500, { message: caught instanceof RangeError ? caught.message : 'The live workshop server hit an error. Try again; if it persists, end the workshop and start it again.' });
    }
    return true;
  };
}

async function run(host: LiveHost, action: string, body: unknown): Promise<unknown> {
  if (action === 'addresses') return host.addresses();
  if (action === 'state') return (await host.state()) ?? { isRunning: false };
  if (action === 'start') {
    const parsed = startSchema.safeParse(body);
    if (!parsed.success) throw new RangeError('The workshop to start was not complete. Reload the app and try again.');
    return host.start(parsed.data.host, parsed.data.port, parsed.data.input);
  }
  if (action === 'command') {
    const parsed = liveCommandSchema.safeParse(body);
    if (!parsed.success) throw new RangeError('That command was not understood.');
    await host.command(parsed.data);
    return { ok: true };
  }
  if (action === 'resume') {
    const parsed = resumeSchema.safeParse(body);
    if (!parsed.success) throw new RangeError('The workshop to resume was not named.');
    return host.resume(parsed.data.host, parsed.data.port, parsed.data.workshopId);
  }
  if (action === 'health') return host.health();
  if (action === 'end') return host.end();
  throw new RangeError('Unknown live workshop request.');
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('The round is too large to run live.');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
