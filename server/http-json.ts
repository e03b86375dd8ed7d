import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers with a JSON body and headers that keep it out of caches and sniffers. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(JSON.stringify(body));
}

/** Thrown by readJsonBody when the body is larger than allowed. */
export class BodyTooLarge extends Error {}

/**
 * Reads a request body as JSON: null when it is not JSON. With `throwWhenTooLarge`, a body over
 * `maxBytes` throws BodyTooLarge; otherwise it reads as null.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number, throwWhenTooLarge = false): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      if (throwWhenTooLarge) throw new BodyTooLarge();
      return null;
    }
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
