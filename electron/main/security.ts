import type { Session, Shell } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/platform/app-origin';

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

/** The one permission the app's own pages are granted: full screen, for the workshop's projector mode. */
export const GRANTED_PERMISSION = 'fullscreen';

/**
 * Permission request handler: full screen for a page of the app's own origin; every other request
 * (camera, notifications, clipboard, ...) and every request from anywhere else is refused.
 */
export function handlePermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (isGranted: boolean) => void,
  details?: { readonly requestingUrl?: string },
): void {
  callback(permission === GRANTED_PERMISSION && details?.requestingUrl !== undefined && isAppUrl(details.requestingUrl));
}

/** Permission check handler: the same rule, for the origin asking. */
export function handlePermissionCheck(_webContents: unknown, permission: string, requestingOrigin: string): boolean {
  return permission === GRANTED_PERMISSION && isAppUrl(requestingOrigin);
}

/** Device permission handler (USB, serial, HID, Bluetooth): nothing is granted. */
export function denyDevicePermission(): boolean {
  return false;
}

/** Installs the permission handlers on a session. */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler(handlePermissionRequest);
  session.setPermissionCheckHandler(handlePermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
}

/** Where Chromium would download Hunspell dictionaries from: a path of the app's own origin, so never the network. */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

/**
 * Keeps the spell checker from downloading anything (the app makes no network request). macOS
 * checks spelling with the OS's own checker; on Windows and Linux Chromium's checker needs Hunspell
 * dictionaries downloaded from Google's servers, so there it is switched off.
 */
export function keepSpellCheckerOffline(
  session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerEnabled'>,
  platform: NodeJS.Platform,
): void {
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.setSpellCheckerEnabled(platform === 'darwin');
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
