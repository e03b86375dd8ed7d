import { describe, expect, it, vi } from 'vitest';
import {
  attachWebContentsGuards,
  denyDevicePermission,
  handlePermissionCheck,
  handlePermissionRequest,
  installPermissionHandlers,
  keepSpellCheckerOffline,
  guardNavigation,
  handleWindowOpen,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../electron/main/security';

const DANGEROUS_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://host/share/x.exe',
  'smb://host/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=calc',
  '\\\\host\\share',
  '\\\\?\\C:\\Windows\\System32\\calc.exe',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://discovery-desk/5c3f',
  'about:blank',
  'chrome://settings',
  'mailto:someone@example.com',
  'https://user:secret@example.com/',
  'https://user@example.com/',
  'https://',
  'not a url',
  '',
];

const LOOK_ALIKE_APP_URLS = [
  'app://discovery-desk.evil.com/index.html',
  'app://evil.com/index.html',
  'app://discovery-desk@evil.com/index.html',
  'app://user@discovery-desk/index.html',
  'app://discovery-desk:8080/index.html',
  'app://discovery-deskx/index.html',
  'app://DISCOVERY-DESK-EVIL/index.html',
  'https://discovery-desk/index.html',
  'http://discovery-desk/index.html',
  'app:discovery-desk/index.html',
  'apps://discovery-desk/index.html',
];

function fakeShell() {
  return { openExternal: vi.fn((_url: string) => Promise.resolve()) };
}

function fakeEvent() {
  return { preventDefault: vi.fn() };
}

describe('isAppUrl', () => {
  it('accepts the app origin with any path', () => {
    expect(isAppUrl('app://discovery-desk/index.html')).toBe(true);
    expect(isAppUrl('app://discovery-desk/')).toBe(true);
    expect(isAppUrl('app://discovery-desk/notes/42?x=1#top')).toBe(true);
  });

  it.each(LOOK_ALIKE_APP_URLS)('refuses the look-alike %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each(DANGEROUS_URLS)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/', 'http://example.com/path?q=1', 'HTTPS://Example.com/a', 'https://discovery-desk/'])(
    'allows %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each(DANGEROUS_URLS)('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses the app origin itself, which is not external', () => {
    expect(isSafeExternalUrl('app://discovery-desk/index.html')).toBe(false);
  });
});

describe('guardNavigation', () => {
  it('lets the app navigate within its own origin', () => {
    const event = fakeEvent();
    const shell = fakeShell();
    guardNavigation(event, 'app://discovery-desk/notes/1', shell);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents an https navigation and opens it in the system browser instead', () => {
    const event = fakeEvent();
    const shell = fakeShell();
    guardNavigation(event, 'https://example.com/docs', shell);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
  });

  it('hands the browser the normalised URL, not the raw string', () => {
    const shell = fakeShell();
    guardNavigation(fakeEvent(), ' https://example.com/a b', shell);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/a%20b');
  });

  it.each([...DANGEROUS_URLS, ...LOOK_ALIKE_APP_URLS.filter((url) => !url.startsWith('http'))])(
    'prevents %j and never hands it to the shell',
    (url) => {
      const event = fakeEvent();
      const shell = fakeShell();
      guardNavigation(event, url, shell);
      expect(event.preventDefault).toHaveBeenCalledOnce();
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('prevents without opening anything when no shell is given', () => {
    const event = fakeEvent();
    expect(() => guardNavigation(event, 'https://example.com/', null)).not.toThrow();
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('swallows a browser that fails to launch', async () => {
    const shell = { openExternal: vi.fn(() => Promise.reject(new Error('no browser'))) };
    guardNavigation(fakeEvent(), 'https://example.com/', shell);
    await Promise.resolve();
    expect(shell.openExternal).toHaveBeenCalledOnce();
  });
});

describe('handleWindowOpen', () => {
  it.each(['https://example.com/', 'app://discovery-desk/index.html', 'javascript:alert(1)', 'about:blank', 'file:///etc/passwd'])(
    'denies window.open(%j)',
    (url) => {
      expect(handleWindowOpen(fakeShell())({ url })).toEqual({ action: 'deny' });
    },
  );

  it('opens safe links in the system browser', () => {
    const shell = fakeShell();
    handleWindowOpen(shell)({ url: 'https://example.com/' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/');
  });

  it.each(DANGEROUS_URLS)('does not hand %j to the shell', (url) => {
    const shell = fakeShell();
    handleWindowOpen(shell)({ url });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('permission handlers', () => {
  const fromApp = { requestingUrl: 'app://discovery-desk/index.html#/board/r1/workshop' };

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'pointerLock', 'unknown'])(
    'refuses a %s request, even from the app',
    (permission) => {
      const callback = vi.fn();
      handlePermissionRequest({}, permission, callback, fromApp);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it("grants full screen to the app's own pages (the workshop's projector mode)", () => {
    const callback = vi.fn();
    handlePermissionRequest({}, 'fullscreen', callback, fromApp);
    expect(callback).toHaveBeenCalledExactlyOnceWith(true);
    expect(handlePermissionCheck({}, 'fullscreen', 'app://discovery-desk')).toBe(true);
  });

  it.each([
    ['another origin', 'https://example.com/'],
    ['a look-alike host', 'app://discovery-desk.evil/'],
    ['a file', 'file:///tmp/page.html'],
  ])('refuses full screen to %s', (_name, requestingUrl) => {
    const callback = vi.fn();
    handlePermissionRequest({}, 'fullscreen', callback, { requestingUrl });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(handlePermissionCheck({}, 'fullscreen', requestingUrl)).toBe(false);
  });

  it('refuses full screen when the request does not say who asks', () => {
    const callback = vi.fn();
    handlePermissionRequest({}, 'fullscreen', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('refuses every other permission check and every device', () => {
    expect(handlePermissionCheck({}, 'media', 'app://discovery-desk')).toBe(false);
    expect(denyDevicePermission()).toBe(false);
  });

  it('installs the handlers on the session', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionHandlers(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledExactlyOnceWith(handlePermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledExactlyOnceWith(handlePermissionCheck);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledExactlyOnceWith(denyDevicePermission);
  });
});

describe('keepSpellCheckerOffline', () => {
  function fakeSession() {
    return { setSpellCheckerDictionaryDownloadURL: vi.fn(), setSpellCheckerEnabled: vi.fn() };
  }

  it('points dictionary downloads inside the app, never at a server', () => {
    const session = fakeSession();
    keepSpellCheckerOffline(session, 'linux');
    const [url] = session.setSpellCheckerDictionaryDownloadURL.mock.calls[0] ?? [];
    expect(typeof url === 'string' && isAppUrl(url)).toBe(true);
    expect(url).toMatch(/\/$/);
  });

  it.each(['linux', 'win32', 'freebsd'] as const)('switches the Hunspell spell checker off on %s, where it would download dictionaries', (platform) => {
    const session = fakeSession();
    keepSpellCheckerOffline(session, platform);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  it("keeps macOS's own spell checker, which downloads nothing", () => {
    const session = fakeSession();
    keepSpellCheckerOffline(session, 'darwin');
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(true);
  });
});

describe('attachWebContentsGuards', () => {
  function guardedContents() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const contents = {
      on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
        listeners.set(name, listener);
        return contents;
      }),
      setWindowOpenHandler: vi.fn(),
    };
    const shell = fakeShell();
    attachWebContentsGuards(contents, shell);
    const emit = (name: string, ...args: unknown[]): void => {
      const listener = listeners.get(name);
      if (listener === undefined) throw new Error(`no listener for ${name}`);
      listener(...args);
    };
    return { contents, shell, emit };
  }

  it('installs a window-open handler that denies', () => {
    const { contents, shell } = guardedContents();
    const handler: unknown = contents.setWindowOpenHandler.mock.calls[0]?.[0];
    if (typeof handler !== 'function') throw new Error('no window-open handler');
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledOnce();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks leaving the app', (name) => {
    const { shell, emit } = guardedContents();
    const details = { ...fakeEvent(), url: 'javascript:alert(1)', isMainFrame: true };
    emit(name, details);
    expect(details.preventDefault).toHaveBeenCalledOnce();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: lets the app navigate within itself', (name) => {
    const { emit } = guardedContents();
    const details = { ...fakeEvent(), url: 'app://discovery-desk/notes', isMainFrame: true };
    emit(name, details);
    expect(details.preventDefault).not.toHaveBeenCalled();
  });

  it('opens a main-frame link in the browser, but not a sub-frame or redirect', () => {
    const { shell, emit } = guardedContents();
    const mainFrame = { ...fakeEvent(), url: 'https://example.com/a', isMainFrame: true };
    const subFrame = { ...fakeEvent(), url: 'https://example.com/b', isMainFrame: false };
    const redirect = { ...fakeEvent(), url: 'https://example.com/c', isMainFrame: true };
    emit('will-frame-navigate', mainFrame);
    emit('will-frame-navigate', subFrame);
    emit('will-redirect', redirect);
    for (const details of [mainFrame, subFrame, redirect]) expect(details.preventDefault).toHaveBeenCalledOnce();
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/a');
  });

  it('refuses to attach a <webview>', () => {
    const { emit } = guardedContents();
    const event = fakeEvent();
    emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
