import { type ApiClient, createApiClient } from '../api/client.js';
import type { Settings, Stats, StreamMessage } from '../api/contract.js';
import { openStream } from '../api/stream-client.js';
import type { EngineReady } from './engine-supervisor.js';

/** Figures are fetched again this long after the last stream message (a burst is one fetch). */
const SETTLE_MS = 500;
/** And at least this often, for what the stream does not carry (a destination turning healthy while idle). */
const REFRESH_MS = 30_000;

export interface WatchListeners {
  stats: (stats: Stats) => void;
  message: (message: StreamMessage) => void;
  /** The settings, read at each (re)connection and whenever they are saved, from anywhere: the tray follows the language. */
  settings: (settings: Settings) => void;
}

/**
 * The tray's eyes on a running engine: its live stream, its figures fetched
 * when the stream says something changed, and its settings when they change.
 * Talks to the engine only over the admin API, like the dashboard.
 */
export class EngineWatch {
  readonly api: ApiClient;
  private closeStream: (() => void) | null = null;
  private settle: NodeJS.Timeout | null = null;
  private refresh: NodeJS.Timeout | null = null;

  constructor(
    readonly engine: EngineReady,
    private readonly listeners: WatchListeners,
  ) {
    this.api = createApiClient({ baseUrl: engine.adminUrl, token: engine.adminToken });
  }

  start(): void {
    this.closeStream = openStream(
      { baseUrl: this.engine.adminUrl, token: this.engine.adminToken },
      (message) => {
        this.listeners.message(message);
        if (message.type === 'changed' && message.what === 'settings') void this.fetchSettings();
        this.settle ??= setTimeout(() => void this.fetchStats(), SETTLE_MS);
      },
      (connected) => {
        if (!connected) return;
        void this.fetchStats();
        void this.fetchSettings();
      },
    );
    this.refresh = setInterval(() => void this.fetchStats(), REFRESH_MS);
  }

  stop(): void {
    this.closeStream?.();
    if (this.settle) clearTimeout(this.settle);
    if (this.refresh) clearInterval(this.refresh);
    this.closeStream = this.settle = this.refresh = null;
  }

  /** Fetches the figures now, e.g. after the tray changed something. */
  async fetchStats(): Promise<void> {
    this.settle = null;
    try {
      this.listeners.stats(await this.api('getStats'));
    } catch {
      // The engine is restarting; the supervisor reports that, and the next message or tick fetches again.
    }
  }

  private async fetchSettings(): Promise<void> {
    try {
      this.listeners.settings(await this.api('getSettings'));
    } catch {
      // As above: the next connection reads them again.
    }
  }
}
