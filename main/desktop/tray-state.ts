import type { Stats } from '../api/contract.js';
import { dayReceived } from '../api/day-counts.js';
import { failedWithNothingWaiting } from '../api/failing-now.js';
import { failedWait, pausedWait, quotedNames } from '../api/paused-wait.js';
import type { Language } from '../i18n/resources.js';
import { translatorFor } from '../i18n/translator.js';
import type { EngineState } from './engine-supervisor.js';

export type TrayIcon = 'ok' | 'backlog' | 'failing' | 'paused' | 'stopped';

export type TrayAction =
  | 'open'
  | 'copy-intake-url'
  | 'copy-public-address'
  | 'toggle-pause'
  | 'resend-failed'
  | 'toggle-start-at-login'
  | 'quit';

export interface TrayMenuItem {
  action: TrayAction;
  label: string;
  enabled: boolean;
  /** Present for check items. */
  checked?: boolean;
}

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayInput {
  engine: EngineState;
  /** The latest figures from the engine; null until the first arrive. */
  stats: Stats | null;
  startAtLogin: boolean;
  language: Language;
  /** The public address senders outside the shop use; null without one. */
  publicAddress: string | null;
}

/**
 * What the tray shows, worked out from the engine's state and figures alone,
 * so it can be tested without Electron. The worst news wins the icon: not
 * running, then a full disk, a failing destination, a source refusing orders or failed events, then paused, then a backlog.
 */
export function trayView({ engine, stats, startAtLogin, language, publicAddress }: TrayInput): TrayView {
  const t = translatorFor(language);
  const running = engine.phase === 'running';
  // One whose failed part was discarded is said calmly on its card, not as an alarm: nor here.
  const failing =
    stats?.destinations.filter(
      (destination) => destination.health === 'failing' && !failedWithNothingWaiting(destination),
    ) ?? [];
  // A sender with a wrong key loses every order while the rest looks calm: as bad as a failing destination.
  const refusing = stats?.refusingSources ?? [];
  const backlog = stats ? stats.deliveries.pending + stats.deliveries.retrying + stats.deliveries.delivering : 0;
  const failed = stats?.deliveries.failed ?? 0;
  const paused = stats?.deliveriesPaused ?? false;
  const held = stats ? pausedWait(stats) : null;
  const behindFailed = stats ? failedWait(stats) : null;

  let icon: TrayIcon;
  const status: string[] = [];
  if (!running) {
    icon = 'stopped';
    status.push(
      engine.phase === 'starting'
        ? t('tray.starting')
        : engine.phase === 'waiting'
          ? t('tray.restarting', { seconds: Math.ceil(engine.retryInMs / 1000) })
          : t('tray.stopped'),
    );
  } else {
    const diskFull = stats?.diskFull ?? false;
    // Events that failed for good wait for the merchant: never the green "all delivered".
    icon =
      failing.length || refusing.length || diskFull || failed
        ? 'failing'
        : paused
          ? 'paused'
          : backlog
            ? 'backlog'
            : held?.count
              ? 'paused'
              : 'ok';
    if (diskFull) status.push(t('tray.diskFull'));
    if (failing.length)
      status.push(t('tray.failing', { names: failing.map((destination) => destination.name).join(', ') }));
    if (refusing.length) status.push(t('tray.refusing', { names: quotedNames(refusing.map(({ name }) => name)) }));
    if (paused) status.push(t('tray.paused'));
    if (backlog) status.push(t('tray.waiting', { count: backlog }));
    // Not "waiting to be delivered": they go only once what holds them is resumed, so it is named.
    if (held?.count)
      status.push(
        held.resumeAll
          ? t('tray.waitingForResume', { count: held.count })
          : t('tray.waitingForPaused', { count: held.count, names: quotedNames(held.names) }),
      );
    // Nor are those held behind a failed event of an ordered line: they go once it is resent or discarded.
    if (behindFailed?.count)
      status.push(t('tray.heldBehindFailed', { count: behindFailed.count, names: quotedNames(behindFailed.names) }));
    if (failed) status.push(t('tray.failed', { count: failed }));
    // "All delivered" is no news while no destination was ever sent anything (the cards say "Nothing sent yet").
    const untried = stats?.destinations.length && stats.destinations.every((entry) => entry.health === 'untried');
    if (!status.length) status.push(t(untried ? 'tray.nothingSent' : 'tray.ok'));
    if (stats) {
      const day = dayReceived(stats.today);
      status.push(t('tray.today', { count: day.received }));
      // Said beside, not counted in: a POS sending with a wrong key shows here as refusals, not as orders taken.
      if (day.refused) status.push(t('tray.refused', { count: day.refused }));
    }
  }

  return {
    icon,
    tooltip: `Hookferry — ${status.join(' · ')}`,
    menu: [
      { action: 'open', label: t('tray.open'), enabled: true },
      { action: 'copy-intake-url', label: t('tray.copy'), enabled: running },
      { action: 'copy-public-address', label: t('tray.copyPublic'), enabled: running && publicAddress !== null },
      {
        action: 'toggle-pause',
        label: paused ? t('tray.resume') : t('tray.pause'),
        enabled: running && stats !== null,
      },
      { action: 'resend-failed', label: t('tray.resend', { count: failed }), enabled: running && failed > 0 },
      { action: 'toggle-start-at-login', label: t('tray.login'), enabled: true, checked: startAtLogin },
      { action: 'quit', label: t('tray.quit'), enabled: true },
    ],
  };
}

/** Two views that would draw the same tray: no need to rebuild the menu. */
export function sameView(a: TrayView | null, b: TrayView): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
