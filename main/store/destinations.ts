import { isDeepStrictEqual } from 'node:util';
import { type z, ZodError } from 'zod';
import type { Destination, DestinationCreate, DestinationPatch, RetryPolicy } from '../api/contract.js';
import { ConflictError, InvalidInputError, refusedFor } from '../lib/errors.js';
import type { CheckedExpressions } from '../delivery/checked-expressions.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { ChangeSignal } from './change-signal.js';
import { writeTransaction } from './write-transaction.js';
import type { Db } from './database.js';
import { newId } from './ids.js';
import { hostOf, isOtherSite } from './other-site.js';
import { holdsOpenSecret, openUrl, sealUrl, urlSecretKeys, urlSecretsKept, withoutUrlSecrets } from './url-secrets.js';

/** A destination's secrets, by name, sealed together in its `secrets` column. */
export type SecretMap = Record<string, string>;

/** A secret sent to the receiver: its sealed key, and the name the merchant knows it by (`Authorization`, `?token`). */
export interface SentSecret {
  key: string;
  name: string;
}

/**
 * How a destination is saved. `checked`: what the transformation process said of the expressions it brings (see
 * checked-expressions.ts). `secretsLater`: secrets not known yet (an imported configuration) are left out instead
 * of refused; the caller keeps such a destination paused until the merchant enters them.
 */
interface SaveOptions {
  checked: CheckedExpressions;
  secretsLater?: boolean;
}

/** What the store needs from a destination kind to keep its settings (see delivery/kinds). */
export interface KindStorage {
  kind: string;
  /**
   * The settings the API accepts. The settings a kind stores (secrets taken out)
   * must themselves be valid input: an update merges over them and checks again.
   */
  settings: z.ZodType<Record<string, unknown>>;
  /** Settings whose values are sealed and never answered. */
  secretFields: readonly string[];
  /**
   * Splits checked settings into what is kept in the open and what is sealed; a secret left out keeps `previous`.
   * An expression's mistake is taken from `checked`, never found by compiling it here.
   */
  seal(
    input: Record<string, unknown>,
    previous: SecretMap,
    options: SaveOptions,
  ): { settings: Record<string, unknown>; secrets: SecretMap };
  /** The JSONata expressions in these settings (as given, unchecked), for the transformation process to check. */
  expressions?(settings: Record<string, unknown>): string[];
  /**
   * The secrets kept from before that these settings would send to the destination's address (a secret header
   * left without a new value), by sealed key, with the name the merchant gave each. A secret the receiver never
   * gets (a signing secret) is not one of them.
   */
  keptSecretsSent?(input: Record<string, unknown>, previous: SecretMap): SentSecret[];
  /** The settings without the secrets sealed under `keys` (the merchant chose to send them no more). */
  withoutSecrets?(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown>;
  /**
   * Stored settings that hold a secret in the open (saved before the kind's rule kept it sealed), with it moved into
   * the secrets; null when there is none.
   */
  sealOpenSecrets?(
    settings: Record<string, unknown>,
    secrets: SecretMap,
  ): { settings: Record<string, unknown>; secrets: SecretMap } | null;
  /** The stored settings as the API shows them (a kind may say which of its parts have a secret set). */
  show?(settings: Record<string, unknown>, secrets: SecretMap): Record<string, unknown>;
  /** Secrets as databases before the settings object kept them (migration 2), in this kind's names. */
  legacySecrets(old: Record<string, unknown>): SecretMap;
}

/** The `config` column: the common settings and the kind's own, validated object (no secret in it). */
interface StoredConfig {
  url: string;
  sourceIds: string[];
  timeoutMs: number;
  retry: RetryPolicy;
  concurrency: number;
  ordered: boolean;
  settings: Record<string, unknown>;
  /** Set by migration 2 on rows whose sealed secrets still have the old shape; cleared when they are resealed. */
  legacySecrets?: number;
}

interface Row {
  id: string;
  name: string;
  kind: string;
  config: string;
  secrets: string | null;
  events: string;
  paused: number;
  created_at: number;
  updated_at: number;
  sending_changed_at: number | null;
}

/** A destination as the delivery queue uses it: its settings, and its secrets opened. */
export interface ActiveDestination extends Omit<StoredConfig, 'legacySecrets'> {
  id: string;
  name: string;
  kind: string;
  events: string[];
  paused: boolean;
  secrets: SecretMap;
  /** Query values of `url` kept hidden whose value this Hookferry does not have (an imported configuration). */
  urlSecretsMissing: string[];
}

/** A kind's refusal, with each field named from the request's top (the kind knows only its settings). */
function underSettings(error: ZodError): ZodError {
  return new ZodError(error.issues.map((issue) => ({ ...issue, path: ['settings', ...issue.path] })));
}

function sealed<T>(seal: () => T): T {
  try {
    return seal();
  } catch (error) {
    throw error instanceof ZodError ? underSettings(error) : error;
  }
}

export class DestinationStore {
  private cache: ActiveDestination[] | null = null;
  private readonly changes = new ChangeSignal();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly kinds: (kind: string) => KindStorage | null,
    private readonly onSecretLost: (name: string) => void,
  ) {
    this.resealLegacySecrets();
    this.sealOpenUrlSecrets();
    this.sealOpenSettingSecrets();
  }

  /** Called after any change, so the queue and the router see it at once. */
  onChange(listener: () => void): void {
    this.changes.on(listener);
  }

  list(): Destination[] {
    return this.rows().map((row) => this.toApi(row));
  }

  get(id: string): Destination | null {
    const row = this.row(id);
    return row ? this.toApi(row) : null;
  }

  /**
   * When what a test of the destination tries (its kind, address, settings, secrets, timeout) last changed; null when
   * unchanged since it was made. A test from before says nothing of what is sent now.
   */
  sendingChangedAt(id: string): number | null {
    return this.row(id)?.sending_changed_at ?? null;
  }

  /** Every destination with its secrets opened; cached until the next change. */
  active(): ActiveDestination[] {
    this.cache ??= this.rows().map((row) => this.activate(row));
    return this.cache;
  }

  activeById(id: string): ActiveDestination | null {
    return this.active().find((destination) => destination.id === id) ?? null;
  }

  /** The expressions a save of these settings brings, for the transformation process to check first. */
  expressionsIn(kind: string | undefined, settings: Record<string, unknown> | undefined): string[] {
    return (kind && this.kinds(kind)?.expressions?.(settings ?? {})) || [];
  }

  /** Refuses `input` as `create` would, nothing written (an import's plan). */
  checkCreate(input: DestinationCreate, options: SaveOptions): void {
    this.split(input, {}, options);
  }

  /** Refuses `patch` as `update` would, nothing written (an import's plan). */
  checkUpdate(id: string, patch: DestinationPatch, options: SaveOptions): void {
    const row = this.row(id);
    if (row) this.merge(row, patch, options);
  }

  /** After a transaction that rolled back: what was cached inside it is read again. */
  reread(): void {
    this.changed();
  }

  create(input: DestinationCreate, options: SaveOptions): Destination {
    const id = newId('dst');
    const now = Date.now();
    const { config, secrets } = this.split(input, {}, options);
    this.db
      .prepare(
        'INSERT INTO destinations (id, name, kind, config, secrets, events, paused, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.name,
        input.kind,
        JSON.stringify(config),
        this.sealSecrets(id, secrets),
        JSON.stringify(input.events),
        input.paused ? 1 : 0,
        now,
        now,
      );
    this.changed();
    return this.get(id)!;
  }

  update(id: string, patch: DestinationPatch, options: SaveOptions): Destination | null {
    const row = this.row(id);
    if (!row) return null;
    const { merged, next, secrets, before, previous } = this.merge(row, patch, options);
    const tried =
      merged.kind !== row.kind ||
      next.url !== before.url ||
      next.timeoutMs !== before.timeoutMs ||
      // As stored: a key set to undefined is no change.
      !isDeepStrictEqual(JSON.parse(JSON.stringify(next.settings)), before.settings) ||
      !isDeepStrictEqual(secrets, previous);
    const now = Date.now();
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE destinations SET name = ?, kind = ?, config = ?, secrets = ?, events = ?, paused = ?, updated_at = ?,
             sending_changed_at = coalesce(?, sending_changed_at) WHERE id = ?`,
        )
        .run(
          merged.name,
          merged.kind,
          JSON.stringify(next),
          this.sealSecrets(id, secrets),
          JSON.stringify(merged.events),
          merged.paused ? 1 : 0,
          now,
          tried ? now : null,
          id,
        );
      // Its resends are said under the name it has now, and keep the last one once it is deleted: under the old one,
      // they read as another destination's ("“Books” was deleted" of a destination called “Books (new)”).
      if (merged.name !== row.name)
        this.db.prepare('UPDATE resend_batches SET destination_name = ? WHERE destination_id = ?').run(merged.name, id);
    })();
    this.changed();
    return this.get(id);
  }

  /** A stored destination with `patch` over it, checked and split as it would be stored. */
  private merge(row: Row, patch: DestinationPatch, options: SaveOptions) {
    const { secretsLater = false } = options;
    const { merged, config, sameKind } = this.patched(row, patch);
    const previous = this.secretsOf(row, config);
    const sent = this.secretsSentElsewhere(config.url, merged, previous, sameKind);
    let kept = previous;
    if (sent.length > 0) {
      // An imported file holds no secret value: those entered for the old site are forgotten, to be entered anew.
      const choice = secretsLater ? 'forget' : patch.secretsForNewAddress;
      if (choice === undefined)
        throw new ConflictError(
          refusedFor('admin.secretsToOtherSite', {
            names: sent.map(({ name }) => name).join(', '),
            host: hostOf(merged.url),
          }),
        );
      const keys = sent.map(({ key }) => key);
      if (choice !== 'keep') kept = Object.fromEntries(Object.entries(previous).filter(([key]) => !keys.includes(key)));
      if (choice === 'remove') {
        merged.url = withoutUrlSecrets(merged.url, keys);
        merged.settings = this.kindOf(merged.kind).withoutSecrets?.(merged.settings, keys) ?? merged.settings;
      }
    }
    // Its expressions as stored were checked when they were saved: pausing it does not wait on them again.
    const stored = sameKind ? (this.kindOf(merged.kind).expressions?.(config.settings) ?? []) : [];
    const { config: next, secrets } = this.split(
      merged,
      kept,
      { ...options, checked: options.checked.besides(stored) },
      sameKind,
    );
    // The stored config and secrets as they were, for the caller to tell what changed.
    return { merged, next, secrets, before: config, previous };
  }

  /** A stored destination with `patch` over it, unchecked. */
  private patched(row: Row, patch: DestinationPatch) {
    const config = JSON.parse(row.config) as StoredConfig;
    const kind = patch.kind ?? row.kind;
    const sameKind = kind === row.kind;
    const merged: DestinationCreate = {
      name: patch.name ?? row.name,
      kind,
      url: patch.url ?? config.url,
      events: patch.events ?? (JSON.parse(row.events) as string[]),
      sourceIds: patch.sourceIds ?? config.sourceIds,
      timeoutMs: patch.timeoutMs ?? config.timeoutMs,
      retry: { ...config.retry, ...patch.retry },
      concurrency: patch.concurrency ?? config.concurrency,
      ordered: patch.ordered ?? config.ordered,
      paused: patch.paused ?? row.paused === 1,
      settings: { ...(sameKind ? config.settings : {}), ...patch.settings },
    };
    return { merged, config, sameKind };
  }

  /**
   * The secrets entered for a destination's address that `merged` would send, with the values kept from before,
   * to another site (scheme, host or port): a token meant for one service is not handed to the next unasked.
   */
  private secretsSentElsewhere(
    storedUrl: string,
    merged: DestinationCreate,
    previous: SecretMap,
    sameKind: boolean,
  ): SentSecret[] {
    if (!isOtherSite(storedUrl, merged.url)) return [];
    const ofKind = sameKind ? (this.kinds(merged.kind)?.keptSecretsSent?.(merged.settings, previous) ?? []) : [];
    return [...ofKind, ...urlSecretsKept(merged.url, previous)];
  }

  /** The names of the secrets an imported `patch` leaves behind: entered for the old site, not sent to the new one. */
  secretsLeftBehind(id: string, patch: DestinationPatch): string[] {
    const row = this.row(id);
    if (!row) return [];
    const { merged, config, sameKind } = this.patched(row, patch);
    return this.secretsSentElsewhere(config.url, merged, this.secretsOf(row, config), sameKind).map(({ name }) => name);
  }

  /**
   * Marks the destination deleted: its row stays, for the history of what it was sent (see the migration that made
   * `deleted_at`), its secrets dropped. `alongside` runs in the same transaction (its open deliveries given up).
   */
  delete(id: string, alongside: (now: number) => void): boolean {
    const now = Date.now();
    const deleted = writeTransaction(this.db, () => {
      const marked =
        this.db
          .prepare('UPDATE destinations SET deleted_at = ?, secrets = NULL WHERE id = ? AND deleted_at IS NULL')
          .run(now, id).changes > 0;
      if (marked) alongside(now);
      return marked;
    })();
    if (deleted) this.changed();
    return deleted;
  }

  /** The name a deleted destination had; null for one not deleted, or never here. */
  deletedName(id: string): string | null {
    return (
      (this.db.prepare('SELECT name FROM destinations WHERE id = ? AND deleted_at IS NOT NULL').pluck().get(id) as
        string | undefined) ?? null
    );
  }

  private changed(): void {
    this.cache = null;
    this.changes.emit();
  }

  private rows(): Row[] {
    // Made in the same millisecond (an import), they keep the order they were made in: rowid, not the random id.
    return this.db
      .prepare('SELECT * FROM destinations WHERE deleted_at IS NULL ORDER BY created_at, rowid')
      .all() as Row[];
  }

  private row(id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM destinations WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  }

  private kindOf(name: string): KindStorage {
    const kind = this.kinds(name);
    if (!kind) throw new InvalidInputError(refusedFor('admin.unknownKind', { name }));
    return kind;
  }

  /** Checks the kind's settings and separates what may be shown from what must be sealed. */
  /** A destination's kind settings as stored, secrets out: valid input again (a configuration export). */
  storedSettings(id: string): Record<string, unknown> | null {
    const row = this.row(id);
    return row ? (JSON.parse(row.config) as StoredConfig).settings : null;
  }

  /** `sameKind`: the kind's own secrets carry over; the address's carry over whatever the kind. */
  private split(
    input: DestinationCreate,
    previous: SecretMap,
    options: SaveOptions,
    sameKind = true,
  ): { config: StoredConfig; secrets: SecretMap } {
    const { secretsLater = false } = options;
    const kind = this.kindOf(input.kind);
    // Every refusal in one answer, so the merchant fixes them all before the next Save: the settings', a secret
    // left out (asked of the kind on what came, when its settings are refused), the address's.
    const issues: ZodError['issues'] = [];
    const refused = <T>(check: () => T, unchecked = false): T | null => {
      try {
        return check();
      } catch (error) {
        if (error instanceof ZodError) issues.push(...error.issues);
        // On settings already refused, a kind may fail in other ways: those wait for the next save.
        else if (!unchecked) throw error;
        return null;
      }
    };
    const checked = kind.settings.safeParse(input.settings);
    if (!checked.success) issues.push(...underSettings(checked.error).issues);
    const kept = sameKind ? previous : {};
    const split = refused(
      () => sealed(() => kind.seal(checked.success ? checked.data : input.settings, kept, options)),
      !checked.success,
    );
    const address = refused(() => sealUrl(input.url, previous, secretsLater));
    if (issues.length > 0 || !split || !address) throw new ZodError(issues);
    const { settings, secrets } = split;
    return {
      config: {
        url: address.url,
        sourceIds: input.sourceIds,
        timeoutMs: input.timeoutMs,
        retry: input.retry,
        concurrency: input.concurrency,
        ordered: input.ordered,
        settings,
      },
      secrets: { ...secrets, ...address.secrets },
    };
  }

  private sealSecrets(id: string, secrets: SecretMap): string | null {
    if (Object.keys(secrets).length === 0) return null;
    return this.box.seal(JSON.stringify(secrets), secretContext(id));
  }

  /** `null` when nothing is stored or the sealed value no longer opens. */
  private openSecrets(row: Row): SecretMap | null {
    if (row.secrets === null) return null;
    const opened = this.box.open(row.secrets, secretContext(row.id));
    if (opened === null) {
      this.onSecretLost(row.name);
      return null;
    }
    return JSON.parse(opened) as SecretMap;
  }

  /**
   * Migration 2 moved each kind's settings into one object in SQL, but sealed
   * secrets only open here: each kind names its old secrets anew, and they are
   * sealed again as one map. A row whose secrets no longer open keeps its mark
   * (and reads as having no secrets), so a later start with the key can finish it.
   */
  private resealLegacySecrets(): void {
    const marked = this.db
      .prepare("SELECT * FROM destinations WHERE json_extract(config, '$.legacySecrets') = 1")
      .all() as Row[];
    for (const row of marked) {
      const opened = row.secrets === null ? '{}' : this.box.open(row.secrets, secretContext(row.id));
      if (opened === null) continue;
      const old = JSON.parse(opened) as Record<string, unknown>;
      const secrets = this.kinds(row.kind)?.legacySecrets(old) ?? {};
      const config = JSON.parse(row.config) as StoredConfig;
      delete config.legacySecrets;
      this.db
        .prepare('UPDATE destinations SET config = ?, secrets = ? WHERE id = ?')
        .run(JSON.stringify(config), this.sealSecrets(row.id, secrets), row.id);
    }
  }

  /**
   * An address stored before its secret query values were sealed (`?token=` in the open) is sealed at start,
   * like the legacy secrets above; a row whose secrets no longer open is left until a start with the key.
   */
  private sealOpenUrlSecrets(): void {
    for (const row of this.rows()) {
      const config = JSON.parse(row.config) as StoredConfig;
      if (config.legacySecrets === 1 || !holdsOpenSecret(config.url)) continue;
      const opened = row.secrets === null ? {} : this.openSecrets(row);
      if (opened === null) continue;
      const address = sealUrl(config.url, opened, true);
      this.db
        .prepare('UPDATE destinations SET config = ?, secrets = ? WHERE id = ?')
        .run(
          JSON.stringify({ ...config, url: address.url }),
          this.sealSecrets(row.id, { ...opened, ...address.secrets }),
          row.id,
        );
    }
  }

  /**
   * Settings stored with a secret in the open by an older Hookferry (a webhook header named `Authorization` or
   * `X-Api-Key` but not ticked secret) are sealed at start, like the address above: sealed, the value leaves the
   * database's rows (and the backups made from them), and every reader of the destination (the API, the export,
   * the answer scrubber, the delivery) finds it where it finds any other secret. A row whose secrets no longer open
   * is left until a start with the key; the API already shows such a header as secret.
   */
  private sealOpenSettingSecrets(): void {
    for (const row of this.rows()) {
      const config = JSON.parse(row.config) as StoredConfig;
      const kind = this.kinds(row.kind);
      if (config.legacySecrets === 1 || !kind?.sealOpenSecrets) continue;
      const opened = row.secrets === null ? {} : this.openSecrets(row);
      if (opened === null) continue;
      const moved = kind.sealOpenSecrets(config.settings, opened);
      if (moved === null) continue;
      this.db
        .prepare('UPDATE destinations SET config = ?, secrets = ? WHERE id = ?')
        .run(JSON.stringify({ ...config, settings: moved.settings }), this.sealSecrets(row.id, moved.secrets), row.id);
    }
  }

  private toApi(row: Row): Destination {
    const config = JSON.parse(row.config) as StoredConfig;
    const secrets = this.secretsOf(row, config);
    const kind = this.kinds(row.kind);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      url: config.url,
      events: JSON.parse(row.events) as string[],
      sourceIds: config.sourceIds,
      timeoutMs: config.timeoutMs,
      retry: config.retry,
      concurrency: config.concurrency,
      ordered: config.ordered,
      paused: row.paused === 1,
      settings: kind?.show?.(config.settings, secrets) ?? config.settings,
      secretsSet: Object.fromEntries(
        [...(kind?.secretFields ?? []), ...urlSecretKeys(config.url)].map((field) => [
          field,
          secrets[field] !== undefined,
        ]),
      ),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  private activate(row: Row): ActiveDestination {
    const stored = JSON.parse(row.config) as StoredConfig;
    const secrets = this.secretsOf(row, stored);
    const { legacySecrets: _legacy, ...config } = stored;
    const address = openUrl(config.url, secrets);
    return {
      ...config,
      url: address.url,
      urlSecretsMissing: address.missing,
      id: row.id,
      name: row.name,
      kind: row.kind,
      events: JSON.parse(row.events) as string[],
      paused: row.paused === 1,
      secrets,
    };
  }

  /** A row still marked by migration 2 holds secrets in the old shape, which no kind reads: none until resealed. */
  private secretsOf(row: Row, config: StoredConfig): SecretMap {
    if (config.legacySecrets === 1) {
      if (row.secrets !== null) this.onSecretLost(row.name);
      return {};
    }
    return this.openSecrets(row) ?? {};
  }
}

function secretContext(destinationId: string): string {
  return `destination:${destinationId}:secrets`;
}
