import type { Stats } from '../api/contract.js';
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
  language: 'en' | 'vi';
  /** The public address senders outside the shop use; null without one. */
  publicAddress: string | null;
}

const text = {
  en: {
    open: 'Open Hookferry',
    copy: 'Copy intake URL',
    copyPublic: 'Copy public address',
    pause: 'Pause deliveries',
    resume: 'Resume deliveries',
    resend: (n: number) => `Resend failed (${n})`,
    login: 'Start at login',
    quit: 'Quit',
    ok: 'all delivered',
    waiting: (n: number) => `${n} waiting to be delivered`,
    failing: (names: string) => `failing: ${names}`,
    failed: (n: number) => `${n} failed`,
    paused: 'deliveries paused',
    today: (n: number) => `${n} events today`,
    starting: 'starting…',
    stopped: 'not running',
    restarting: (s: number) => `stopped; trying again in ${s} s`,
  },
  vi: {
    open: 'Mở Hookferry',
    copy: 'Sao chép địa chỉ nhận',
    copyPublic: 'Sao chép địa chỉ công khai',
    pause: 'Tạm dừng gửi',
    resume: 'Tiếp tục gửi',
    resend: (n: number) => `Gửi lại mục lỗi (${n})`,
    login: 'Khởi động cùng máy',
    quit: 'Thoát',
    ok: 'đã gửi hết',
    waiting: (n: number) => `${n} đang chờ gửi`,
    failing: (names: string) => `đang lỗi: ${names}`,
    failed: (n: number) => `${n} lỗi`,
    paused: 'đã tạm dừng gửi',
    today: (n: number) => `${n} sự kiện hôm nay`,
    starting: 'đang khởi động…',
    stopped: 'không chạy',
    restarting: (s: number) => `đã dừng; thử lại sau ${s} giây`,
  },
};

/**
 * What the tray shows, worked out from the engine's state and figures alone,
 * so it can be tested without Electron. The worst news wins the icon: not
 * running, then a failing destination, then paused, then a backlog.
 */
export function trayView({ engine, stats, startAtLogin, language, publicAddress }: TrayInput): TrayView {
  const t = text[language];
  const running = engine.phase === 'running';
  const failing = stats?.destinations.filter((destination) => destination.health === 'failing') ?? [];
  const backlog = stats ? stats.deliveries.pending + stats.deliveries.retrying + stats.deliveries.delivering : 0;
  const failed = stats?.deliveries.failed ?? 0;
  const paused = stats?.deliveriesPaused ?? false;

  let icon: TrayIcon;
  const status: string[] = [];
  if (!running) {
    icon = 'stopped';
    status.push(
      engine.phase === 'starting'
        ? t.starting
        : engine.phase === 'waiting'
          ? t.restarting(Math.ceil(engine.retryInMs / 1000))
          : t.stopped,
    );
  } else {
    icon = failing.length ? 'failing' : paused ? 'paused' : backlog ? 'backlog' : 'ok';
    if (failing.length) status.push(t.failing(failing.map((destination) => destination.name).join(', ')));
    if (paused) status.push(t.paused);
    if (backlog) status.push(t.waiting(backlog));
    if (failed) status.push(t.failed(failed));
    if (!status.length) status.push(t.ok);
    if (stats) status.push(t.today(Object.values(stats.today).reduce((sum, n) => sum + n, 0)));
  }

  return {
    icon,
    tooltip: `Hookferry — ${status.join(' · ')}`,
    menu: [
      { action: 'open', label: t.open, enabled: true },
      { action: 'copy-intake-url', label: t.copy, enabled: running },
      { action: 'copy-public-address', label: t.copyPublic, enabled: running && publicAddress !== null },
      { action: 'toggle-pause', label: paused ? t.resume : t.pause, enabled: running && stats !== null },
      { action: 'resend-failed', label: t.resend(failed), enabled: running && failed > 0 },
      { action: 'toggle-start-at-login', label: t.login, enabled: true, checked: startAtLogin },
      { action: 'quit', label: t.quit, enabled: true },
    ],
  };
}

/** Two views that would draw the same tray: no need to rebuild the menu. */
export function sameView(a: TrayView | null, b: TrayView): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
