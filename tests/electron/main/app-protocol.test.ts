import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentTypeFor, createAppProtocolHandler, resolveAppRequest } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_CSP } from '../../../shared/platform/content-security-policy';

const root = path.resolve('/srv/discovery-desk/renderer');
const inRoot = (...segments: string[]): string => path.join(root, ...segments);

function isInsideRoot(filePath: string): boolean {
  const relative = path.relative(root, filePath);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

describe('resolveAppRequest', () => {
  it.each(['app://discovery-desk', 'app://discovery-desk/', 'app://discovery-desk/?from=menu'])('maps %s to index.html', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'file', filePath: inRoot('index.html') });
  });

  it('maps asset paths inside the root', () => {
    expect(resolveAppRequest('app://discovery-desk/assets/index-abc.js', root)).toEqual({
      kind: 'file',
      filePath: inRoot('assets', 'index-abc.js'),
    });
    expect(resolveAppRequest('app://discovery-desk/assets/my%20font.woff2#x', root)).toEqual({
      kind: 'file',
      filePath: inRoot('assets', 'my font.woff2'),
    });
  });

  it.each([
    'app://discovery-desk/../../etc/passwd',
    'app://discovery-desk/../renderer/index.html',
    'app://discovery-desk/assets/../../../etc/passwd',
    'app://discovery-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://discovery-desk/%2E%2E/%2e%2E/etc/passwd',
    'app://discovery-desk/.%2e/etc/passwd',
    'app://discovery-desk/..%2f..%2fetc/passwd',
    'app://discovery-desk/..%2F..%2Fetc/passwd',
    'app://discovery-desk/%2f%2fetc/passwd',
    'app://discovery-desk/..\\..\\etc\\passwd',
    'app://discovery-desk/..%5c..%5cetc%5cpasswd',
    'app://discovery-desk/..%5C..%5Cetc%5Cpasswd',
    'app://discovery-desk\\..\\..\\etc\\passwd',
    'app://discovery-desk/index.html%00.png',
    'app://discovery-desk/index.html\u0000.png',
    'app://discovery-desk/%0aindex.html',
    'app://discovery-desk/./index.html',
    'app://discovery-desk/C:/Windows/win.ini',
    'app://discovery-desk/index.html::$DATA',
    'app://discovery-desk/..%20/secret',
    'app://discovery-desk/index.html.',
    'app://discovery-desk/assets/CON',
    'app://discovery-desk/nul.txt',
    'app://discovery-desk/%E0%A4%A',
  ])('refuses %j', (url) => {
    const result = resolveAppRequest(url, root);
    expect(result.kind).toBe('error');
  });

  it.each([
    ['app://discovery-desk.evil/index.html', 403],
    ['app://discovery-desk.evil.com/index.html', 403],
    ['app://evil.com/index.html', 403],
    ['app://discovery-desk@evil/index.html', 403],
    ['app://evil@discovery-desk/index.html', 403],
    ['app://discovery-desk:80/index.html', 403],
    ['app://DISCOVERY-DESK/index.html', 403],
    ['app://Discovery-Desk/index.html', 403],
    ['app:///etc/passwd', 403],
    ['https://discovery-desk/index.html', 400],
    ['file:///etc/passwd', 400],
    ['app:discovery-desk/index.html', 400],
    ['not a url', 400],
  ] as const)('refuses the other origin %s with %i', (url, status) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'error', status });
  });

  it('decodes once: a double-encoded dot-dot stays a literal (missing) name inside the root', () => {
    const result = resolveAppRequest('app://discovery-desk/%252e%252e/%252e%252e/etc/passwd', root);
    expect(result).toEqual({ kind: 'file', filePath: inRoot('%2e%2e', '%2e%2e', 'etc', 'passwd') });
    if (result.kind === 'file') expect(isInsideRoot(result.filePath)).toBe(true);
  });

  it('keeps every accepted path inside the root', () => {
    const urls = ['app://discovery-desk/a/b/c.js', 'app://discovery-desk/%252e%252e/', 'app://discovery-desk/..foo/x', 'app://discovery-desk/notes/42'];
    for (const url of urls) {
      const result = resolveAppRequest(url, root);
      expect(result.kind).toBe('file');
      if (result.kind === 'file') expect(isInsideRoot(result.filePath)).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.ico', 'image/x-icon'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.txt', 'text/plain; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map<string, string>([
    [inRoot('index.html'), '<!doctype html><title>Discovery Desk</title>'],
    [inRoot('assets', 'index.js'), 'console.log(1)'],
  ]);
  const missing = (filePath: string): Error => Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
  const readFile = vi.fn(async (filePath: string): Promise<Uint8Array<ArrayBuffer>> => {
    const text = files.get(filePath);
    if (text === undefined) throw missing(filePath);
    return new TextEncoder().encode(text);
  });
  const handler = createAppProtocolHandler({ rootDir: root, readFile });
  const expectedCsp = `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_CSP}`;

  it('serves index.html for / with the CSP, nosniff and an HTML content type', async () => {
    const response = await handler(new Request('app://discovery-desk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Discovery Desk</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(expectedCsp);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler(new Request('app://discovery-desk/assets/index.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes without an extension', async () => {
    const response = await handler(new Request('app://discovery-desk/notes/42'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Discovery Desk');
  });

  it('answers 404 for a missing asset instead of serving HTML as script', async () => {
    const response = await handler(new Request('app://discovery-desk/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(expectedCsp);
  });

  it('serves a double-encoded dot-dot as the app page, never a file outside the root', async () => {
    readFile.mockClear();
    const response = await handler(new Request('app://discovery-desk/%252e%252e/%252e%252e/etc/passwd'));
    expect(response.status).toBe(200);
    for (const [filePath] of readFile.mock.calls) expect(isInsideRoot(filePath)).toBe(true);
  });

  // Raw request objects: `new Request()` would normalise the dot segments away before the handler sees them.
  it.each([
    ['app://discovery-desk/../../etc/passwd', 400],
    ['app://discovery-desk/%2e%2e/%2e%2e/etc/passwd', 400],
    ['app://discovery-desk/..%2f..%2fetc/passwd', 400],
    ['app://discovery-desk/..\\..\\etc\\passwd', 400],
    ['app://discovery-desk/index.html%00', 400],
    ['app://evil.com/index.html', 403],
    ['app://discovery-desk@evil.com/index.html', 403],
  ] as const)('refuses %s with %i and reads nothing', async (url, status) => {
    readFile.mockClear();
    const response = await handler({ method: 'GET', url });
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Security-Policy')).toBe(expectedCsp);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(readFile).not.toHaveBeenCalled();
  });

  it('never reads outside the root for a URL Chromium has already normalised', async () => {
    readFile.mockClear();
    const response = await handler(new Request('app://discovery-desk/%2e%2e/%2e%2e/etc/passwd'));
    expect(response.status).toBe(200);
    expect(readFile.mock.calls.length).toBeGreaterThan(0);
    for (const [filePath] of readFile.mock.calls) expect(isInsideRoot(filePath)).toBe(true);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405', async (method) => {
    const response = await handler(new Request('app://discovery-desk/index.html', { method, body: method === 'DELETE' ? null : 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await handler(new Request('app://discovery-desk/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('answers 500 without leaking the error when the disk fails', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error('EIO: i/o error, read /srv/secret'), { code: 'EIO' })),
    });
    const response = await failing(new Request('app://discovery-desk/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/srv');
  });
});
