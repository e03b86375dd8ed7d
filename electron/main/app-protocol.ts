import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../../shared/platform/app-origin';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_CSP } from '../../shared/platform/content-security-policy';

export type AppRequestResolution = { kind: 'file'; filePath: string } | { kind: 'error'; status: 400 | 403 | 404 };

export interface AppProtocolDeps {
  readonly rootDir: string;
  readonly readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

// Split by hand: Node's WHATWG URL treats `app:` as non-special and would already have resolved
// `..` and `%2e%2e`, hiding exactly the requests that must be refused.
const RAW_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
// Windows silently strips trailing dots and spaces and maps these names to devices.
const WINDOWS_ALIAS_SEGMENT = /[. ]$/;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function isUnsafeSegment(segment: string): boolean {
  return (
    segment === '.' ||
    segment === '..' ||
    segment.includes(':') ||
    WINDOWS_ALIAS_SEGMENT.test(segment) ||
    WINDOWS_DEVICE_NAME.test(segment)
  );
}

/**
 * Maps an `app://discovery-desk/...` request URL to a file inside `rootDir`, or to the HTTP
 * status that refuses it. Pure: does not touch the file system.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  if (hasControlCharacter(requestUrl) || requestUrl.includes('\\')) return { kind: 'error', status: 400 };
  const match = RAW_URL.exec(requestUrl);
  if (match === null || match[1]?.toLowerCase() !== APP_SCHEME) return { kind: 'error', status: 400 };
  if (match[2] !== APP_HOST) return { kind: 'error', status: 403 };

  const rawPath = match[3] ?? '';
  // Encoded separators would let one decoded segment smuggle in `/` or `\`.
  if (/%(2f|5c)/i.test(rawPath)) return { kind: 'error', status: 400 };
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'error', status: 400 };
  }
  if (hasControlCharacter(decodedPath)) return { kind: 'error', status: 400 };

  const segments = decodedPath.split('/').filter((segment) => segment !== '');
  if (segments.some(isUnsafeSegment)) return { kind: 'error', status: 400 };

  const root = path.resolve(rootDir);
  const filePath = segments.length === 0 ? path.join(root, 'index.html') : path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { kind: 'error', status: 403 };
  }
  return { kind: 'file', filePath };
}

/** The Content-Type served for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_CSP}`,
    'X-Content-Type-Options': 'nosniff',
  };
}

function errorResponse(status: number, extraHeaders: Record<string, string> = {}): Response {
  return new Response(STATUS_TEXT[status] ?? 'Error', {
    status,
    headers: { ...securityHeaders('text/plain; charset=utf-8'), ...extraHeaders },
  });
}

function isMissingFileError(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** The parts of a request the handler reads; `protocol.handle` passes a full `Request`. */
export type AppRequest = Pick<Request, 'method' | 'url'>;

/** The `protocol.handle` handler serving the built renderer from `rootDir`, with the CSP on every response. */
export function createAppProtocolHandler({ rootDir, readFile }: AppProtocolDeps): (request: AppRequest) => Promise<Response> {
  const indexPath = path.join(path.resolve(rootDir), 'index.html');

  async function readWithFallback(filePath: string): Promise<{ filePath: string; bytes: Uint8Array<ArrayBuffer> } | null> {
    try {
      return { filePath, bytes: await readFile(filePath) };
    } catch (error) {
      if (!isMissingFileError(error)) throw error;
    }
    // Client-side routes (`/notes/42`) have no extension; a missing asset (`/x.js`) is a real 404.
    if (path.extname(filePath) !== '' || filePath === indexPath) return null;
    return { filePath: indexPath, bytes: await readFile(indexPath) };
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, { Allow: 'GET, HEAD' });
    const resolution = resolveAppRequest(request.url, rootDir);
    if (resolution.kind === 'error') return errorResponse(resolution.status);
    try {
      const file = await readWithFallback(resolution.filePath);
      if (file === null) return errorResponse(404);
      return new Response(request.method === 'HEAD' ? null : file.bytes, {
        status: 200,
        headers: securityHeaders(contentTypeFor(file.filePath)),
      });
    } catch (error) {
      return isMissingFileError(error) ? errorResponse(404) : errorResponse(500);
    }
  };
}
