import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../main/api/client';
import { type Appearance, AppContext, type AppState, type Said } from './context';
import { useFailedWaiting } from './data/failed-waiting';
import { useLiveStream } from './data/live-stream';
import { type Notices, type ShownNotice, useNotices } from './data/notices';
import { destinationsQuery, settingsQuery, sourcesQuery, statsQuery } from './data/queries';
import { i18n, rememberLanguage } from './i18n';
import { namesPart, useAddressPage } from './lib/address';
import { FailingBanners } from './components/FailingBanners';
import { PortsRefused } from './components/PortsRefused';
import { ReadError } from './components/ReadError';
import { formatNumber } from './lib/format';
import { connect, type Engine } from './lib/engine';
import { useCardIsOnScreen } from './lib/cards-on-screen';
import { useFailingLineIsOnScreen } from './lib/failing-lines-on-screen';
import { useReasonText } from './lib/reason';
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

/** The page shown for the one an address names: the Overview for one the dashboard does not have. */
function shownPage(page: string): Page {
  // Own keys only: `in` would also find `constructor` and its kin on the prototype, and blank the page.
  return Object.hasOwn(pages, page) ? (page as Page) : 'overview';
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

type Say = AppState['say'];

/** What an action said (a confirmation, or why it did not work): one at a time, the latest. */
interface Message {
  text: string;
  tone: 'info' | 'error';
}

export function App() {
  const { t } = useTranslation();
  const [engine, setEngine] = useState<Engine | null | undefined>(undefined);
  const [message, setMessage] = useState<Message | null>(null);
  const notices = useNotices();
  const { show } = notices;
  // The engine's notices each stand for a problem of their own: a second one is shown beside the first, not over it.
  const say: Say = useCallback(
    (text, tone = 'info') => (typeof text === 'string' ? setMessage({ text, tone }) : show(text, tone)),
    [show],
  );
  // What an action on a page said belongs to that page; the engine's notices stay until they are no longer true.
  const leftPage = useCallback(
    (text?: string) => setMessage((shown) => (text === undefined || shown?.text === text ? null : shown)),
    [],
  );

  useEffect(() => {
    void findEngine().then(setEngine);
    // In the desktop app the shell restarts a stopped engine, which comes back with a new token: connect again.
    return window.hookferry?.onEngineStatus((status) => {
      if (status.phase === 'running') void findEngine().then(setEngine);
      else if (status.message) say(status.message, 'error');
    });
  }, [say]);

  // An action's error is brought into view: the action may sit far down a long page (an import on Settings).
  const bannerRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message?.tone === 'error') bannerRef.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);

  // What an action said goes after a moment; its errors stay until closed.
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  if (engine === null) return <SignedOut />;
  if (!engine) return <main aria-busy="true">{t('common.loading')}</main>;
  return (
    <Dashboard
      key={engine.token}
      engine={engine}
      say={say}
      unsay={notices.unsay}
      leftFailed={notices.leftFailed}
      leftPage={leftPage}
      banner={
        <>
          {message && (
            <Banner anchor={bannerRef} tone={message.tone} onClose={() => setMessage(null)}>
              {message.text}
            </Banner>
          )}
          <FailingBanners engine={engine} notices={notices.shown} closeNotice={notices.close} />
          <NoticeList engine={engine} notices={notices.shown} onClose={notices.close} />
        </>
      }
    />
  );
}

function Banner({
  tone,
  anchor,
  onClose,
  children,
}: {
  tone: 'info' | 'error';
  anchor?: RefObject<HTMLParagraphElement | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <p
      ref={anchor}
      className={`banner ${tone === 'error' ? 'error' : 'ok'}`}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <span>{children}</span>
      <button onClick={onClose} aria-label={t('common.close')}>
        ✕
      </button>
    </p>
  );
}

const namesFailedEvent = (notice: ShownNotice) => notice.said.reason.code === 'notice.eventFailed';

/**
 * Every current notice, one banner each; a deleted destination's go with it. Of the failed-event notices (one per
 * destination), the last says how many wait in Failed in all when that is more than they name. On the Overview they
 * give way to its own sentence of what waits in Failed, which has the link there (and each card says why its
 * destination fails): the two said nearly the same. On the Failed page they point at the page they are on, whose
 * list shows each order with its reason and whose heading the count: they give way to it. One whose destination's
 * failing banner has its line on screen gives way to that line, which names its event.
 */
function NoticeList({
  engine,
  notices,
  onClose,
}: {
  engine: Engine;
  notices: ShownNotice[];
  onClose: (key: string) => void;
}) {
  const failed = useFailedWaiting();
  const destinations = useQuery(destinationsQuery(engine)).data;
  const page = shownPage(useAddressPage());
  const lineShown = useFailingLineIsOnScreen();
  const current = notices.filter((notice) => {
    const id = notice.said.reason.params.destinationId;
    if (id !== undefined && destinations && !destinations.some((destination) => destination.id === id)) return false;
    if (page === 'failed' && namesFailedEvent(notice)) return false;
    return !(page === 'overview' && !!failed && namesFailedEvent(notice));
  });
  // Its destination's failing banner says the reason and the count, and names this event: no second red box.
  const folded = (notice: ShownNotice) => {
    const id = notice.said.reason.params.destinationId;
    return namesFailedEvent(notice) && typeof id === 'string' && lineShown(id);
  };
  const naming = current.filter(namesFailedEvent);
  // The count in all goes on the last notice on screen; an event named in a banner still counts as named.
  const last = naming.filter((notice) => !folded(notice)).at(-1);
  return current.map((notice) =>
    folded(notice) ? null : (
      <Banner key={notice.key} tone={notice.tone} onClose={() => onClose(notice.key)}>
        <NoticeSaid engine={engine} said={notice.said} /> {notice === last && <FailedTotal beyond={naming.length} />}
      </Banner>
    ),
  );
}

/**
 * An engine's notice in the chosen language. Where a destination's card is on screen and already says why it fails,
 * and keeps saying it while it is true (the notice stays until closed): the notice points at the card instead of
 * saying the same sentence twice on one screen. Where the card is not (another page, or its editor in its place), the
 * notice says the reason itself.
 */
function NoticeSaid({ engine, said }: { engine: Engine; said: Said }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const destinations = useQuery(destinationsQuery(engine)).data;
  const stats = useQuery(statsQuery(engine)).data;
  const { params } = said.reason;
  const named = destinations?.find((destination) =>
    params.destinationId !== undefined
      ? destination.id === params.destinationId
      : destination.name === params.destination,
  );
  const card = named && stats?.destinations.find((entry) => entry.id === named.id);
  const cardShown = useCardIsOnScreen(named?.id);
  // A destination renamed since is called by its name now, as its card is.
  const reason = named ? { code: said.reason.code, params: { ...params, destination: named.name } } : said.reason;
  // The card says its last error in full until the destination takes events again (see DestinationCard).
  const onCard =
    cardShown && !!said.cause && !!card && card.health !== 'healthy' && card.lastReason?.code === said.cause.code;
  if (!onCard) return <>{reasonText(reason, said.english, said.cause)}</>;
  // The cause is a sentence of its own in both notices: it keeps its full stop.
  const pointer = t('destinations.causeOnCard') + '.';
  return <span data-testid="notice-points-at-card">{reasonText(reason, said.english, pointer)}</span>;
}

/** How many events wait in Failed in all, when that is more than the `beyond` the notices already name. */
function FailedTotal({ beyond }: { beyond: number }) {
  const { t } = useTranslation();
  const failed = useFailedWaiting() ?? 0;
  return failed > beyond ? <span data-testid="failed-total">{t('app.failedTotal', { count: failed })} </span> : null;
}

/** The menu's count shows at most this; the Failed page and the Overview say the whole number. */
const NAV_COUNT_MOST = 99;

/**
 * The menu's count of what waits in Failed, on its link's corner and out of the line (see .nav-count-slot): the menu
 * moved sideways (and down, where it wraps) when the count appeared or gained a digit.
 */
function NavCount({ count, language }: { count: number | undefined; language: string }) {
  return (
    <span className="nav-count-slot" aria-hidden="true">
      {!!count && (
        <span className="nav-count" data-testid="nav-failed-count">
          {count > NAV_COUNT_MOST ? `${formatNumber(NAV_COUNT_MOST, language)}+` : formatNumber(count, language)}
        </span>
      )}
    </span>
  );
}

/**
 * A sign-in link (`#token=…`, as Hookferry prints it) pasted into an open tab: it starts again from it, as a fresh tab
 * would, whether signed in already or asking for the link.
 */
function useSignInLinkPasted(): void {
  useEffect(() => {
    const onHash = () => {
      if (new URLSearchParams(window.location.hash.slice(1)).has('token')) window.location.reload();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}

/** No token at all, or one the engine refused (a link from an earlier start): how to open the dashboard again. */
function SignedOut({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation();
  useSignInLinkPasted();
  return (
    <main className="signed-out">
      <h1>{t('app.title')}</h1>
      <p role="alert">{t(expired ? 'app.expired' : 'app.signedOut')}</p>
    </main>
  );
}

const refused = (error: unknown) => error instanceof ApiCallError && error.status === 401;

/** Whether the engine refused this token, on any read or on the live stream; a new engine starts afresh. */
function useRefusedToken(): [boolean, () => void] {
  const client = useQueryClient();
  const [isRefused, setRefused] = useState(false);
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error' && refused(event.action.error)) setRefused(true);
      }),
    [client],
  );
  return [isRefused, useCallback(() => setRefused(true), [])];
}

/** The chosen language and theme, applied to the whole page. */
function useAppearance(appearance: Appearance | undefined) {
  const language = appearance?.language;
  const theme = appearance?.theme;
  useEffect(() => {
    if (!language || !theme) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [language, theme]);
}

function Dashboard({
  engine,
  say,
  unsay,
  leftFailed,
  leftPage,
  banner,
}: {
  engine: Engine;
  say: Say;
  unsay: Notices['unsay'];
  leftFailed: Notices['leftFailed'];
  leftPage: AppState['unsayAction'];
  banner: ReactNode;
}) {
  const { t, i18n: translation } = useTranslation();
  const page = shownPage(useAddressPage());
  const [tokenRefused, onRefused] = useRefusedToken();
  const connected = useLiveStream(engine, say, leftFailed, onRefused);
  const stats = useQuery(statsQuery(engine)).data;
  const failed = useFailedWaiting();
  useEffect(() => {
    if (failed === 0) unsay('notice.eventFailed');
  }, [failed, unsay]);
  const settings = useQuery(settingsQuery(engine));
  const sources = useQuery(sourcesQuery(engine));
  const destinations = useQuery(destinationsQuery(engine));
  const [preview, setPreview] = useState<Appearance | null>(null);
  useAppearance(preview ?? settings.data);
  const saved = settings.data?.language;
  useEffect(() => {
    if (saved) rememberLanguage(saved);
  }, [saved]);
  const state: AppState = useMemo(
    () => ({ engine, connected, say, unsayAction: leftPage, previewAppearance: setPreview }),
    [engine, connected, say, leftPage],
  );

  useSignInLinkPasted();
  // Another page starts at its top, not where the last one was scrolled to; one reached by a link to a part of it
  // scrolls to that part itself.
  useEffect(() => {
    if (!namesPart()) window.scrollTo(0, 0);
    leftPage();
  }, [page, leftPage]);

  if (tokenRefused) return <SignedOut expired />;
  if (!settings.data || !sources.data || !destinations.data) {
    const failure = settings.error ?? sources.error ?? destinations.error;
    return (
      <main aria-busy={!failure}>
        {failure ? <ReadError error={failure} className="banner error" /> : t('common.loading')}
      </main>
    );
  }
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
                {/* What waits in Failed shows from the first screen, also after a restart (the link's name stays). */}
                {name === 'failed' && <NavCount count={failed} language={translation.language} />}
              </a>
            ))}
          </nav>
        </header>
        {!connected && (
          <p className="banner error" role="alert">
            {t('app.offline')}
          </p>
        )}
        {connected && stats?.diskFull && (
          <p className="banner error" role="alert" data-testid="disk-full">
            {t('app.diskFull')}
          </p>
        )}
        {connected && <PortsRefused listening={stats?.listening} savedAdminPort={settings.data.adminPort} />}
        {banner}
        <main>
          <Current />
        </main>
      </div>
    </AppContext.Provider>
  );
}
