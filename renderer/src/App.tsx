import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, Settings, Source, StreamMessage } from '../../main/api/contract';
import { openStream } from '../../main/api/stream-client';
import { AppContext, type AppState } from './context';
import { i18n } from './i18n';
import { connect, type Engine } from './lib/engine';
import { Destinations } from './pages/Destinations';
import { Failed } from './pages/Failed';
import { LiveLog } from './pages/LiveLog';
import { Overview } from './pages/Overview';
import { Settings as SettingsPage } from './pages/Settings';
import { Sources } from './pages/Sources';
import { readSession } from './session';

const pages = {
  overview: Overview,
  log: LiveLog,
  failed: Failed,
  destinations: Destinations,
  sources: Sources,
  settings: SettingsPage,
} as const;
type Page = keyof typeof pages;

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return name in pages ? (name as Page) : 'overview';
}

/** Where the engine is: the desktop shell's preload says so; headless, it is this page's own origin. */
async function findEngine(): Promise<Engine | null> {
  if (window.hookferry) {
    const { adminUrl, adminToken } = await window.hookferry.engine();
    return connect(adminUrl, adminToken);
  }
  const session = readSession(window.location, window.sessionStorage, window.history);
  return session ? connect(window.location.origin, session.token) : null;
}

export function App() {
  const { t } = useTranslation();
  const [engine, setEngine] = useState<Engine | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [destinations, setDestinations] = useState<Destination[]>([]);
  const [page, setPage] = useState<Page>(pageFromHash);
  const [connected, setConnected] = useState(true);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const listeners = useRef(new Set<(message: StreamMessage) => void>());

  const say = useCallback((text: string, tone: 'info' | 'error' = 'info') => setMessage({ text, tone }), []);

  useEffect(() => {
    void findEngine().then(setEngine);
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    // In the desktop app the shell restarts a stopped engine, which comes back with a new token: connect again.
    const unsubscribe = window.hookferry?.onEngineStatus((status) => {
      if (status.phase === 'running') void findEngine().then(setEngine);
      else if (status.message) say(status.message, 'error');
    });
    return () => {
      window.removeEventListener('hashchange', onHash);
      unsubscribe?.();
    };
  }, [say]);

  const reload = useCallback(async () => {
    if (!engine) return;
    const [nextSettings, nextSources, nextDestinations] = await Promise.all([
      engine.api('getSettings'),
      engine.api('listSources'),
      engine.api('listDestinations'),
    ]);
    setSettings(nextSettings);
    setSources(nextSources);
    setDestinations(nextDestinations);
  }, [engine]);

  useEffect(() => {
    if (!engine) return;
    reload().catch((error: Error) => say(error.message, 'error'));
    return openStream(
      engine,
      (streamMessage) => {
        if (streamMessage.type === 'notice' && streamMessage.level !== 'info')
          say(streamMessage.message, streamMessage.level === 'error' ? 'error' : 'info');
        for (const listener of listeners.current) listener(streamMessage);
      },
      setConnected,
    );
  }, [engine, reload, say]);

  useEffect(() => {
    if (!settings) return;
    void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
    const dark =
      settings.theme === 'dark' ||
      (settings.theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [settings]);

  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  const state: AppState | null = useMemo(
    () =>
      engine && settings
        ? {
            engine,
            settings,
            sources,
            destinations,
            reload,
            say,
            saveSettings: async (patch) => setSettings(await engine.api('putSettings', { body: patch })),
            subscribe: (listener) => {
              listeners.current.add(listener);
              return () => listeners.current.delete(listener);
            },
          }
        : null,
    [engine, settings, sources, destinations, reload, say],
  );

  if (engine === null) {
    return (
      <main className="signed-out">
        <h1>{t('app.title')}</h1>
        <p role="alert">{t('app.signedOut')}</p>
      </main>
    );
  }
  if (!state) return <main aria-busy="true">{t('common.loading')}</main>;
  const Current = pages[page];

  return (
    <AppContext.Provider value={state}>
      <div className="layout">
        <header className="top">
          <h1>{t('app.title')}</h1>
          <nav aria-label="Hookferry">
            {(Object.keys(pages) as Page[]).map((name) => (
              <a key={name} href={`#/${name}`} aria-current={page === name ? 'page' : undefined}>
                {t(`nav.${name}`)}
              </a>
            ))}
          </nav>
        </header>
        {!connected && (
          <p className="banner error" role="alert">
            {t('app.offline')}
          </p>
        )}
        {message && (
          <p
            className={`banner ${message.tone === 'error' ? 'error' : 'ok'}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            {message.text}{' '}
            <button onClick={() => setMessage(null)} aria-label={t('common.close')}>
              ✕
            </button>
          </p>
        )}
        <main>
          <Current />
        </main>
      </div>
    </AppContext.Provider>
  );
}
