import type { Destination, DestinationCreate, DestinationPatch, RetryPolicy } from '../api/contract.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { ChangeSignal } from './change-signal.js';
import type { Db } from './database.js';
import { newId } from './ids.js';
import { InvalidInputError } from '../lib/errors.js';

type DestinationKind = Destination['kind'];
type ZitharaConfig = { clientId: string; phoneCountryCode: string; currency: string };

/** The settings of a destination as stored in its `config` column (secrets live apart, sealed). */
interface StoredConfig {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  sourceIds: string[];
  headers: { name: string; value: string | null; secret: boolean }[];
  bodyMode: 'raw' | 'json';
  timeoutMs: number;
  retry: RetryPolicy;
  concurrency: number;
  ordered: boolean;
  transform: string | null;
  zithara: ZitharaConfig | null;
}

interface StoredSecrets {
  signingSecret?: string;
  zitharaClientSecret?: string;
  headers: Record<string, string>;
}

interface Row {
  id: string;
  name: string;
  kind: DestinationKind;
  config: string;
  secrets: string | null;
  events: string;
  paused: number;
  created_at: number;
  updated_at: number;
}

/** A destination as the delivery queue uses it: settings, with its secrets opened. */
export interface ActiveDestination extends StoredConfig {
  id: string;
  name: string;
  kind: DestinationKind;
  events: string[];
  paused: boolean;
  /** Every header to send, secret values included. */
  sendHeaders: { name: string; value: string }[];
  signingSecret: string | null;
  zitharaClientSecret: string | null;
}

export class DestinationStore {
  private cache: ActiveDestination[] | null = null;
  private readonly changes = new ChangeSignal();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly onSecretLost: (name: string) => void,
  ) {}

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

  /** Every destination with its secrets opened; cached until the next change. */
  active(): ActiveDestination[] {
    this.cache ??= this.rows().map((row) => this.activate(row));
    return this.cache;
  }

  activeById(id: string): ActiveDestination | null {
    return this.active().find((destination) => destination.id === id) ?? null;
  }

  create(input: DestinationCreate): Destination {
    const id = newId('dst');
    const now = Date.now();
    const { config, secrets } = this.split(input, { headers: {} });
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

  update(id: string, patch: DestinationPatch): Destination | null {
    const row = this.row(id);
    if (!row) return null;
    const current = this.toApi(row);
    const merged: DestinationCreate = {
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      url: patch.url ?? current.url,
      method: patch.method ?? current.method,
      events: patch.events ?? current.events,
      sourceIds: patch.sourceIds ?? current.sourceIds,
      headers:
        patch.headers ??
        current.headers.map(({ name, value, secret }) => ({ name, secret, ...(value === null ? {} : { value }) })),
      signingSecret: patch.signingSecret,
      bodyMode: patch.bodyMode ?? current.bodyMode,
      timeoutMs: patch.timeoutMs ?? current.timeoutMs,
      retry: { ...current.retry, ...patch.retry },
      concurrency: patch.concurrency ?? current.concurrency,
      ordered: patch.ordered ?? current.ordered,
      paused: patch.paused ?? current.paused,
      transform: patch.transform === undefined ? current.transform : patch.transform,
      zithara: patch.zithara ?? (current.zithara ? withoutSecret(current.zithara) : undefined),
    };
    const { config, secrets } = this.split(merged, this.openSecrets(row) ?? { headers: {} });
    this.db
      .prepare(
        'UPDATE destinations SET name = ?, kind = ?, config = ?, secrets = ?, events = ?, paused = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        merged.name,
        merged.kind,
        JSON.stringify(config),
        this.sealSecrets(id, secrets),
        JSON.stringify(merged.events),
        merged.paused ? 1 : 0,
        Date.now(),
        id,
      );
    this.changed();
    return this.get(id);
  }

  delete(id: string): boolean {
    const deleted = this.db.prepare('DELETE FROM destinations WHERE id = ?').run(id).changes > 0;
    if (deleted) this.changed();
    return deleted;
  }

  private changed(): void {
    this.cache = null;
    this.changes.emit();
  }

  private rows(): Row[] {
    return this.db.prepare('SELECT * FROM destinations ORDER BY created_at, id').all() as Row[];
  }

  private row(id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM destinations WHERE id = ?').get(id) as Row | undefined;
  }

  /** Separates what may be shown from what must be sealed; a secret left out of an update keeps its stored value. */
  private split(input: DestinationCreate, previous: StoredSecrets): { config: StoredConfig; secrets: StoredSecrets } {
    const secrets: StoredSecrets = { headers: {} };
    const signing = input.signingSecret === undefined ? previous.signingSecret : (input.signingSecret ?? undefined);
    if (signing) secrets.signingSecret = signing;
    if (input.kind === 'zithara') {
      if (!input.zithara) throw new InvalidInputError('Enter the Zithara client id and client secret.');
      const clientSecret = input.zithara.clientSecret ?? previous.zitharaClientSecret;
      if (!clientSecret) throw new InvalidInputError('Enter the Zithara client secret.');
      secrets.zitharaClientSecret = clientSecret;
    }
    const headers = input.headers.map(({ name, value, secret }) => {
      if (!secret) {
        if (value === undefined) throw new InvalidInputError(`Enter a value for the ${name} header.`);
        return { name, value, secret };
      }
      const kept = value ?? previous.headers[name.toLowerCase()];
      if (kept === undefined) throw new InvalidInputError(`Enter a value for the secret ${name} header.`);
      secrets.headers[name.toLowerCase()] = kept;
      return { name, value: null, secret };
    });
    return {
      config: {
        url: input.url,
        method: input.method,
        sourceIds: input.sourceIds,
        headers,
        bodyMode: input.bodyMode,
        timeoutMs: input.timeoutMs,
        retry: input.retry,
        concurrency: input.concurrency,
        ordered: input.ordered,
        transform: input.transform || null,
        zithara: input.kind === 'zithara' && input.zithara ? withoutSecret(input.zithara) : null,
      },
      secrets,
    };
  }

  private sealSecrets(id: string, secrets: StoredSecrets): string | null {
    if (!secrets.signingSecret && !secrets.zitharaClientSecret && Object.keys(secrets.headers).length === 0)
      return null;
    return this.box.seal(JSON.stringify(secrets), secretContext(id));
  }

  /** `null` when nothing is stored or the sealed value no longer opens. */
  private openSecrets(row: Row): StoredSecrets | null {
    if (row.secrets === null) return null;
    const opened = this.box.open(row.secrets, secretContext(row.id));
    if (opened === null) {
      this.onSecretLost(row.name);
      return null;
    }
    return JSON.parse(opened) as StoredSecrets;
  }

  private toApi(row: Row): Destination {
    const config = JSON.parse(row.config) as StoredConfig;
    const secrets = this.openSecrets(row);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      url: config.url,
      method: config.method,
      events: JSON.parse(row.events) as string[],
      sourceIds: config.sourceIds,
      headers: config.headers.map(({ name, value, secret }) => ({
        name,
        value,
        secret,
        valueSet: secret ? secrets?.headers[name.toLowerCase()] !== undefined : true,
      })),
      signingSecretSet: Boolean(secrets?.signingSecret),
      bodyMode: config.bodyMode,
      timeoutMs: config.timeoutMs,
      retry: config.retry,
      concurrency: config.concurrency,
      ordered: config.ordered,
      paused: row.paused === 1,
      transform: config.transform ?? null,
      zithara: config.zithara ? { ...config.zithara, clientSecretSet: Boolean(secrets?.zitharaClientSecret) } : null,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  private activate(row: Row): ActiveDestination {
    const config = JSON.parse(row.config) as StoredConfig;
    const secrets = this.openSecrets(row);
    return {
      ...config,
      id: row.id,
      name: row.name,
      kind: row.kind,
      events: JSON.parse(row.events) as string[],
      paused: row.paused === 1,
      sendHeaders: config.headers.flatMap(({ name, value, secret }) => {
        const actual = secret ? secrets?.headers[name.toLowerCase()] : value;
        return actual === undefined || actual === null ? [] : [{ name, value: actual }];
      }),
      signingSecret: secrets?.signingSecret ?? null,
      zitharaClientSecret: secrets?.zitharaClientSecret ?? null,
    };
  }
}

/** Zithara settings as kept in `config`: the client secret lives sealed, apart, and whether it is set is worked out on reading. */
function withoutSecret({ clientId, phoneCountryCode, currency }: ZitharaConfig): ZitharaConfig {
  return { clientId, phoneCountryCode, currency };
}

function secretContext(destinationId: string): string {
  return `destination:${destinationId}:secrets`;
}
