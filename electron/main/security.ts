import type { Session, Shell } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/platform/app-origin';

type ExternalOpener = Pick<Shell, 'openExternal'>;

interface PreventableEvent {
  preventDefault(): void;
}

interface NavigationDetails extends PreventableEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** The webContents events and setters the guards use; Electron's `WebContents` fits. */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of the app's own origin. Compares protocol and host rather than
 * `URL.origin`, which Node reports as "null" for `app:` and `javascript:` alike.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The normalised form of an `http:`/`https:` URL that may be handed to the system browser, or null. */
export function safeExternalUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** True for `http:`/`https:` URLs with a host and no credentials; everything else stays in the app or is dropped. */
export function isSafeExternalUrl(url: string): boolean {
  return safeExternalUrl(url) !== null;
}

function openExternally(url: string, shell: ExternalOpener): void {
  const safeUrl = safeExternalUrl(url);
  if (safeUrl === null) return;
  // A browser that fails to launch must not become an unhandled rejection in main.
  shell.openExternal(safeUrl).catch(() => undefined);
}

/** A `setWindowOpenHandler` handler: never opens an Electron window; safe links go to the system browser. */
export function handleWindowOpen(shell: ExternalOpener): (details: { readonly url: string }) => { action: 'deny' } {
  return ({ url }) => {
    openExternally(url, shell);
    return { action: 'deny' };
  };
}

/**
 * Keeps a frame on the app origin: any other navigation is prevented, and safe external links
 * are opened in the system browser when a `shell` is given.
 */
export function guardNavigation(event: PreventableEvent, url: string, shell: ExternalOpener | null): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  if (shell !== null) openExternally(url, shell);
}

/** Permission request handler: every request (camera, notifications, clipboard, ...) is refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (isGranted: boolean) => void): void {
  callback(false);
}

/** Permission check and device permission handler: nothing is granted. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Installs the deny-everything permission handlers on a session. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}

/** Wires the window-open, navigation and `<webview>` guards into one webContents. */
export function attachWebContentsGuards(contents: GuardedWebContents, shell: ExternalOpener): void {
  contents.setWindowOpenHandler(handleWindowOpen(shell));
  // will-frame-navigate fires first (for every frame) and a prevented navigation never reaches
  // will-navigate, so only a main-frame click opens the browser, and only once.
  contents.on('will-frame-navigate', (details) => guardNavigation(details, details.url, details.isMainFrame ? shell : null));
  contents.on('will-navigate', (details) => guardNavigation(details, details.url, shell));
  contents.on('will-redirect', (details) => guardNavigation(details, details.url, null));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
