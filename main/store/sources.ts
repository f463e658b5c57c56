import { InvalidInputError, refusedFor } from '../lib/errors.js';
import type { SourceCreate, SourceKind, SourcePatch, Verification, VerificationInput } from '../api/contract.js';
import { senderOf } from '../intake/senders/index.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { ChangeSignal } from './change-signal.js';
import type { Db } from './database.js';
import { newId, newToken } from './ids.js';

/** Verification as the intake uses it, with the secret opened. */
export type ActiveVerification =
  | { type: 'none' }
  | { type: 'hmac'; header: string; encoding: 'hex' | 'base64'; secret: string | null }
  | { type: 'header'; header: string; value: string | null };

export interface SecretOptions {
  secretLater?: boolean;
}

export interface SourceRecord {
  id: string;
  name: string;
  kind: SourceKind;
  token: string;
  verification: Verification;
  createdAt: number;
  updatedAt: number;
}

export interface IntakeSource extends SourceRecord {
  active: ActiveVerification;
}

interface Row {
  id: string;
  name: string;
  kind: SourceKind;
  token: string;
  verification: string;
  secret: string | null;
  created_at: number;
  updated_at: number;
}

type StoredVerification =
  { type: 'none' } | { type: 'hmac'; header: string; encoding: 'hex' | 'base64' } | { type: 'header'; header: string };

export class SourceStore {
  private byTokenCache: Map<string, IntakeSource> | null = null;
  private namesCache: Map<string, string> | null = null;
  private readonly changes = new ChangeSignal();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly onSecretLost: (sourceName: string) => void,
  ) {}

  /** Called after any change to sources. */
  onChange(listener: () => void): void {
    this.changes.on(listener);
  }

  list(): SourceRecord[] {
    // Made in the same millisecond (an import), they keep the order they were made in: rowid, not the random id.
    return (this.db.prepare('SELECT * FROM sources ORDER BY created_at, rowid').all() as Row[]).map((row) =>
      this.toRecord(row),
    );
  }

  get(id: string): SourceRecord | null {
    const row = this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as Row | undefined;
    return row ? this.toRecord(row) : null;
  }

  /**
   * Each source's current name by id: what the dashboard's rows, drawer and exports name an event's source by while
   * it exists (a renamed source is one source), not the name stored with the event when it came. A cached map,
   * rebuilt after any change to sources: read for every page of events.
   */
  currentNames(): ReadonlyMap<string, string> {
    this.namesCache ??= new Map(
      (this.db.prepare('SELECT id, name FROM sources').all() as { id: string; name: string }[]).map((row) => [
        row.id,
        row.name,
      ]),
    );
    return this.namesCache;
  }

  /** The intake's lookup: a cached map, rebuilt after any change to sources. */
  byToken(token: string): IntakeSource | null {
    if (!this.byTokenCache) {
      const rows = this.db.prepare('SELECT * FROM sources').all() as Row[];
      this.byTokenCache = new Map(
        rows.map((row) => [row.token, { ...this.toRecord(row), active: this.activate(row) }]),
      );
    }
    return this.byTokenCache.get(token) ?? null;
  }

  /**
   * `secretLater`: a verification whose secret is not known yet (an imported configuration) is stored
   * without it, and the source refuses every post until the merchant enters it.
   */
  create(input: SourceCreate, { secretLater = false }: SecretOptions = {}): SourceRecord {
    const id = newId('src');
    const now = Date.now();
    const { stored, secret } = this.resolveVerification(id, input.kind, input.verification, null, secretLater);
    this.db
      .prepare(
        'INSERT INTO sources (id, name, kind, token, verification, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, input.name, input.kind, newToken(), JSON.stringify(stored), secret, now, now);
    this.changed();
    return this.get(id)!;
  }

  update(id: string, patch: SourcePatch, { secretLater = false }: SecretOptions = {}): SourceRecord | null {
    const row = this.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    const kind = patch.kind ?? row.kind;
    let stored = JSON.parse(row.verification) as StoredVerification;
    let secret = row.secret;
    if (patch.verification) {
      const keep = patch.verification.type === stored.type ? row.secret : null;
      ({ stored, secret } = this.resolveVerification(id, kind, patch.verification, keep, secretLater));
    }
    this.db
      .prepare(
        'UPDATE sources SET name = ?, kind = ?, token = ?, verification = ?, secret = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        patch.name ?? row.name,
        kind,
        patch.regenerateToken ? newToken() : row.token,
        JSON.stringify(stored),
        secret,
        Date.now(),
        id,
      );
    this.changed();
    return this.get(id);
  }

  delete(id: string): boolean {
    const deleted = this.db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    if (deleted) this.changed();
    return deleted;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
  }

  /** After a transaction that rolled back: what was cached inside it is read again. */
  reread(): void {
    this.changed();
  }

  private changed(): void {
    this.byTokenCache = null;
    this.namesCache = null;
    this.changes.emit();
  }

  private resolveVerification(
    id: string,
    kind: SourceKind,
    input: VerificationInput,
    keptSecret: string | null,
    secretLater: boolean,
  ) {
    const context = secretContext(id);
    switch (input.type) {
      case 'none':
        return { stored: { type: 'none' } as StoredVerification, secret: null };
      case 'hmac': {
        // Where the kind signs its webhooks, so a merchant only pastes the secret.
        const signature = senderOf(kind).verification.signature;
        const header = input.header ?? signature?.header;
        if (!header) throw new InvalidInputError(refusedFor('admin.signatureHeaderMissing'));
        const secret = input.secret !== undefined ? this.box.seal(input.secret, context) : keptSecret;
        if (!secret && !secretLater) throw new InvalidInputError(refusedFor('admin.signingSecretMissing'));
        return {
          stored: {
            type: 'hmac',
            header,
            encoding: input.encoding ?? signature?.encoding ?? 'hex',
          } as StoredVerification,
          secret,
        };
      }
      case 'header': {
        const secret = input.value !== undefined ? this.box.seal(input.value, context) : keptSecret;
        if (!secret && !secretLater)
          throw new InvalidInputError(refusedFor('admin.headerValueMissing', { header: input.header }));
        return { stored: { type: 'header', header: input.header } as StoredVerification, secret };
      }
    }
  }

  private toRecord(row: Row): SourceRecord {
    const stored = JSON.parse(row.verification) as StoredVerification;
    const verification: Verification =
      stored.type === 'hmac'
        ? { ...stored, secretSet: row.secret !== null }
        : stored.type === 'header'
          ? { ...stored, valueSet: row.secret !== null }
          : stored;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      token: row.token,
      verification,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private activate(row: Row): ActiveVerification {
    const stored = JSON.parse(row.verification) as StoredVerification;
    if (stored.type === 'none') return stored;
    const secret = row.secret === null ? null : this.box.open(row.secret, secretContext(row.id));
    if (row.secret !== null && secret === null) this.onSecretLost(row.name);
    return stored.type === 'hmac' ? { ...stored, secret } : { ...stored, value: secret };
  }
}

function secretContext(sourceId: string): string {
  return `source:${sourceId}:verification`;
}
