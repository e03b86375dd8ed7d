import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../../shared/platform/app-origin';
import { trackWindowState, type TrackedWindow, type WindowState } from './window-state';

export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;
export const MAIN_WINDOW_MIN_SIZE = { width: 720, height: 480 } as const;

export interface MainWindowOptionsInput {
  readonly bounds: Pick<WindowState, 'x' | 'y' | 'width' | 'height'>;
  readonly preloadPath: string;
  /** Matches the background painted before the page to the OS theme. */
  readonly isDarkMode?: boolean;
}

/** The main window's options: every Electron security switch set explicitly, whatever the defaults. */
export function mainWindowOptions({ bounds, preloadPath, isDarkMode = false }: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const position = bounds.x === undefined || bounds.y === undefined ? { center: true } : { x: bounds.x, y: bounds.y };
  return {
    ...position,
    width: bounds.width,
    height: bounds.height,
    minWidth: MAIN_WINDOW_MIN_SIZE.width,
    minHeight: MAIN_WINDOW_MIN_SIZE.height,
    title: 'Discovery Desk',
    show: false,
    backgroundColor: isDarkMode ? '#1f2328' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** The parts of a `BrowserWindow` used here. */
export interface MainWindow extends TrackedWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  loadURL(url: string): Promise<void>;
}

export interface MainWindowDeps<W extends MainWindow> {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => W;
  readonly preloadPath: string;
  readonly isDarkMode: boolean;
  readonly windowState: WindowState;
  readonly saveWindowState: (state: WindowState) => void;
  readonly onError: (error: unknown) => void;
}

/** Creates the main window hidden, shows it once painted (avoiding a white flash) and remembers its bounds. */
export function createMainWindow<W extends MainWindow>(deps: MainWindowDeps<W>): W {
  const { windowState } = deps;
  const window = deps.createWindow(mainWindowOptions({ bounds: windowState, preloadPath: deps.preloadPath, isDarkMode: deps.isDarkMode }));
  window.once('ready-to-show', () => {
    if (windowState.isMaximized) window.maximize();
    window.show();
  });
  trackWindowState(window, { save: deps.saveWindowState, onError: deps.onError });
  window.loadURL(MAIN_WINDOW_URL).catch(deps.onError);
  return window;
}
