import { type ChangeEvent, type JSX, useRef, useState } from 'react';
import { Controller, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type Destination,
  type DestinationKindInfo,
  type PreviewResult,
  RetryPolicy,
  type SenderCatalogEntry,
  type Source,
} from '../../../main/api/contract';
import { describeSchedule } from '../../../main/api/retry-schedule';
import { ExternalLink } from '../components/ExternalLink';
import { useActionSaidHere, useApp } from '../context';
import { FieldError, useDescribedBy } from '../forms/FieldError';
import { useEventTypeName } from '../lib/event-type-name';
import { useLanguage } from '../lib/language';
import { usePreviewReasonText } from '../lib/reason';
import { storedRedacted, urlSecretNames } from '../lib/redacted';
import { isSecretName, REDACTED } from '../../../main/lib/redact';
import { useEventSummary } from '../lib/event-summary';
import { eventQuery } from '../data/queries';
import { useQuery } from '@tanstack/react-query';
import { knownEventsOf } from '../lib/sender-catalog';
import { ScaledNumber } from '../forms/ScaledNumber';
import { shopSendersOf, startingEvents } from './starting-events';
import { TriStateCheckbox } from './TriStateCheckbox';
import type { DestinationValues } from './values';

export interface FieldsetProps {
  destination: Destination | null;
  catalog: SenderCatalogEntry[];
  sources: Source[];
  kinds: DestinationKindInfo[];
  /** The catalogue entry of the kind being edited; undefined until the engine has answered. */
  info: DestinationKindInfo | undefined;
}

function Basics({ kinds, info, destination, catalog, sources }: FieldsetProps) {
  const describedBy = useDescribedBy();
  const { t } = useTranslation();
  const language = useLanguage();
  const { register, setValue, getValues } = useFormContext<DestinationValues>();
  const kind = useWatch<DestinationValues, 'kind'>({ name: 'kind' });
  const url = useWatch<DestinationValues, 'url'>({ name: 'url' });
  const keptSecrets = urlSecretNames(destination, true);
  const missingSecrets = urlSecretNames(destination, false);
  const kindField = register('kind');
  return (
    <fieldset>
      <legend>{t('destinationForm.basics')}</legend>
      <div className="grid fields">
        <label>
          {t('destinations.kind')}
          <select
            {...kindField}
            onChange={(event) => {
              void kindField.onChange(event);
              // A new kind starts from its own defaults: its address, its settings, and of the events it has a use
              // for those the shop sends (see startingEvents).
              const chosen = kinds.find((entry) => entry.kind === event.target.value);
              if (!chosen) return;
              const dirty = { shouldDirty: true };
              setValue('settings', { ...chosen.defaults.settings }, dirty);
              if (chosen.defaults.url && !getValues('url')) setValue('url', chosen.defaults.url, dirty);
              if (chosen.events)
                setValue('events', startingEvents(chosen.events, getValues('events') ?? [], catalog, sources), dirty);
            }}
          >
            {kinds.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label[language]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('destinations.name')}
          <input {...register('name')} placeholder={t('destinationForm.namePlaceholder')} {...describedBy('name')} />
          <FieldError name="name" />
        </label>
        <label className="wide">
          {info?.urlLabel ? info.urlLabel[language] : t('destinations.url')}
          <input
            {...register('url')}
            type="url"
            // A kind that explains its address under the field shows no example address to copy by mistake.
            placeholder={
              info?.defaults.url ?? (info?.urlHelp ? undefined : 'https://crm.example.com/webhooks/hookferry')
            }
            {...describedBy('url')}
          />
          <FieldError name="url" />
        </label>
        {kind === 'webhook' && (
          <label>
            {t('destinations.method')}
            <select {...register('settings.method')}>
              <option>POST</option>
              <option>PUT</option>
              <option>PATCH</option>
            </select>
          </label>
        )}
      </div>
      {info?.urlHelp && (
        <p className="hint" data-testid="url-help">
          {info.urlHelp[language]}
        </p>
      )}
      {storedRedacted(url).includes(REDACTED) && (keptSecrets || missingSecrets) && (
        <p className="hint" data-testid="url-secrets">
          {keptSecrets && t('destinationForm.urlSecrets', { names: keptSecrets })}{' '}
          {missingSecrets && t('destinationForm.urlSecretsMissing', { names: missingSecrets })}
        </p>
      )}
    </fieldset>
  );
}

/** The senders whose events the checklist offers; for a kind that takes only some events, those that send them. */
function sendersFor(catalog: SenderCatalogEntry[], info: DestinationKindInfo | undefined): SenderCatalogEntry[] {
  const grouped = catalog.filter((sender) => sender.groups.length > 0);
  const taken = info?.events;
  if (!taken) return grouped;
  return grouped.filter((sender) => sender.groups.some((group) => group.events.some((event) => taken.includes(event))));
}

function SenderEvents({
  sender,
  events,
  onChange,
}: {
  sender: SenderCatalogEntry;
  events: string[];
  onChange: (events: string[]) => void;
}) {
  const language = useLanguage();
  const typeName = useEventTypeName();
  const toggle = (event: string, on: boolean) =>
    onChange(on ? [...events, event] : events.filter((existing) => existing !== event));
  return (
    <fieldset className="sender">
      <legend>{sender.label[language]}</legend>
      {sender.groups.map((group) => {
        const chosen = group.events.filter((event) => events.includes(event)).length;
        return (
          <fieldset key={group.id} className="group">
            <legend>
              <TriStateCheckbox
                label={group.label[language]}
                checked={chosen === group.events.length}
                indeterminate={chosen > 0 && chosen < group.events.length}
                onChange={(on) =>
                  onChange(
                    on
                      ? [...new Set([...events, ...group.events])]
                      : events.filter((existing) => !group.events.includes(existing)),
                  )
                }
              />
            </legend>
            {group.events.map((event) => (
              <label key={event} className="check">
                <input
                  type="checkbox"
                  checked={events.includes(event)}
                  onChange={(change) => toggle(event, change.target.checked)}
                />{' '}
                <span className="event-name">
                  {typeName(event)} <code>{event}</code>
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** Patterns the checklist cannot show (order.*, orders/create), one per line, typed freely. */
function PatternsInput({
  known,
  events,
  onChange,
}: {
  known: Set<string>;
  events: string[];
  onChange: (events: string[]) => void;
}) {
  const { t } = useTranslation();
  const isPattern = (event: string) => !known.has(event) && event !== '*';
  const [text, setText] = useState(() => events.filter(isPattern).join('\n'));
  return (
    <label>
      {t('destinations.patterns')}
      <textarea
        rows={2}
        value={text}
        placeholder="order.*"
        aria-describedby="patterns-help"
        onChange={(event) => {
          setText(event.target.value);
          const lines = event.target.value
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
          onChange([...new Set([...events.filter((existing) => !isPattern(existing)), ...lines])]);
        }}
      />
    </label>
  );
}

function Events({ catalog, sources, info }: FieldsetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { control } = useFormContext<DestinationValues>();
  const known = knownEventsOf(catalog);
  const used = new Set(sources.map((source) => source.kind));
  // A system the shop has a source for and this kind takes nothing from (WooCommerce for Zithara) is named, so
  // nobody wonders whether its orders go there: it has no checklist to look for.
  const senders = sendersFor(catalog, info);
  const untaken = catalog.filter(
    (sender) => used.has(sender.kind) && sender.groups.length > 0 && !senders.includes(sender),
  );
  return (
    <fieldset>
      <legend>{t('destinationForm.events')}</legend>
      <Controller
        control={control}
        name="events"
        render={({ field }) => {
          const events = field.value ?? [];
          // Systems the shop has no source for are folded away, unless this destination already takes their
          // events. With generic sources only, any system may be calling, so nothing is folded.
          const shown = senders.some((sender) => used.has(sender.kind))
            ? senders.filter(
                (sender) =>
                  used.has(sender.kind) ||
                  sender.groups.some((group) => group.events.some((event) => events.includes(event))),
              )
            : senders;
          const folded = senders.filter((sender) => !shown.includes(sender));
          return (
            <>
              {info?.events && shopSendersOf(info.events, catalog, sources).length === 0 && (
                <p className="hint" data-testid="no-shop-senders">
                  {t('destinationForm.noShopSenders', {
                    kind: info.label[language],
                    systems: senders.map((sender) => sender.label[language]).join(', '),
                  })}
                </p>
              )}
              {info && untaken.length > 0 && (
                <p className="hint" data-testid="untaken-senders">
                  {t('destinationForm.untakenSenders', {
                    kind: info.label[language],
                    systems: untaken.map((sender) => sender.label[language]).join(', '),
                  })}
                </p>
              )}
              <label className="check">
                <input
                  ref={field.ref}
                  type="checkbox"
                  checked={events.includes('*')}
                  onChange={(event) =>
                    field.onChange(event.target.checked ? [...events, '*'] : events.filter((e) => e !== '*'))
                  }
                />{' '}
                {t('destinations.everything')}
              </label>
              {/* At the top, beside the box a refused save focuses: the checklist below is long. */}
              <FieldError name="events" />
              <div className="sender-groups">
                {shown.map((sender) => (
                  <SenderEvents key={sender.kind} sender={sender} events={events} onChange={field.onChange} />
                ))}
              </div>
              {folded.length > 0 && (
                <details className="other-senders">
                  <summary>{t('destinationForm.otherSenders', { count: folded.length })}</summary>
                  <div className="sender-groups">
                    {folded.map((sender) => (
                      <SenderEvents key={sender.kind} sender={sender} events={events} onChange={field.onChange} />
                    ))}
                  </div>
                </details>
              )}
              <PatternsInput known={known} events={events} onChange={field.onChange} />
              <p id="patterns-help" className="hint">
                {t('destinations.patternsHelp')}
              </p>
            </>
          );
        }}
      />
      {sources.length > 1 && (
        <Controller
          control={control}
          name="sourceIds"
          render={({ field }) => {
            const ids = field.value ?? [];
            return (
              <fieldset>
                <legend>{t('destinations.sources')}</legend>
                {sources.map((source) => (
                  <label key={source.id} className="check">
                    <input
                      type="checkbox"
                      checked={ids.includes(source.id)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked ? [...ids, source.id] : ids.filter((id) => id !== source.id),
                        )
                      }
                    />{' '}
                    {source.name}
                  </label>
                ))}
                <p className="hint">{ids.length === 0 && t('destinations.allSources')}</p>
              </fieldset>
            );
          }}
        />
      )}
    </fieldset>
  );
}

function Delivery({ destination }: FieldsetProps) {
  const describedBy = useDescribedBy();
  const { t } = useTranslation();
  const { register, control } = useFormContext<DestinationValues>();
  // A changed schedule moves the tries already planned (the engine does): said before saving, not found later.
  const { dirtyFields } = useFormState<DestinationValues>({ name: 'retry' });
  const scheduleEdited = destination !== null && Object.values(dirtyFields.retry ?? {}).some(Boolean);
  const kind = useWatch<DestinationValues, 'kind'>({ name: 'kind' });
  const ordered = useWatch<DestinationValues, 'ordered'>({ name: 'ordered' });
  const retry = useWatch<DestinationValues, 'retry'>({ name: 'retry' });
  // A schedule is spelled out only for numbers the engine would take: never "0 s, 0 s" before a refusal.
  const policy = RetryPolicy.safeParse({ ...RetryPolicy.parse({}), ...retry });
  const schedule =
    policy.success &&
    describeSchedule(
      policy.data,
      (unit, n) => t(`schedule.${unit}`, { n }),
      (waits, total, count) => t(count === 1 ? 'schedule.retryOnce' : 'schedule.retries', { waits, total }),
      t('destinations.schedule', { schedule: t('schedule.once') }),
    );
  const onceWithWaiting = scheduleEdited && policy.success && policy.data.maxAttempts === 1;
  return (
    <fieldset>
      <legend>{t('destinationForm.delivery')}</legend>
      <div className="grid fields">
        <label>
          {t('destinations.maxAttempts')}
          <input
            type="number"
            min={1}
            max={50}
            {...register('retry.maxAttempts', { valueAsNumber: true })}
            {...describedBy('retry.maxAttempts')}
          />
          <FieldError name="retry.maxAttempts" />
        </label>
        <label>
          {t('destinations.initialDelay')}
          <ScaledNumber name="retry.initialDelayMs" scale={1000} min={0.1} />
          <FieldError name="retry.initialDelayMs" />
        </label>
        <label>
          {t('destinations.multiplier')}
          <input
            type="number"
            min={1}
            max={10}
            step="any"
            {...register('retry.multiplier', { valueAsNumber: true })}
            {...describedBy('retry.multiplier')}
          />
          <FieldError name="retry.multiplier" />
        </label>
        <label>
          {t('destinations.maxDelay')}
          <ScaledNumber name="retry.maxDelayMs" scale={60_000} min={0.1} />
          <FieldError name="retry.maxDelayMs" />
        </label>
      </div>
      {/* With one try in all, the events waiting here had theirs and get one last try on save: said in the schedule's
          own sentence, as "no retries" beside "a last try at once" read as a contradiction. */}
      <p className="hint" data-testid="schedule">
        {onceWithWaiting ? t('schedule.onceWithWaiting') : schedule || t('schedule.notYet')}
      </p>
      {scheduleEdited && !onceWithWaiting && (
        <p className="hint" data-testid="schedule-applies">
          {t('schedule.appliesToWaiting')}
        </p>
      )}
      <Controller
        control={control}
        name="ordered"
        render={({ field }) => (
          <div role="radiogroup" aria-label={t('destinations.mode')}>
            <label className="check">
              <input type="radio" checked={!field.value} onChange={() => field.onChange(false)} />{' '}
              {t('destinations.parallel')}
            </label>
            <label className="check">
              <input type="radio" checked={field.value === true} onChange={() => field.onChange(true)} />{' '}
              {t('destinations.ordered')}
            </label>
          </div>
        )}
      />
      {ordered && <p className="hint">{t('destinations.orderedHint')}</p>}
      <div className="grid fields">
        {!ordered && (
          <label>
            {t('destinations.concurrency')}
            <input
              type="number"
              min={1}
              max={32}
              {...register('concurrency', { valueAsNumber: true })}
              {...describedBy('concurrency')}
            />
            <FieldError name="concurrency" />
          </label>
        )}
        <label>
          {t('destinations.timeout')}
          <ScaledNumber name="timeoutMs" scale={1000} min={1} max={120} />
          <FieldError name="timeoutMs" />
        </label>
        {kind === 'webhook' && (
          <label>
            {t('destinations.bodyMode')}
            <select {...register('settings.bodyMode')}>
              <option value="raw">{t('destinations.bodyRaw')}</option>
              <option value="json">{t('destinations.bodyJson')}</option>
            </select>
          </label>
        )}
      </div>
    </fieldset>
  );
}

/** A webhook header in the editor (`settings.headers`): a stored secret's value is never shown. */
interface HeaderValue {
  name: string;
  value: string;
  secret: boolean;
  savedSecret?: boolean;
}

function Security({ destination }: FieldsetProps) {
  const describedBy = useDescribedBy();
  const { t } = useTranslation();
  const { register, control, getValues, setValue } = useFormContext<DestinationValues>();
  const headers = (useWatch<DestinationValues, 'settings'>({ name: 'settings' })?.headers ?? []) as HeaderValue[];
  // The rows as typed, read when a row is added or deleted: the list the Controller renders from is the one it last
  // set, without what was typed into its rows since (adding a second header emptied the first). setValue writes the
  // rows' inputs too, so after a delete each input shows its own row.
  const changeHeaders = (change: (rows: HeaderValue[]) => HeaderValue[]) =>
    setValue('settings.headers', change((getValues('settings.headers') ?? []) as HeaderValue[]), {
      shouldDirty: true,
    });
  // The rows have no ids of their own: each gets a key when it is drawn first, kept while it is there, so deleting one
  // takes its own inputs away (keyed by place, the next row's inputs kept the deleted row's text on screen).
  const rowKeys = useRef<number[]>([]);
  const nextKey = useRef(0);
  const keyAt = (index: number, count: number) => {
    rowKeys.current.length = Math.min(rowKeys.current.length, count);
    while (rowKeys.current.length < count) rowKeys.current.push(nextKey.current++);
    return rowKeys.current[index];
  };
  const deleteHeader = (index: number) => {
    rowKeys.current.splice(index, 1);
    changeHeaders((rows) => rows.filter((_, i) => i !== index));
  };
  // The engine keeps a header named like a credential secret whatever the tick says (lib/redact.ts): the editor
  // ticks it as the name is typed, so what it shows and sends is what the engine will keep.
  const secretByName = (index: number) => isSecretName((headers[index]?.name ?? '').trim());
  const secretAt = (index: number) => headers[index]?.secret === true || secretByName(index);
  // A saved secret unticked has no value to send in the open: the merchant types it (the engine refuses none).
  const mustRetype = (index: number) => headers[index]?.savedSecret === true && !secretAt(index);
  const nameField = (index: number) => {
    const field = register(`settings.headers.${index}.name`);
    return {
      ...field,
      onChange: async (event: ChangeEvent<HTMLInputElement>) => {
        await field.onChange(event);
        if (isSecretName(event.target.value.trim()) && !headers[index]?.secret)
          changeHeaders((rows) => rows.map((row, at) => (at === index ? { ...row, secret: true } : row)));
      },
    };
  };
  const stored = (name: string) =>
    ((destination?.settings.headers ?? []) as { name: string; valueSet: boolean }[]).find(
      (header) => header.name === name,
    )?.valueSet ?? false;
  return (
    <fieldset>
      <legend>{t('destinationForm.security')}</legend>
      <Controller
        control={control}
        name="settings.headers"
        render={({ field }) => {
          const list = (field.value ?? []) as HeaderValue[];
          return (
            <>
              <h4>{t('destinations.headers')}</h4>
              {list.map((header, index) => (
                <div key={keyAt(index, list.length)} className="grid header-row">
                  <label>
                    {t('destinations.headerName')}
                    <input
                      {...nameField(index)}
                      placeholder="Authorization"
                      {...describedBy(`settings.headers.${index}.name`)}
                    />
                    <FieldError name={`settings.headers.${index}.name`} />
                  </label>
                  <label>
                    {t('destinations.headerValue')}
                    <input
                      {...register(`settings.headers.${index}.value`)}
                      type={secretAt(index) ? 'password' : 'text'}
                      placeholder={secretAt(index) && stored(header.name) ? t('common.secretSet') : 'Bearer sk_live_…'}
                      aria-required={mustRetype(index) || undefined}
                      {...describedBy(`settings.headers.${index}.value`)}
                    />
                    <FieldError name={`settings.headers.${index}.value`} />
                  </label>
                  {secretByName(index) ? (
                    <label className="check" title={t('destinations.secretByName')}>
                      <input type="checkbox" checked disabled readOnly /> {t('destinations.secret')}
                    </label>
                  ) : (
                    <label className="check">
                      <input type="checkbox" {...register(`settings.headers.${index}.secret`)} />{' '}
                      {t('destinations.secret')}
                    </label>
                  )}
                  <button type="button" onClick={() => deleteHeader(index)}>
                    {t('common.delete')}
                  </button>
                  {secretByName(index) && (
                    <p className="hint" data-testid="header-secret-by-name">
                      {t('destinations.secretByName')}
                    </p>
                  )}
                  {mustRetype(index) && (
                    <p className="hint" data-testid="header-secret-unticked">
                      {t('destinations.secretUnticked')}
                    </p>
                  )}
                </div>
              ))}
              <button
                type="button"
                onClick={() => changeHeaders((rows) => [...rows, { name: '', value: '', secret: false }])}
              >
                {t('destinations.addHeader')}
              </button>
            </>
          );
        }}
      />
      <Controller
        control={control}
        name="settings.signingSecret"
        render={({ field }) => (
          <>
            <label>
              {t('destinations.signing')}
              <input
                ref={field.ref}
                type="password"
                value={typeof field.value === 'string' ? field.value : ''}
                disabled={field.value === null}
                placeholder={destination?.secretsSet.signingSecret ? t('common.secretSet') : 'whsec_…'}
                onChange={(event) => field.onChange(event.target.value || undefined)}
                {...describedBy('settings.signingSecret')}
              />
              <FieldError name="settings.signingSecret" />
            </label>
            <p className="hint">{t('destinations.signingHelp')}</p>
            {destination?.secretsSet.signingSecret && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={field.value === null}
                  onChange={(event) => field.onChange(event.target.checked ? null : undefined)}
                />{' '}
                {t('destinations.removeSigning')}
              </label>
            )}
          </>
        )}
      />
    </fieldset>
  );
}

function PreviewButton({ destination, expression }: { destination: Destination; expression?: string }) {
  const { t } = useTranslation();
  const previewReasonText = usePreviewReasonText();
  const { engine } = useApp();
  // A preview belongs to the expression it was made for: once the expression is edited, it is no longer shown.
  const [preview, setPreview] = useState<{ result: PreviewResult; expression?: string } | null>(null);
  // Why there is no preview, said under the button pressed (in the page's banner it sat far above, and stayed); of
  // the expression it was asked for too.
  const asking = useActionSaidHere();
  const [askedFor, setAskedFor] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const shown = preview && preview.expression === expression ? preview.result : null;
  const refusal = askedFor === expression ? asking.said : null;
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-busy={busy}
        onClick={() => {
          setBusy(true);
          setAskedFor(expression);
          void asking
            .act(() =>
              engine.api('previewDestination', {
                params: { id: destination.id },
                body: expression === undefined ? {} : { expression },
              }),
            )
            .then((result) => result && setPreview({ result, expression }))
            .finally(() => setBusy(false));
        }}
      >
        {t('destinations.preview')}
      </button>
      {/* No event yet to preview with is no error (nothing failed): a hint of what to wait for. */}
      {refusal &&
        (asking.saidCode === 'admin.previewNoEvent' ? (
          <p className="hint" role="status" data-testid="preview-none">
            {refusal}
          </p>
        ) : (
          <p className="error-text" role="alert" data-testid="preview-refused">
            {refusal}
          </p>
        ))}
      {shown && (
        <div role="status" data-testid="preview">
          {shown.eventId && <PreviewedEvent id={shown.eventId} />}
          {shown.ok ? (
            <pre className="body">{JSON.stringify(shown.output, null, 2)}</pre>
          ) : (
            <p className="error-text">{previewReasonText(shown.reason, shown.error)}</p>
          )}
        </div>
      )}
    </>
  );
}

/** Which event a preview was made on, as the live log names it (the order, its total, the customer). */
function PreviewedEvent({ id }: { id: string }) {
  const { t } = useTranslation();
  const { engine } = useApp();
  const summaryOf = useEventSummary();
  const event = useQuery(eventQuery(engine, id)).data;
  return <p className="hint">{t('destinations.previewOn', { id: event ? summaryOf(event) : id })}</p>;
}

function Transformation({ destination }: FieldsetProps) {
  const describedBy = useDescribedBy();
  const { t } = useTranslation();
  const { register } = useFormContext<DestinationValues>();
  const transform = useWatch<DestinationValues, 'settings'>({ name: 'settings' })?.transform;
  return (
    <fieldset>
      <legend>{t('destinationForm.transformation')}</legend>
      <label>
        {t('destinations.transformLabel')}
        <textarea
          rows={4}
          {...register('settings.transform')}
          placeholder='{ "order": invoice_id, "total": price_final }'
          {...describedBy('settings.transform')}
        />
        <FieldError name="settings.transform" />
      </label>
      <p className="hint">
        <ExternalLink name="jsonata">{t('destinations.jsonataHelp')}</ExternalLink>
      </p>
      {destination && (
        <PreviewButton destination={destination} expression={typeof transform === 'string' ? transform : ''} />
      )}
    </fieldset>
  );
}

/** A kind drawn from the plain fields its catalogue entry lists (Zithara's client id, secret, country code…). */
function KindFields({ destination, info }: FieldsetProps) {
  const describedBy = useDescribedBy();
  const { register } = useFormContext<DestinationValues>();
  const { t } = useTranslation();
  const language = useLanguage();
  if (!info) return <></>;
  return (
    <fieldset>
      <legend>{info.label[language]}</legend>
      <div className="grid fields">
        {info.fields.map((field) => (
          <label key={field.key}>
            {field.label[language]}
            <input
              type={field.secret ? 'password' : 'text'}
              {...register(`settings.${field.key}`)}
              placeholder={
                field.secret
                  ? destination?.secretsSet[field.key]
                    ? t('common.secretSet')
                    : t('common.secretUnset')
                  : (field.placeholder ?? undefined)
              }
              {...describedBy(`settings.${field.key}`)}
            />
            <FieldError name={`settings.${field.key}`} />
          </label>
        ))}
      </div>
      {info.help && <p className="hint">{info.help[language]}</p>}
      {destination && <PreviewButton destination={destination} />}
    </fieldset>
  );
}

type Fieldsets = [string, (props: FieldsetProps) => JSX.Element][];

/**
 * Which parts of the editor each kind of destination has, in order: the one table to extend for a new
 * kind. A kind not in it gets its catalogue fields between the basics and the events.
 */
const FIELDSETS_BY_KIND: Record<string, Fieldsets> = {
  webhook: [
    ['basics', Basics],
    ['events', Events],
    ['delivery', Delivery],
    ['security', Security],
    ['transformation', Transformation],
  ],
};

export function fieldsetsOf(kind: string): Fieldsets {
  return (
    FIELDSETS_BY_KIND[kind] ?? [
      ['basics', Basics],
      ['kind', KindFields],
      ['events', Events],
      ['delivery', Delivery],
    ]
  );
}
