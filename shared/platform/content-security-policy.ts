/**
 * The Content-Security-Policy of the renderer, used both as the `app://` response header
 * (desktop) and as a `<meta>` tag in the built index.html (browser mode).
 * No remote origin for code, styles or images. Connections: the app's own origin, and the team
 * workspace's server, whose address the user types in Settings (any http(s)/ws(s) address, since a
 * build cannot know it); nothing connects unless this device joined a team.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http: https: ws: wss:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Directives a `<meta>` tag cannot carry; only the desktop response header adds them. */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";
