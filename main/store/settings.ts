import { Settings, type SettingsUpdate } from '../api/contract.js';
import { ChangeSignal } from './change-signal.js';
import type { Db } from './database.js';

const KEY = 'settings';

/** Engine settings, one validated JSON document; every field has a default. */
export class SettingsStore {
  private cached: Settings | null = null;
  private readonly changes = new ChangeSignal();

  constructor(private readonly db: Db) {}

  /** Called after the settings are saved. */
  onChange(listener: () => void): void {
    this.changes.on(listener);
  }

  get(): Settings {
    if (!this.cached) {
      const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
      this.cached = Settings.parse(row ? JSON.parse(row.value) : {});
    }
    return this.cached;
  }

  update(patch: SettingsUpdate): Settings {
    const current = this.get();
    const next = Settings.parse({ ...current, ...patch, intake: { ...current.intake, ...patch.intake } });
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(next));
    this.cached = next;
    this.changes.emit();
    return next;
  }
}
