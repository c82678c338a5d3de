// The desktop app's main process: serves the built renderer on app://, opens one hardened window, registers the
// validated IPC handlers, and runs the engine in a worker thread that loads its models on first use.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { appResponse } from './app-files';
import { electronDialogs } from './dialogs';
import { EngineClient } from './engine-client';
import { createHandlers, registerIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, isAllowedPermission, isAllowedRequest, windowOptions } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
app.enableSandbox();

const root = app.getAppPath();
const rendererDir = path.join(root, 'dist', 'renderer');
/** Where voices live; VOICECLONE_LIBRARY overrides it (e.g. to keep a library on another disk). */
const libraryDir = process.env.VOICECLONE_LIBRARY ?? path.join(app.getPath('userData'), 'library');
const engine = new EngineClient({
  workerFile: path.join(root, 'dist-electron', 'engine-worker.js'),
  engineModule: path.join(root, 'ml', 'engine.ts'),
  libraryDir,
});
let mainWindow: BrowserWindow | null = null;

function lockDownSession(): void {
  const s = session.defaultSession;
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  s.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isAllowedPermission(permission, contents.getURL(), mediaTypes));
  });
  s.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, `${requestingOrigin}/`),
  );
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(root, 'dist-electron', 'preload.cjs')));
  mainWindow = win;
  win.removeMenu();
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, async (request) => {
      const r = await appResponse(rendererDir, new URL(request.url).pathname);
      return new Response(r.body, { status: r.status, headers: r.headers });
    });
    lockDownSession();
    registerIpc(ipcMain, createHandlers(engine, electronDialogs(() => mainWindow)), () =>
      mainWindow ? { webContentsId: mainWindow.webContents.id, origin: APP_ORIGIN } : null,
    );
    createWindow();
  });

  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit());
  });
}
