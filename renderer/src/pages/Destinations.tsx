import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Destination,
  type DestinationCreate,
  type DestinationKindInfo,
  type PreviewResult,
  RetryPolicy,
  type SenderCatalogEntry,
  type TestResult,
} from '../../../main/api/contract';
import { ExternalLink } from '../components/ExternalLink';
import { StatusBadge } from '../components/StatusBadge';
import { useAction, useApp } from '../context';
import { destinationKindsQuery, useDestinations, useRefetch, useSources } from '../data/queries';
import { describeSchedule } from '../../../main/api/retry-schedule';
import { knownEventsOf, useSenderCatalog } from '../lib/sender-catalog';

/** The senders whose events the editor offers as a checklist; a kind that takes only some events, only those that send them. */
function senderGroups(catalog: SenderCatalogEntry[], info: DestinationKindInfo | undefined): SenderCatalogEntry[] {
  const grouped = catalog.filter((sender) => sender.groups.length > 0);
  const events = info?.events;
  return events
    ? grouped.filter((sender) => sender.groups.some((group) => group.events.some((event) => events.includes(event))))
    : grouped;
}

interface Form {
  kind: string;
  transform: string;
  /** The plain fields the catalogue lists for a kind without a fieldset of its own (a secret left empty keeps it). */
  fields: Record<string, string>;
  name: string;
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  events: string[];
  patterns: string;
  sourceIds: string[];
  headers: { name: string; value: string; secret: boolean; valueSet: boolean }[];
  signingSecret: string;
  removeSigning: boolean;
  bodyMode: 'raw' | 'json';
  timeoutSeconds: number;
  retry: RetryPolicy;
  concurrency: number;
  ordered: boolean;
  paused: boolean;
}

/** The webhook kind's settings as the engine answers them. */
interface WebhookShown {
  method?: Form['method'];
  headers?: { name: string; value: string | null; secret: boolean; valueSet: boolean }[];
  bodyMode?: Form['bodyMode'];
}

function formOf(destination: Destination | null, knownEvents: Set<string>): Form {
  const events = destination?.events ?? [];
  const settings = destination?.settings ?? {};
  const webhook = settings as WebhookShown;
  return {
    kind: destination?.kind ?? 'webhook',
    transform: typeof settings.transform === 'string' ? settings.transform : '',
    fields: Object.fromEntries(
      Object.entries(settings).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
    ),
    name: destination?.name ?? '',
    url: destination?.url ?? 'https://',
    method: webhook.method ?? 'POST',
    events: events.filter((event) => knownEvents.has(event) || event === '*'),
    patterns: events.filter((event) => !knownEvents.has(event) && event !== '*').join('\n'),
    sourceIds: destination?.sourceIds ?? [],
    headers:
      webhook.headers?.map((header) => ({
        name: header.name,
        value: header.value ?? '',
        secret: header.secret,
        valueSet: header.valueSet,
      })) ?? [],
    signingSecret: '',
    removeSigning: false,
    bodyMode: webhook.bodyMode ?? 'raw',
    timeoutSeconds: (destination?.timeoutMs ?? 15_000) / 1000,
    retry: destination?.retry ?? RetryPolicy.parse({}),
    concurrency: destination?.concurrency ?? 4,
    ordered: destination?.ordered ?? false,
    paused: destination?.paused ?? false,
  };
}

function bodyOf(form: Form, info: DestinationKindInfo | undefined): DestinationCreate {
  const patterns = form.patterns
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    name: form.name,
    kind: form.kind,
    url: form.url.trim(),
    events: [...new Set([...form.events, ...patterns])],
    sourceIds: form.sourceIds,
    timeoutMs: Math.round(form.timeoutSeconds * 1000),
    retry: form.retry,
    concurrency: form.concurrency,
    ordered: form.ordered,
    paused: form.paused,
    settings: fieldsetOf(form.kind).settingsOf(form, info),
  };
}

interface FieldsetProps {
  form: Form;
  set: (patch: Partial<Form>) => void;
  destination: Destination | null;
  info: DestinationKindInfo | undefined;
  /** Shows what the destination would be sent: with an expression being edited, what it makes of the event. */
  onPreview: (expression?: string) => void;
}

/** How the editor draws and reads one kind's settings. */
interface KindFieldset {
  Fieldset: (props: FieldsetProps) => ReactNode;
  settingsOf: (form: Form, info: DestinationKindInfo | undefined) => Record<string, unknown>;
}

/** Kinds with a fieldset of their own; any other kind is drawn from the fields its catalogue entry lists. */
const kindFieldsets: Record<string, KindFieldset> = {
  webhook: { Fieldset: WebhookFieldset, settingsOf: webhookSettingsOf },
};
const fieldsetOf = (kind: string): KindFieldset =>
  kindFieldsets[kind] ?? { Fieldset: CatalogFieldset, settingsOf: catalogSettingsOf };

function webhookSettingsOf(form: Form): Record<string, unknown> {
  return {
    method: form.method,
    transform: form.transform.trim() ? form.transform : null,
    headers: form.headers
      .filter((header) => header.name.trim())
      .map(({ name, value, secret }) => ({ name: name.trim(), secret, ...(secret && !value ? {} : { value }) })),
    ...(form.removeSigning
      ? { signingSecret: null }
      : form.signingSecret
        ? { signingSecret: form.signingSecret.trim() }
        : {}),
    bodyMode: form.bodyMode,
  };
}

/** Every listed field; a secret left empty is left out, so the stored one is kept. */
function catalogSettingsOf(form: Form, info: DestinationKindInfo | undefined): Record<string, unknown> {
  return Object.fromEntries(
    (info?.fields ?? []).flatMap((field) => {
      const value = form.fields[field.key] ?? '';
      return field.secret && !value ? [] : [[field.key, value]];
    }),
  );
}

/** The kinds the engine offers, from its catalogue; empty until it has answered. */
function useDestinationKinds(): DestinationKindInfo[] {
  return useQuery(destinationKindsQuery(useApp().engine)).data ?? [];
}

export function Destinations() {
  const { t } = useTranslation();
  const destinations = useDestinations();
  const [editing, setEditing] = useState<Destination | 'new' | null>(null);
  const catalog = useSenderCatalog();

  return (
    <section aria-labelledby="destinations-title">
      <header className="row">
        <h2 id="destinations-title">{t('destinations.title')}</h2>
        <button className="primary" onClick={() => setEditing('new')}>
          {t('destinations.add')}
        </button>
      </header>
      {destinations.length === 0 && !editing && <p className="hint">{t('destinations.none')}</p>}
      <ul className="plain-list">
        {destinations.map((destination) => (
          <li key={destination.id} className="card row">
            <div className="grow">
              <strong>{destination.name}</strong> {destination.paused && <StatusBadge status="paused" />}
              <div className="muted">
                {destination.url} · {destination.events.join(', ')}
              </div>
            </div>
            <button onClick={() => setEditing(destination)}>✎ {destination.name}</button>
          </li>
        ))}
      </ul>
      {editing && catalog && (
        <DestinationEditor
          key={editing === 'new' ? 'new' : editing.id}
          catalog={catalog}
          destination={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function DestinationEditor({
  catalog,
  destination,
  onDone,
}: {
  catalog: SenderCatalogEntry[];
  destination: Destination | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { engine, say } = useApp();
  const sources = useSources();
  const refetch = useRefetch();
  const act = useAction();
  const [form, setForm] = useState<Form>(() => formOf(destination, knownEventsOf(catalog)));
  const [test, setTest] = useState<TestResult | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const kinds = useDestinationKinds();
  const info = kinds.find((kind) => kind.kind === form.kind);
  const { Fieldset } = fieldsetOf(form.kind);
  const showPreview = (expression?: string) => {
    if (!destination) return;
    void act(() =>
      engine.api('previewDestination', {
        params: { id: destination.id },
        body: expression === undefined ? {} : { expression },
      }),
    ).then((result) => result && setPreview(result));
  };
  /** A kind's defaults fill what the merchant has not typed yet. */
  const setKind = (kind: string) => {
    const chosen = kinds.find((entry) => entry.kind === kind);
    const defaults = chosen?.defaults;
    set({
      kind,
      ...(defaults?.url && (form.url === 'https://' || !form.url.startsWith('http')) ? { url: defaults.url } : {}),
      ...(chosen?.events ? { events: [...chosen.events] } : {}),
      fields: {
        ...Object.fromEntries(
          Object.entries(defaults?.settings ?? {}).flatMap(([key, value]) =>
            typeof value === 'string' ? [[key, value]] : [],
          ),
        ),
        ...form.fields,
      },
    });
  };
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const setRetry = (patch: Partial<RetryPolicy>) =>
    setForm((current) => ({ ...current, retry: { ...current.retry, ...patch } }));
  const toggle = (event: string, on: boolean) =>
    set({ events: on ? [...form.events, event] : form.events.filter((existing) => existing !== event) });
  const language = i18n.language === 'vi' ? 'vi' : 'en';

  const schedule = describeSchedule(
    form.retry,
    (unit, n) => t(`schedule.${unit}`, { n }),
    (total) => t('schedule.gaveUp', { total }),
    t('schedule.once'),
  );

  const save = async () => {
    const body = bodyOf(form, info);
    const saved = await act(() =>
      destination
        ? engine.api('updateDestination', { params: { id: destination.id }, body })
        : engine.api('createDestination', { body }),
    );
    if (!saved) return;
    await refetch('destinations');
    say(t('common.saved'));
    onDone();
  };

  const remove = async () => {
    if (!destination || !window.confirm(t('destinations.confirmDelete', { name: destination.name }))) return;
    await act(() => engine.api('deleteDestination', { params: { id: destination.id } }));
    await refetch('destinations');
    onDone();
  };

  return (
    <form
      className="card editor"
      aria-label={destination ? destination.name : t('destinations.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="grid">
        <label>
          {t('destinations.kind')}
          <select value={form.kind} onChange={(event) => setKind(event.target.value)}>
            {(kinds.length ? kinds : [{ kind: form.kind, label: { en: form.kind, vi: form.kind } }]).map((kind) => (
              <option key={kind.kind} value={kind.kind}>
                {kind.label[language]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('destinations.name')}
          <input required value={form.name} onChange={(event) => set({ name: event.target.value })} />
        </label>
        <label className="wide">
          {info?.urlLabel ? info.urlLabel[language] : t('destinations.url')}
          <input required type="url" value={form.url} onChange={(event) => set({ url: event.target.value })} />
        </label>
      </div>

      <Fieldset form={form} set={set} destination={destination} info={info} onPreview={showPreview} />

      <fieldset>
        <legend>{t('destinations.events')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={form.events.includes('*')}
            onChange={(event) => toggle('*', event.target.checked)}
          />{' '}
          {t('destinations.everything')}
        </label>
        <div className="sender-groups">
          {senderGroups(catalog, info).map((sender) => (
            <fieldset key={sender.kind} className="sender">
              <legend>{sender.label[language]}</legend>
              {sender.groups.map((group) => {
                const all = group.events.every((event) => form.events.includes(event));
                return (
                  <fieldset key={group.id} className="group">
                    <legend>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={all}
                          onChange={(event) =>
                            set({
                              events: event.target.checked
                                ? [...new Set([...form.events, ...group.events])]
                                : form.events.filter((existing) => !group.events.includes(existing)),
                            })
                          }
                        />{' '}
                        {group.label[language]}
                      </label>
                    </legend>
                    {group.events.map((event) => (
                      <label key={event} className="check">
                        <input
                          type="checkbox"
                          checked={form.events.includes(event)}
                          onChange={(change) => toggle(event, change.target.checked)}
                        />{' '}
                        <code>{event}</code>
                      </label>
                    ))}
                  </fieldset>
                );
              })}
            </fieldset>
          ))}
        </div>
        <label>
          {t('destinations.patterns')}
          <textarea
            rows={2}
            value={form.patterns}
            onChange={(event) => set({ patterns: event.target.value })}
            aria-describedby="patterns-help"
          />
        </label>
        <p id="patterns-help" className="hint">
          {t('destinations.patternsHelp')}
        </p>
        {sources.length > 1 && (
          <fieldset>
            <legend>{t('destinations.sources')}</legend>
            {sources.map((source) => (
              <label key={source.id} className="check">
                <input
                  type="checkbox"
                  checked={form.sourceIds.includes(source.id)}
                  onChange={(event) =>
                    set({
                      sourceIds: event.target.checked
                        ? [...form.sourceIds, source.id]
                        : form.sourceIds.filter((id) => id !== source.id),
                    })
                  }
                />{' '}
                {source.name}
              </label>
            ))}
            <p className="hint">{form.sourceIds.length === 0 && t('destinations.allSources')}</p>
          </fieldset>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('destinations.retry')}</legend>
        <div className="grid">
          <label>
            {t('destinations.maxAttempts')}
            <input
              type="number"
              min={1}
              max={50}
              value={form.retry.maxAttempts}
              onChange={(event) => setRetry({ maxAttempts: Number(event.target.value) })}
            />
          </label>
          <label>
            {t('destinations.initialDelay')}
            <input
              type="number"
              min={0.1}
              step="any"
              value={form.retry.initialDelayMs / 1000}
              onChange={(event) => setRetry({ initialDelayMs: Math.round(Number(event.target.value) * 1000) })}
            />
          </label>
          <label>
            {t('destinations.multiplier')}
            <input
              type="number"
              min={1}
              max={10}
              step="any"
              value={form.retry.multiplier}
              onChange={(event) => setRetry({ multiplier: Number(event.target.value) })}
            />
          </label>
          <label>
            {t('destinations.maxDelay')}
            <input
              type="number"
              min={0.1}
              step="any"
              value={form.retry.maxDelayMs / 60_000}
              onChange={(event) => setRetry({ maxDelayMs: Math.round(Number(event.target.value) * 60_000) })}
            />
          </label>
        </div>
        <p className="hint" data-testid="schedule">
          {t('destinations.schedule', { schedule })}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t('destinations.mode')}</legend>
        <label className="check">
          <input type="radio" name="mode" checked={!form.ordered} onChange={() => set({ ordered: false })} />{' '}
          {t('destinations.parallel')}
        </label>
        <label className="check">
          <input type="radio" name="mode" checked={form.ordered} onChange={() => set({ ordered: true })} />{' '}
          {t('destinations.ordered')}
        </label>
        {form.ordered && <p className="hint">{t('destinations.orderedHint')}</p>}
        <div className="grid">
          {!form.ordered && (
            <label>
              {t('destinations.concurrency')}
              <input
                type="number"
                min={1}
                max={32}
                value={form.concurrency}
                onChange={(event) => set({ concurrency: Number(event.target.value) })}
              />
            </label>
          )}
          <label>
            {t('destinations.timeout')}
            <input
              type="number"
              min={1}
              max={120}
              value={form.timeoutSeconds}
              onChange={(event) => set({ timeoutSeconds: Number(event.target.value) })}
            />
          </label>
        </div>
      </fieldset>

      {preview && (
        <div role="status" data-testid="preview">
          {preview.eventId && <p className="hint">{t('destinations.previewOn', { id: preview.eventId })}</p>}
          {preview.ok ? (
            <pre className="body">{JSON.stringify(preview.output, null, 2)}</pre>
          ) : (
            <p className="error-text">{preview.error}</p>
          )}
        </div>
      )}

      <label className="check">
        <input type="checkbox" checked={form.paused} onChange={(event) => set({ paused: event.target.checked })} />{' '}
        {t('destinations.paused')}
      </label>

      {test && (
        <p className={test.ok ? 'banner ok' : 'banner error'} role="status">
          {test.ok
            ? info?.testOk
              ? info.testOk[language].replace('{{ms}}', String(test.durationMs))
              : t('destinations.testOk', { status: test.httpStatus, ms: test.durationMs })
            : t('destinations.testFailed', { error: test.error })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        {destination && (
          <button
            type="button"
            onClick={() =>
              void act(() => engine.api('testDestination', { params: { id: destination.id } })).then(
                (result) => result && setTest(result),
              )
            }
          >
            {t('destinations.test')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {destination && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('common.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The webhook kind: method, body, headers, signing and the transformation. */
function WebhookFieldset({ form, set, destination, onPreview }: FieldsetProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset>
        <legend>{t('destinations.kinds.webhook')}</legend>
        <div className="grid">
          <label>
            {t('destinations.method')}
            <select value={form.method} onChange={(event) => set({ method: event.target.value as Form['method'] })}>
              <option>POST</option>
              <option>PUT</option>
              <option>PATCH</option>
            </select>
          </label>
          <label>
            {t('destinations.bodyMode')}
            <select
              value={form.bodyMode}
              onChange={(event) => set({ bodyMode: event.target.value as Form['bodyMode'] })}
            >
              <option value="raw">{t('destinations.bodyRaw')}</option>
              <option value="json">{t('destinations.bodyJson')}</option>
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('destinations.headers')}</legend>
        {form.headers.map((header, index) => (
          <div key={index} className="grid header-row">
            <label>
              {t('destinations.headerName')}
              <input
                value={header.name}
                onChange={(event) =>
                  set({ headers: form.headers.map((h, i) => (i === index ? { ...h, name: event.target.value } : h)) })
                }
              />
            </label>
            <label>
              {t('destinations.headerValue')}
              <input
                type={header.secret ? 'password' : 'text'}
                value={header.value}
                placeholder={header.secret && header.valueSet ? t('common.secretSet') : ''}
                onChange={(event) =>
                  set({
                    headers: form.headers.map((h, i) => (i === index ? { ...h, value: event.target.value } : h)),
                  })
                }
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={header.secret}
                onChange={(event) =>
                  set({
                    headers: form.headers.map((h, i) => (i === index ? { ...h, secret: event.target.checked } : h)),
                  })
                }
              />{' '}
              {t('destinations.secret')}
            </label>
            <button type="button" onClick={() => set({ headers: form.headers.filter((_, i) => i !== index) })}>
              {t('common.delete')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set({ headers: [...form.headers, { name: '', value: '', secret: false, valueSet: false }] })}
        >
          {t('destinations.addHeader')}
        </button>
        <label>
          {t('destinations.signing')}
          <input
            type="password"
            value={form.signingSecret}
            placeholder={destination?.secretsSet.signingSecret ? t('common.secretSet') : t('destinations.signingHelp')}
            onChange={(event) => set({ signingSecret: event.target.value })}
          />
        </label>
        {destination?.secretsSet.signingSecret && (
          <label className="check">
            <input
              type="checkbox"
              checked={form.removeSigning}
              onChange={(event) => set({ removeSigning: event.target.checked })}
            />{' '}
            {t('destinations.removeSigning')}
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('destinations.transform')}</legend>
        <label>
          {t('destinations.transformLabel')}
          <textarea
            rows={4}
            value={form.transform}
            placeholder='{ "order": invoice_id, "total": price_final }'
            onChange={(event) => set({ transform: event.target.value })}
          />
        </label>
        <p className="hint">
          <ExternalLink name="jsonata">{t('destinations.jsonataHelp')}</ExternalLink>
        </p>
        {destination && (
          <button type="button" onClick={() => onPreview(form.transform)}>
            {t('destinations.preview')}
          </button>
        )}
      </fieldset>
    </>
  );
}

/** A kind drawn from its catalogue entry: its plain fields, its help, and a preview of what it would send. */
function CatalogFieldset({ form, set, destination, info, onPreview }: FieldsetProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'vi' ? 'vi' : 'en';
  if (!info) return null;
  return (
    <fieldset>
      <legend>{info.label[language]}</legend>
      <div className="grid">
        {info.fields.map((field) => (
          <label key={field.key}>
            {field.label[language]}
            <input
              type={field.secret ? 'password' : 'text'}
              required={field.required && !(field.secret && destination?.secretsSet[field.key])}
              value={form.fields[field.key] ?? ''}
              placeholder={
                field.secret
                  ? destination?.secretsSet[field.key]
                    ? t('common.secretSet')
                    : t('common.secretUnset')
                  : (field.placeholder ?? '')
              }
              onChange={(event) => set({ fields: { ...form.fields, [field.key]: event.target.value } })}
            />
          </label>
        ))}
      </div>
      {info.help && <p className="hint">{info.help[language]}</p>}
      {destination && (
        <button type="button" onClick={() => onPreview()}>
          {t('destinations.preview')}
        </button>
      )}
    </fieldset>
  );
}
