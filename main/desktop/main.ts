import { join } from 'node:path';
import { app, clipboard, dialog, ipcMain, Notification, safeStorage, session, shell } from 'electron';
import type { PublicAddressStatus, Settings, Stats } from '../api/contract.js';
import { translatorFor } from '../i18n/translator.js';
import {
  DESKTOP_ORIGIN,
  type DesktopHandlers,
  type EngineStatus,
  EXTERNAL_LINKS,
  eventChannel,
} from '../api/desktop.js';
import { registerAppScheme, serveDashboard } from './app-protocol.js';
import { type EngineReady, type EngineState, EngineSupervisor } from './engine-supervisor.js';
import { EngineWatch } from './engine-watch.js';
import { registerDesktopCalls } from './ipc.js';
import { type Custody, obtainDataKey } from './key-custody.js';
import { Notifier } from './notifier.js';
import { keyStoreOf, openPreferences, type PreferenceStore } from './preferences.js';
import { AppTray } from './tray.js';
import { type TrayAction, trayView } from './tray-state.js';
import { spawnUtilityEngine } from './utility-engine.js';
import { createMainWindow, lockDownSession, type MainWindow } from './window.js';

/*
 * The desktop app's composition root. Everything with a decision in it lives
 * in the modules beside this file (supervisor, key custody, tray state,
 * notifier, IPC wrapper) and is tested without Electron; this file only wires
 * them to Electron's objects.
 */

/** Given to the OS as the login item's argument: started at login, so open to the tray. */
const HIDDEN_FLAG = '--hidden';

registerAppScheme();
// Where the app keeps its data, for a second profile or a test run; normally the OS's place for app data.
if (process.env.HOOKFERRY_DATA_DIR) app.setPath('userData', process.env.HOOKFERRY_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('com.hookferry.app');
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  const dataDir = app.getPath('userData');
  const preferences = openPreferences();
  lockDownSession(session.defaultSession);

  const custody = await keyWithConsent(preferences);
  if (!custody) return app.quit();

  let engineState: EngineState = { phase: 'starting', restarts: 0 };
  const runningEngine = () => (engineState.phase === 'running' ? engineState.engine : null);
  let watch: EngineWatch | null = null;
  let stats: Stats | null = null;
  let publicAddress: PublicAddressStatus | null = null;
  let language: Settings['language'] = 'en';
  const waitingForEngine: ((engine: EngineReady) => void)[] = [];
  /** The admin origin the page's CSP was made for; a new one (another port) needs a reload. */
  let loadedFor: string | null = null;

  serveDashboard(join(root, 'dist', 'renderer'), () => loadedFor);
  const window: MainWindow = createMainWindow(
    join(root, 'dist', 'preload', 'preload.cjs'),
    !startedHidden(preferences),
  );
  app.on('second-instance', () => window.show());
  // macOS: a click on the Dock icon brings the hidden window back.
  app.on('activate', () => window.show());

  const notifier = new Notifier(
    (notice) => new Notification(notice).show(),
    () => language,
  );
  const tray = new AppTray(join(root, 'main', 'desktop', 'icons'), (action) => {
    // The engine may be restarting; the tray shows that, and the next click tries again.
    act(action).catch((error: unknown) => console.warn(`Tray action ${action} failed: ${(error as Error).message}`));
  });
  const redraw = () =>
    tray.show(
      trayView({
        engine: engineState,
        stats,
        startAtLogin: preferences.get('startAtLogin'),
        language,
        publicAddress: publicAddress?.url ?? null,
      }),
    );

  const supervisor = new EngineSupervisor({
    spawn: () => spawnUtilityEngine(join(root, 'dist', 'main', 'serve.js'), dataDir),
    dataKey: custody.key,
    onState: (state) => {
      engineState = state;
      watch?.stop();
      watch = null;
      const running = runningEngine();
      if (running && new URL(running.adminUrl).origin !== loadedFor) {
        loadedFor = new URL(running.adminUrl).origin;
        window.load();
      }
      if (running) {
        for (const resolve of waitingForEngine.splice(0)) resolve(running);
        watch = new EngineWatch(running, {
          stats: (next) => {
            stats = next;
            notifier.stats(next);
            redraw();
          },
          message: (message) => {
            notifier.message(message);
            if (message.type === 'public-address') {
              const { type: _type, ...next } = message;
              publicAddress = next;
              redraw();
            }
          },
          settings: (settings) => {
            language = settings.language;
            redraw();
          },
        });
        watch.start();
        void watch.api('getPublicAddress').then(
          (address) => {
            publicAddress = address;
            redraw();
          },
          () => {},
        );
      }
      window.window.webContents.send(eventChannel('engineStatus'), statusOf(state));
      redraw();
      if (state.phase === 'failed') void explainFailure(state.reason);
    },
  });

  /** The engine will not start until the user acts (a damaged database): say so, with the way to the folder. */
  async function explainFailure(reason: string): Promise<void> {
    // The language last read from the engine: a damaged database cannot say which one was chosen.
    const t = translatorFor(language);
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Hookferry',
      message: t('desktop.cannotStart'),
      detail: reason,
      buttons: [t('desktop.openDataFolder'), t('desktop.quit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) await shell.openPath(dataDir);
    app.quit();
  }
  supervisor.start();
  redraw();

  const setStartAtLogin = (on: boolean) => {
    app.setLoginItemSettings({ openAtLogin: on, args: [HIDDEN_FLAG] });
    preferences.set('startAtLogin', on);
    redraw();
    return on;
  };
  const handlers: DesktopHandlers = {
    engine: async () => {
      const engine = runningEngine() ?? (await new Promise<EngineReady>((resolve) => waitingForEngine.push(resolve)));
      return { adminUrl: engine.adminUrl, adminToken: engine.adminToken };
    },
    openDataFolder: async () => {
      await shell.openPath(dataDir);
      return null;
    },
    getStartAtLogin: () => preferences.get('startAtLogin'),
    setStartAtLogin,
    appVersion: () => app.getVersion(),
    openLink: async (name) => {
      await shell.openExternal(EXTERNAL_LINKS[name]);
      return null;
    },
  };
  registerDesktopCalls(ipcMain, DESKTOP_ORIGIN, handlers, (channel, reason) =>
    console.warn(`Refused a call on ${channel}: ${reason}`),
  );

  async function act(action: TrayAction): Promise<void> {
    const api = watch?.api;
    if (action === 'open') return window.show();
    if (action === 'quit') return app.quit();
    if (action === 'toggle-start-at-login') return void setStartAtLogin(!preferences.get('startAtLogin'));
    if (!api) return;
    if (action === 'copy-intake-url') {
      // The address the sender must use: the public one when there is one.
      const [first] = await api('listSources');
      if (first) await clipboard.writeText(first.publicUrl ?? first.ingestUrl);
    } else if (action === 'copy-public-address') {
      const { url } = await api('getPublicAddress');
      if (url) await clipboard.writeText(url);
    } else if (action === 'toggle-pause') {
      await api('putSettings', { body: { deliveriesPaused: !(stats?.deliveriesPaused ?? false) } });
    } else if (action === 'resend-failed') {
      for (const destination of stats?.destinations ?? []) {
        if (destination.failed > 0) await api('resendFailed', { params: { id: destination.id } });
      }
    }
    await watch?.fetchStats();
  }

  if (custody.status === 'replaced')
    void dialog.showMessageBox({
      type: 'warning',
      title: 'Hookferry',
      message: 'Saved secrets could not be unlocked',
      detail: custody.reason,
    });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    window.allowClose();
    watch?.stop();
    notifier.dispose();
    void supervisor.stop().then(() => {
      tray.destroy();
      app.quit();
    });
  });
  // A tray app: closing the last window keeps it running.
  app.on('window-all-closed', () => {});
}

/** The data key, asking first where the OS has no key store. Null: the user chose to quit. */
async function keyWithConsent(preferences: PreferenceStore): Promise<Extract<Custody, { key: Buffer }> | null> {
  const custody = obtainDataKey(safeStorage, keyStoreOf(preferences), process.platform);
  if (custody.status !== 'needs-consent') return custody;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Hookferry',
    message: 'This computer has no password store for Hookferry to use',
    detail:
      'Hookferry encrypts the passwords and secrets you give it with a key, and normally asks the operating system to lock that key away (Keychain, Windows credentials, GNOME Keyring or KWallet). None is available here, so the key would be kept in a file only your user account can read. Anyone who can read your files could then read the secrets.\n\nInstall GNOME Keyring or KWallet and restart Hookferry to avoid this, or continue.',
    buttons: ['Continue without a password store', 'Quit'],
    defaultId: 1,
    cancelId: 1,
  });
  if (response !== 0) return null;
  preferences.set('plainKeyConsent', true);
  const agreed = obtainDataKey(safeStorage, keyStoreOf(preferences), process.platform);
  return agreed.status === 'needs-consent' ? null : agreed;
}

function startedHidden(preferences: PreferenceStore): boolean {
  const atLogin = process.argv.includes(HIDDEN_FLAG) || app.getLoginItemSettings().wasOpenedAtLogin === true;
  return atLogin && preferences.get('startMinimized');
}

function statusOf(state: EngineState): EngineStatus {
  if (state.phase === 'waiting')
    return {
      phase: 'waiting',
      message: `${state.reason} Hookferry tries again in ${Math.ceil(state.retryInMs / 1000)} s.`,
    };
  if (state.phase === 'failed') return { phase: 'stopped', message: state.reason };
  return { phase: state.phase, message: null };
}
