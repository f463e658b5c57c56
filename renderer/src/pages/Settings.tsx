import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  MAX_BODY_LIMIT_BYTES,
  type ExportQuery,
  type Settings as SettingsShape,
  type SettingsUpdate,
  type Source,
  type Stats,
} from '../../../main/api/contract';
import { ApiCallError } from '../../../main/api/client';
import { refusedFor } from '../../../main/lib/errors';
import { languageOfLocale } from '../../../main/i18n/resources';
import { ConfigTransfer } from '../components/ConfigTransfer';
import { PublicAddressSettings } from '../components/PublicAddressSettings';
import { FieldError } from '../components/FieldError';
import { ChangedElsewhere, useChangedElsewhere } from '../forms/changed-elsewhere';
import { useAction, useActionSaidHere, useApp, useSayError } from '../context';
import { keys } from '../data/keys';
import { useSaveSettings, useSettings, useStats } from '../data/queries';
import { download } from '../lib/engine';
import { listensOnThisPcOnly } from '../lib/public-address';
import { useErrorText, useFieldErrors } from '../lib/errors';

type Picked = Pick<SettingsUpdate, 'language' | 'theme'>;
type Changes = Omit<SettingsUpdate, 'publicAddress'>;

/** How Save's part of the page names each setting (the keys of its labels), for a change made elsewhere meanwhile. */
const LABELS: Record<string, string> = {
  'intake.port': 'settings.intakePort',
  'intake.host': 'settings.lan',
  'intake.bodyLimitBytes': 'settings.bodyLimit',
  'intake.rateLimitPerMinute': 'settings.rateLimit',
  adminPort: 'settings.adminPort',
  retentionDays: 'settings.retention',
  deliveriesPaused: 'settings.deliveriesPaused',
  debugLogging: 'settings.debug',
};

/** The merchant's changes without the settings at these paths (`intake.port`, `retentionDays`). */
function without(changes: Changes, paths: string[]): Changes {
  const kept: Changes = { ...changes, intake: { ...changes.intake } };
  for (const path of paths) {
    const [head, leaf] = path.split('.') as [keyof Changes, string | undefined];
    if (leaf === undefined) delete kept[head];
    else delete (kept.intake as Record<string, unknown> | undefined)?.[leaf];
  }
  if (Object.keys(kept.intake ?? {}).length === 0) delete kept.intake;
  return kept;
}

const LAN = '0.0.0.0';
const MB = 1024 * 1024;
const LOCAL = '127.0.0.1';

/** The spreadsheet in the dashboard's language, its times on this computer's clock. */
function spreadsheetPath(format: Exclude<ExportQuery['format'], 'ndjson'>, language: string, bodies: boolean): string {
  const query = new URLSearchParams({
    format,
    bodies: bodies ? '1' : '0',
    lang: languageOfLocale(language),
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  return `/api/export?${query.toString()}`;
}

export function Settings() {
  const { t, i18n } = useTranslation();
  const { engine, connected, say, previewAppearance } = useApp();
  const settings = useSettings();
  // Where this run really listens: the command line can override the saved ports.
  const listening = useStats().data?.listening;
  // Without the bodies a spreadsheet opens quickly; they are there for whoever needs them.
  const [csvBodies, setCsvBodies] = useState(false);
  const saveSettings = useSaveSettings();
  const { attach, errorAt, capture, clear: clearFieldErrors } = useFieldErrors(useSayError());
  const errorText = useErrorText();
  // One port for both refused: said once, under the port field the merchant changed last (the one to change back),
  // not again in the banner.
  const [portsRefused, setPortsRefused] = useState<unknown>(null);
  const [lastPortChanged, setLastPortChanged] = useState<'intake' | 'admin'>('intake');
  // After a save that moved the intake: every sender's address changed, said until the next save (in the language
  // shown, which may change meanwhile). `names`: the senders that use the local address; none when all go public.
  // `network`: the shop's network was ticked (true) or unticked (false) by it; `portMoved`: the port changed too.
  const [moved, setMoved] = useState<Moved | null>(null);
  const client = useQueryClient();
  const act = useAction((error) => {
    if (!(error instanceof ApiCallError && error.reason?.code === 'admin.samePorts')) return capture(error);
    setPortsRefused(error);
    return true;
  });
  const portsError = (field: 'intake' | 'admin') =>
    portsRefused !== null &&
    field === lastPortChanged && (
      <span className="field-error" role="alert" data-testid="field-error">
        {errorText(portsRefused)}
      </span>
    );
  // The export this page is downloading, to cancel: one at a time from a page, the others' buttons wait for it.
  const [exporting, setExporting] = useState<AbortController | null>(null);
  // Why an export did not start or stopped: said under its buttons, at the page's bottom.
  const exportAction = useActionSaidHere();
  /** The spreadsheets in the dashboard's language; the backup whole. Named for the day on this computer's clock. */
  const exportEvents = (format: ExportQuery['format']) => {
    const cancel = new AbortController();
    setExporting(cancel);
    void exportAction
      .act(() =>
        download(
          engine,
          format === 'ndjson' ? '/api/export?format=ndjson' : spreadsheetPath(format, i18n.language, csvBodies),
          `hookferry-events-${new Date().toLocaleDateString('en-CA')}.${format}`,
          { refused: (status) => t('settings.exportFailed', { status }), cut: t('settings.exportCut') },
          cancel.signal,
        ).catch((error: unknown) => {
          // Cancelled here: nothing to say, the page already shows the buttons again.
          if (!cancel.signal.aborted) throw error;
        }),
      )
      .finally(() => setExporting(null));
  };
  // Only what the merchant changed is kept (and saved), over the engine's current settings: a pause
  // from the tray while this page is open shows here, and Save does not undo it.
  // The public address is saved by its own part (PublicAddressSettings), with its write-only authtoken.
  const [changes, setChanges] = useState<Changes>({});
  const draft: SettingsShape = { ...settings, ...changes, intake: { ...settings.intake, ...changes.intake } };
  const changedElsewhere = useChangedElsewhere(settings, (path) => {
    const [head, leaf] = path.split('.') as [keyof Changes, string | undefined];
    const value = leaf === undefined ? changes[head] : (changes.intake as Record<string, unknown> | undefined)?.[leaf];
    return head !== 'language' && head !== 'theme' && value !== undefined ? { value } : undefined;
  });
  // `::` and an address of this PC's on the network are the shop's network too, as the Overview says.
  const onNetwork = !listensOnThisPcOnly(draft.intake.host);
  const set = (patch: Omit<SettingsUpdate, 'intake' | 'publicAddress' | 'language' | 'theme'>) =>
    setChanges((current) => ({ ...current, ...patch }));
  const setIntake = (patch: SettingsUpdate['intake']) =>
    setChanges((current) => ({ ...current, intake: { ...current.intake, ...patch } }));
  // Language and theme are preferences, not part of what Save applies: each is saved on its own as soon as it
  // is picked, so the next start comes back in it. It shows at once; if the engine refuses it, the saved one
  // comes back with the engine's sentence.
  const [picked, setPicked] = useState<Picked>({});
  const language = picked.language ?? settings.language;
  const theme = picked.theme ?? settings.theme;
  const pickAppearance = (patch: Picked) => {
    setPicked((current) => ({ ...current, ...patch }));
    void act(async () => {
      await saveSettings(patch);
      // In the language just picked (this render's `t` still speaks the one before).
      say(i18n.t('common.saved'));
    }).finally(() =>
      // A later pick of the same field, still being saved, stays.
      setPicked((current) =>
        Object.fromEntries(Object.entries(current).filter(([key, value]) => patch[key as keyof Picked] !== value)),
      ),
    );
  };
  const picking = picked.language !== undefined || picked.theme !== undefined;
  useEffect(() => {
    previewAppearance(picking ? { language, theme } : null);
    return () => previewAppearance(null);
  }, [picking, language, theme, previewAppearance]);

  return (
    <form
      ref={attach}
      aria-labelledby="settings-title"
      // The engine's own sentence, shown under the field in the chosen language, says more than the browser's bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMoved(null);
        // The same port twice is said at once, beside whatever the engine finds wrong in the rest: the engine checks
        // the fields first and would say it only at the next Save.
        setPortsRefused(samePorts(draft.intake.port, draft.adminPort));
        void act(async () => {
          clearFieldErrors();
          const before = client.getQueryData<Source[]>(keys.sources) ?? [];
          const listenedAt = client.getQueryData<Stats>(keys.stats)?.listening.intake;
          await saveSettings(changes);
          setChanges({});
          const after = client.getQueryData<Source[]>(keys.sources) ?? [];
          const listensAt = client.getQueryData<Stats>(keys.stats)?.listening.intake;
          const movedSources = after.filter(
            (source) => before.find((old) => old.id === source.id)?.ingestUrl !== source.ingestUrl,
          );
          const [first] = movedSources;
          const listening = client.getQueryData<Stats>(keys.stats)?.listening;
          if (!first || listensAt === undefined)
            return say((listening && laterPorts(changes, listening, t)) ?? t('common.saved'));
          // What changed, said as it is: the shop's network ticked or unticked is not a new port.
          const wasOnNetwork = listenedAt ? !listensOnThisPcOnly(listenedAt.host) : null;
          const onNetworkNow = !listensOnThisPcOnly(listensAt.host);
          // Each sender posts to its own address: the ones that changed are named, so none is forgotten.
          const senders = movedSources.filter((source) => source.publicUrl === null);
          setMoved({
            port: listensAt.port,
            url: new URL(first.ingestUrl).origin,
            names: senders.map((source) => `“${source.name}”`),
            network: wasOnNetwork === null || wasOnNetwork === onNetworkNow ? null : onNetworkNow,
            portMoved: listenedAt?.port !== listensAt.port,
          });
        });
      }}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <fieldset className="card">
        <legend>{t('settings.network')}</legend>
        <div className="grid fields">
          <label>
            {t('settings.intakePort')}
            <input
              type="number"
              min={0}
              max={65535}
              value={draft.intake.port}
              onChange={(event) => {
                setIntake({ port: Number(event.target.value) });
                setLastPortChanged('intake');
              }}
            />
            <FieldError problem={errorAt('intake.port')} />
            {portsError('intake')}
          </label>
          <label>
            {t('settings.adminPort')}
            <input
              type="number"
              min={0}
              max={65535}
              value={draft.adminPort}
              onChange={(event) => {
                set({ adminPort: Number(event.target.value) });
                setLastPortChanged('admin');
              }}
              aria-describedby="admin-port-note"
            />
            <FieldError problem={errorAt('adminPort')} />
            {portsError('admin')}
          </label>
        </div>
        <LowPortHint field={t('settings.intakePort')} port={draft.intake.port} usual={8780} />
        <LowPortHint field={t('settings.adminPort')} port={draft.adminPort} usual={8781} />
        {moved && (
          <p className="banner warn" role="status" data-testid="intake-moved">
            {movedSentence(moved, t)} <a href="#/sources">{t('nav.sources')}</a>
          </p>
        )}
        <p id="admin-port-note" className="hint">
          {t('settings.restartNote')}
        </p>
        {listening && (
          <p className="hint" data-testid="running-ports">
            {/* Read while it ran: "running now" stayed after the engine stopped. */}
            {connected
              ? runningSentences(listening, t)
              : t('settings.notRunningNow', { intake: listening.intake.port, admin: listening.admin.port })}
          </p>
        )}
        <div className="grid fields">
          <label>
            {t('settings.bodyLimit')}
            <input
              type="number"
              min={1}
              max={MAX_BODY_LIMIT_BYTES / MB}
              step="any"
              value={draft.intake.bodyLimitBytes / MB}
              onChange={(event) => setIntake({ bodyLimitBytes: Math.round(Number(event.target.value) * MB) })}
            />
            <FieldError problem={errorAt('intake.bodyLimitBytes')} />
          </label>
          <label>
            {t('settings.rateLimit')}
            <input
              type="number"
              min={1}
              value={draft.intake.rateLimitPerMinute}
              onChange={(event) => setIntake({ rateLimitPerMinute: Number(event.target.value) })}
            />
            <FieldError problem={errorAt('intake.rateLimitPerMinute')} />
          </label>
        </div>
        <p className="hint">{t('settings.limitsHelp')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={onNetwork}
            onChange={(event) => setIntake({ host: event.target.checked ? LAN : LOCAL })}
          />{' '}
          {t('settings.lan')}
        </label>
        <FieldError problem={errorAt('intake.host')} />
        {onNetwork && <p className="banner warn">{t('settings.lanWarning')}</p>}
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.general')}</legend>
        <div className="grid fields">
          <label>
            {t('settings.retention')}
            <input
              type="number"
              min={1}
              max={3650}
              value={draft.retentionDays}
              aria-describedby="retention-note"
              onChange={(event) => set({ retentionDays: Number(event.target.value) })}
            />
            <FieldError problem={errorAt('retentionDays')} />
          </label>
          <label>
            {t('settings.language')}
            <select
              value={language}
              aria-describedby="appearance-note"
              onChange={(event) => pickAppearance({ language: event.target.value as SettingsShape['language'] })}
            >
              <option value="en">English</option>
              <option value="vi">Tiếng Việt</option>
            </select>
          </label>
          <label>
            {t('settings.theme')}
            <select
              value={theme}
              aria-describedby="appearance-note"
              onChange={(event) => pickAppearance({ theme: event.target.value as SettingsShape['theme'] })}
            >
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p id="retention-note" className="hint">
          {t('settings.retentionHelp')}
        </p>
        <p id="appearance-note" className="hint">
          {t('settings.appearanceNote')}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.deliveriesPaused}
            onChange={(event) => set({ deliveriesPaused: event.target.checked })}
          />{' '}
          {t('settings.deliveriesPaused')}
        </label>
        {/* Once saved, not while only ticked: what the pause does now, and how it ends. */}
        {settings.deliveriesPaused && (
          <p className="banner warn" data-testid="settings-paused">
            {t('settings.pausedNow')}
          </p>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.debugLogging}
            onChange={(event) => set({ debugLogging: event.target.checked })}
          />{' '}
          {t('settings.debug')}
        </label>
      </fieldset>
      <ChangedElsewhere
        paths={changedElsewhere}
        labelOf={(path) => (LABELS[path] ? t(LABELS[path]) : null)}
        onTakeSaved={(paths) => setChanges((current) => without(current, paths))}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      {/* After the form's Save: the public address is saved by its own button. */}
      <PublicAddressSettings />
      {window.hookferry && <DesktopSettings desktop={window.hookferry} />}
      <fieldset className="card">
        <legend>{t('settings.config')}</legend>
        <ConfigTransfer />
        <h3>{t('settings.exportEvents')}</h3>
        <div className="actions">
          <button type="button" className="primary" disabled={exporting !== null} onClick={() => exportEvents('xlsx')}>
            {t('settings.xlsx')}
          </button>
          <button type="button" disabled={exporting !== null} onClick={() => exportEvents('csv')}>
            {t('settings.csv')}
          </button>
          <button type="button" disabled={exporting !== null} onClick={() => exportEvents('ndjson')}>
            {t('settings.ndjson')}
          </button>
        </div>
        {exportAction.said && (
          <p className="error-text" role="alert" data-testid="export-refused">
            {exportAction.said}
          </p>
        )}
        {exporting && (
          <p className="hint" role="status" data-testid="exporting">
            {t('settings.exporting')}{' '}
            <button type="button" onClick={() => exporting.abort()}>
              {t('settings.cancelExport')}
            </button>
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={csvBodies} onChange={(event) => setCsvBodies(event.target.checked)} />{' '}
          {t('settings.csvBodies')}
        </label>
      </fieldset>
    </form>
  );
}

/** What only the desktop app has: asked of the shell through the preload, not of the engine. */
function DesktopSettings({ desktop }: { desktop: NonNullable<Window['hookferry']> }) {
  const { t } = useTranslation();
  const act = useAction();
  const [startAtLogin, setStartAtLogin] = useState<boolean | null>(null);
  const [version, setVersion] = useState('');
  useEffect(() => {
    void desktop.getStartAtLogin().then(setStartAtLogin);
    void desktop.appVersion().then(setVersion);
  }, [desktop]);
  return (
    <fieldset className="card">
      <legend>{t('settings.desktop')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={startAtLogin ?? false}
          disabled={startAtLogin === null}
          onChange={(event) => {
            // Shown at once; the shell's answer confirms it, a failure puts it back.
            const wanted = event.target.checked;
            setStartAtLogin(wanted);
            void act(() => desktop.setStartAtLogin(wanted)).then((on) => setStartAtLogin(on ?? !wanted));
          }}
        />{' '}
        {t('settings.startAtLogin')}
      </label>
      <div className="actions">
        <button type="button" onClick={() => void act(() => desktop.openDataFolder())}>
          {t('settings.openDataFolder')}
        </button>
      </div>
      {version && <p className="hint">{t('settings.version', { version })}</p>}
    </fieldset>
  );
}

/**
 * Said before Save: a port below 1024 is often not Hookferry's to open (only an administrator may on Linux and macOS;
 * a web server holds 80 on many Windows PCs). Save tries it and refuses it with a sentence if it cannot be opened.
 */
function LowPortHint({ field, port, usual }: { field: string; port: number; usual: number }) {
  const { t } = useTranslation();
  if (!(port > 0 && port < 1024)) return null;
  return (
    <p className="banner warn" data-testid="low-port">
      {t('settings.lowPort', { field, port, usual })}
    </p>
  );
}

/** Both ports the same (0 is any free port, not one): refused by the engine as the whole save, said in its words. */
function samePorts(intake: number, admin: number): ApiCallError | null {
  if (intake === 0 || intake !== admin) return null;
  const said = refusedFor('admin.samePorts', { port: admin });
  return new ApiCallError(400, said.text, [], said.reason);
}

interface Moved {
  port: number;
  /** The intake's address as senders are given it now. */
  url: string;
  names: string[];
  /** The shop's network ticked (true) or unticked (false) by the save; null: as it was. */
  network: boolean | null;
  portMoved: boolean;
}

/** What a save that moved the intake changed: the shop's network, the port, or both. */
function movedSentence({ port, url, names, network, portMoved }: Moved, t: TFunction): string {
  const values = { port, url, names: names.join(', ') };
  const kept = names.length === 0;
  if (network === null) return t(kept ? 'settings.intakeMovedPublic' : 'settings.intakeMoved', values);
  const where = network ? 'intakeOnNetwork' : 'intakeThisPc';
  return t(`settings.${where}${kept ? 'Public' : portMoved ? 'Port' : ''}`, values);
}

/** Where this run listens, and what of it the command line chose. */
function runningSentences(listening: Stats['listening'], t: TFunction): string {
  return [
    t('settings.running', { intake: listening.intake.port, admin: listening.admin.port }),
    commandLineSentence(listening, t),
    listening.intake.hostFromCommandLine && t('settings.commandLineHost', { host: listening.intake.host }),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Which port the command line fixed for this run, named exactly: one flag given is not "these ports". */
/**
 * A port saved while this run's was chosen when Hookferry was started (the command line): the save's own sentence says
 * it is used from the next start, and where this run keeps listening meanwhile. Null when no saved port waits so.
 */
function laterPorts(changes: Changes, { intake, admin }: Stats['listening'], t: TFunction): string | null {
  const intakePort = changes.intake?.port;
  const adminPort = changes.adminPort;
  const said = [
    intakePort !== undefined && intake.fromCommandLine && intakePort !== intake.port
      ? t('settings.intakePortLater', { port: intakePort, running: intake.port })
      : '',
    adminPort !== undefined && admin.fromCommandLine && adminPort !== admin.port
      ? t('settings.adminPortLater', { port: adminPort, running: admin.port })
      : '',
  ].filter(Boolean);
  return said.length > 0 ? said.join(' ') : null;
}

function commandLineSentence(listening: Stats['listening'], t: (key: string) => string): string | null {
  const { intake, admin } = listening;
  if (intake.fromCommandLine && admin.fromCommandLine) return t('settings.commandLine');
  if (intake.fromCommandLine) return t('settings.commandLineIntake');
  if (admin.fromCommandLine) return t('settings.commandLineAdmin');
  return null;
}
