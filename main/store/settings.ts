import { z, type ZodError } from 'zod';
import { PublicBaseUrl, Settings, SettingsUpdate } from '../api/contract.js';
import { fieldRefused, InvalidInputError, refusedFor } from '../lib/errors.js';
import { intakeHostAllowed, reachableOnlyNearby } from '../lib/intake-host.js';
import { hostRefused, nearbyAddressRefused } from '../lib/port-check.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { ChangeSignal } from './change-signal.js';
import type { Db } from './database.js';
import { writeTransaction } from './write-transaction.js';

const KEY = 'settings';
/** The ngrok authtoken: a row of its own, sealed, so the settings document never holds it. */
const AUTHTOKEN_KEY = 'ngrok-authtoken';
const AUTHTOKEN_CONTEXT = 'settings:ngrok-authtoken';

/** The ports a save gives, each only if it is one a save takes (the rest of the save is not looked at). */
const GivenPorts = z.object({
  adminPort: SettingsUpdate.shape.adminPort,
  intake: z.object({ port: SettingsUpdate.shape.intake.unwrap().shape.port }).optional(),
});

/** Engine settings, one validated JSON document; every field has a default. */
export class SettingsStore {
  private cached: Settings | null = null;
  private readonly changes = new ChangeSignal();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    /** Tests stand a tunnel up on 127.0.0.1; a shop's own address there is refused (see check). */
    private readonly nearbyPublicAddress = false,
  ) {}

  /** Called after the settings are saved. */
  onChange(listener: () => void): void {
    this.changes.on(listener);
  }

  /** Whether anything was ever saved: not on the first start of a data folder. */
  saved(): boolean {
    return this.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(KEY) !== undefined;
  }

  get(): Settings {
    if (!this.cached) {
      const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
      this.cached = Settings.parse(row ? migrate(JSON.parse(row.value) as Record<string, unknown>) : {});
    }
    return this.cached;
  }

  update(patch: SettingsUpdate): Settings {
    const next = this.check(patch);
    const authtoken = patch.publicAddress?.ngrok?.authtoken;
    writeTransaction(this.db, () => {
      this.put(KEY, JSON.stringify(next));
      if (authtoken === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(AUTHTOKEN_KEY);
      else if (authtoken !== undefined) this.put(AUTHTOKEN_KEY, this.box.seal(authtoken, AUTHTOKEN_CONTEXT));
    })();
    this.cached = next;
    this.changes.emit();
    return next;
  }

  /** The settings `patch` would make, checked as a save checks them, nothing written (an import's plan). */
  check(patch: SettingsUpdate): Settings {
    const current = this.get();
    const { publicAddress: address, ...rest } = patch;
    const authtoken = address?.ngrok?.authtoken;
    const next = Settings.parse({
      ...current,
      ...rest,
      intake: { ...current.intake, ...patch.intake },
      publicAddress: {
        mode: address?.mode ?? current.publicAddress.mode,
        url: address?.url !== undefined ? address.url : current.publicAddress.url,
        ngrok: {
          authtokenSet: authtoken !== undefined ? authtoken !== null : current.publicAddress.ngrok.authtokenSet,
          domain: address?.ngrok?.domain !== undefined ? address.ngrok.domain : current.publicAddress.ngrok.domain,
        },
      },
    });
    // A saved address this PC no longer has (a new one from the router) does not stop other settings being saved.
    if (
      patch.intake?.host !== undefined &&
      patch.intake.host !== current.intake.host &&
      !intakeHostAllowed(next.intake.host)
    )
      throw hostRefused(next.intake.host, 'not_here');
    // Saved, the two would make the next start fail on a port Hookferry itself holds.
    if (next.intake.port !== 0 && next.intake.port === next.adminPort)
      throw new InvalidInputError(refusedFor('admin.samePorts', { port: next.adminPort }));
    if (next.publicAddress.mode === 'own' && !next.publicAddress.url)
      throw new InvalidInputError(refusedFor('admin.ownUrlMissing'));
    // Checked when given, so an address saved before this check does not stop other settings being saved.
    const url = address?.url ? new URL(address.url) : null;
    if (url && !this.nearbyPublicAddress && reachableOnlyNearby(url.hostname)) throw nearbyAddressRefused(url.host);
    if (next.publicAddress.mode === 'ngrok' && !next.publicAddress.ngrok.authtokenSet)
      throw new InvalidInputError(refusedFor('admin.ngrokAuthtokenMissing'));
    return next;
  }

  /**
   * The same port for both, as a save refused for other fields gives it (read from the request as sent), to be said
   * in the same answer as the dashboard says it: `check` says it only once the rest is right, a save later. Null when
   * the ports differ, or one given is itself refused.
   */
  samePortsIn(body: unknown): ZodError | null {
    const given = GivenPorts.safeParse(body);
    if (!given.success) return null;
    const current = this.get();
    const intake = given.data.intake?.port ?? current.intake.port;
    const admin = given.data.adminPort ?? current.adminPort;
    if (intake === 0 || intake !== admin) return null;
    return fieldRefused([], refusedFor('admin.samePorts', { port: admin }).text, 'same_ports', { port: admin });
  }

  /** The ngrok authtoken, opened; null when none is stored or it no longer opens with the data key. */
  ngrokAuthtoken(): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(AUTHTOKEN_KEY) as
      { value: string } | undefined;
    return row ? this.box.open(row.value, AUTHTOKEN_CONTEXT) : null;
  }

  private put(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}

/** Settings saved by an earlier version: the single `publicUrl` became the shop's own public address. */
function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  const { publicUrl, ...rest } = stored;
  if (typeof publicUrl !== 'string' || rest.publicAddress) return rest;
  const url = PublicBaseUrl.safeParse(originOf(publicUrl));
  return url.success ? { ...rest, publicAddress: { mode: 'own', url: url.data } } : rest;
}

function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}
