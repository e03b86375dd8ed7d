import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, MAIN_WINDOW_URL, mainWindowOptions } from '../../../electron/main/create-main-window';
import type { WindowState } from '../../../electron/main/window-state';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, preloadPath: '/app/dist/electron/preload.cjs' });

  it('turns on every Electron security switch explicitly', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('loads the preload and enables spellcheck', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.webPreferences?.spellcheck).toBe(true);
  });

  it('starts hidden, titled, with a minimum size and the remembered bounds', () => {
    expect(options).toMatchObject({ show: false, title: 'Discovery Desk', x: 10, y: 20, width: 1000, height: 700 });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('centres the window when no position is known', () => {
    const centred = mainWindowOptions({ bounds: { width: 1280, height: 820 }, preloadPath: '/p.cjs' });
    expect(centred.center).toBe(true);
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
  });

  it('paints a dark background in dark mode', () => {
    const light = mainWindowOptions({ bounds: { width: 1280, height: 820 }, preloadPath: '/p.cjs' });
    const dark = mainWindowOptions({ bounds: { width: 1280, height: 820 }, preloadPath: '/p.cjs', isDarkMode: true });
    expect(dark.backgroundColor).not.toBe(light.backgroundColor);
  });
});

describe('createMainWindow', () => {
  function setup(windowState: WindowState, loadResult: Promise<void> = Promise.resolve()) {
    const created: BrowserWindowConstructorOptions[] = [];
    const window = Object.assign(new EventEmitter(), {
      show: vi.fn(),
      maximize: vi.fn(),
      loadURL: vi.fn(() => loadResult),
      getNormalBounds: () => ({ x: 0, y: 0, width: 1280, height: 820 }),
      isMaximized: () => false,
    });
    const saveWindowState = vi.fn();
    const onError = vi.fn();
    const result = createMainWindow({
      createWindow: (options) => {
        created.push(options);
        return window;
      },
      preloadPath: '/p.cjs',
      isDarkMode: false,
      windowState,
      saveWindowState,
      onError,
    });
    return { result, window, created, saveWindowState, onError };
  }

  it('creates the window with the secure options and loads the app origin', () => {
    const { result, window, created } = setup({ width: 1280, height: 820, isMaximized: false });
    expect(result).toBe(window);
    expect(created).toHaveLength(1);
    expect(created[0]?.webPreferences?.sandbox).toBe(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://discovery-desk/index.html');
    expect(MAIN_WINDOW_URL).toBe('app://discovery-desk/index.html');
  });

  it('shows the window only when ready to show', () => {
    const { window } = setup({ width: 1280, height: 820, isMaximized: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('restores the maximized state', () => {
    const { window } = setup({ width: 1280, height: 820, isMaximized: true });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it('saves the window state when it closes', () => {
    const { window, saveWindowState } = setup({ width: 1280, height: 820, isMaximized: false });
    window.emit('close');
    expect(saveWindowState).toHaveBeenCalledExactlyOnceWith({ x: 0, y: 0, width: 1280, height: 820, isMaximized: false });
  });

  it('reports a page that fails to load instead of leaving an unhandled rejection', async () => {
    const error = new Error('ERR_FILE_NOT_FOUND');
    const { onError } = setup({ width: 1280, height: 820, isMaximized: false }, Promise.reject(error));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledExactlyOnceWith(error));
  });
});
