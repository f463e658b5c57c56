import { BrowserWindow, type Session } from 'electron';
import { DESKTOP_ORIGIN } from '../api/desktop.js';

/**
 * Nothing in the window gets more than a web page would: no Node, an isolated
 * and sandboxed preload, no navigation away from our page, no new windows, no
 * permissions (camera, notifications, …) granted.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindow {
  show(): void;
  /** Loads (or reloads) the dashboard: its CSP names the engine's admin origin, so it loads once that is known. */
  load(): void;
  /** Closing hides the window; only quitting closes it. */
  allowClose(): void;
  readonly window: BrowserWindow;
}

export function createMainWindow(preload: string, showAtOnce: boolean): MainWindow {
  let closing = false;
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Hookferry',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${DESKTOP_ORIGIN}/`)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    window.hide();
  });
  if (showAtOnce) window.once('ready-to-show', () => window.show());
  return {
    window,
    load() {
      void window.loadURL(`${DESKTOP_ORIGIN}/index.html`);
    },
    show() {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    allowClose() {
      closing = true;
    },
  };
}
