import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_SCHEME } from '../../shared/platform/app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { applicationMenuTemplate } from './application-menu';
import { confirmUnload } from './confirm-unload';
import { createMainWindow } from './create-main-window';
import { createBackupStore } from './backups/backup-store';
import { createAppInfoHandler } from './ipc/app-info';
import { createBackupHandlers } from './ipc/backups';
import { createFileHandlers } from './ipc/files';
import { createLiveWorkshopHandlers } from './ipc/live-workshop';
import { createLogHandlers } from './ipc/logs';
import { createRotatingLog } from './logs/rotating-log';
import { createPrintToPdfHandler } from './ipc/print-to-pdf';
import { registerIpcHandlers, trustedSender } from './ipc/register-ipc-handlers';
import { attachWebContentsGuards, installPermissionHandlers, keepSpellCheckerOffline } from './security';
import { loadWindowState, saveWindowState, WINDOW_STATE_FILE_NAME } from './window-state';

// dist/electron/main.cjs serves dist/renderer and loads its sibling dist/electron/preload.cjs.
const rendererRoot = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let stopLiveWorkshop: (() => void) | null = null;

function reportError(error: unknown): void {
  console.error('[discovery-desk]', error);
}

function openMainWindow(): BrowserWindow {
  const windowStatePath = path.join(app.getPath('userData'), WINDOW_STATE_FILE_NAME);
  const windowState = loadWindowState(windowStatePath, fs, {
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    primaryWorkArea: screen.getPrimaryDisplay().workArea,
  });
  const window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath,
    isDarkMode: nativeTheme.shouldUseDarkColors,
    windowState,
    saveWindowState: (state) => saveWindowState(windowStatePath, state, fs),
    onError: reportError,
  });
  window.webContents.on('will-prevent-unload', confirmUnload(dialog, () => mainWindow));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  return window;
}

function onReady(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererRoot, readFile: (filePath) => fs.promises.readFile(filePath) }));
  installPermissionHandlers(session.defaultSession);
  keepSpellCheckerOffline(session.defaultSession, process.platform);
  const fileHandlers = createFileHandlers({ dialog, getWindow: () => mainWindow, fs: fs.promises });
  const live = createLiveWorkshopHandlers({
    serverEntry: path.join(__dirname, '../server/host-process.mjs'),
    participantDir: path.join(__dirname, '../participant'),
    dataDir: path.join(app.getPath('userData'), 'live-workshops'),
    env: process.env,
    platform: process.platform,
    exists: (filePath) => fs.existsSync(filePath),
    // The system's Node, not Electron: stdin stays open so the server ends when the app does.
    spawn: (command, args, env) => spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'inherit'], windowsHide: true }),
    fetch: (url, init) => fetch(url, init),
    randomSecret: () => randomBytes(32).toString('base64url'),
  });
  stopLiveWorkshop = live.stop;
  registerIpcHandlers(
    ipcMain,
    {
      getAppInfo: createAppInfoHandler({
        app,
        platform: process.platform,
        versions: { electron: process.versions.electron, chrome: process.versions.chrome },
      }),
      ...fileHandlers,
      ...createBackupHandlers(
        createBackupStore({
          dir: path.join(app.getPath('userData'), 'backups'),
          fs: {
            mkdir: (dir, options) => fs.promises.mkdir(dir, options),
            writeFile: (filePath, data, options) => fs.promises.writeFile(filePath, data, options),
            rename: (from, to) => fs.promises.rename(from, to),
            rm: (filePath, options) => fs.promises.rm(filePath, options),
            readdir: (dir) => fs.promises.readdir(dir),
            stat: (filePath) => fs.promises.stat(filePath),
            readChunk: async (filePath, position, length) => {
              const handle = await fs.promises.open(filePath, 'r');
              try {
                const buffer = new Uint8Array(length);
                const { bytesRead } = await handle.read(buffer, 0, length, position);
                return buffer.subarray(0, bytesRead);
              } finally {
                await handle.close();
              }
            },
          },
        }),
      ),
      ...live.handlers,
      ...createLogHandlers(
        createRotatingLog({
          dir: app.getPath('logs'),
          fs: {
            mkdir: (dir, options) => fs.promises.mkdir(dir, options),
            appendFile: (filePath, data) => fs.promises.appendFile(filePath, data, 'utf8'),
            readFile: (filePath, encoding) => fs.promises.readFile(filePath, encoding),
            rename: (from, to) => fs.promises.rename(from, to),
            rm: (filePath, options) => fs.promises.rm(filePath, options),
            stat: (filePath) => fs.promises.stat(filePath),
          },
        }),
      ),
      printToPdf: createPrintToPdfHandler({
        createPrintWindow: () =>
          new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true } }),
        saveFile: fileHandlers.saveFile,
      }),
    },
    trustedSender(() => BrowserWindow.getAllWindows().map((window) => window.webContents.id)),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.getName())));
  openMainWindow();
}

// Privileged schemes and the sandbox must be set before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB; hand over to the running one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) {
      if (app.isReady()) openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => attachWebContentsGuards(contents, shell));
  app.on('will-quit', () => stopLiveWorkshop?.());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
    reportError(error);
    app.quit();
  });
}
