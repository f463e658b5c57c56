import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, get, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type SenderCatalogEntry, type Source, SourceCreate, sourceKinds } from '../../../main/api/contract';
import { CopyButton } from '../components/CopyButton';
import { InlineConfirm } from '../components/InlineConfirm';
import { IntakeAddress } from '../components/IntakeAddress';
import { RefusingSourceLine, useRefusing } from '../components/RefusingSourceLine';
import { useAction, useApp } from '../context';
import { useRefetch, useSources, useStats } from '../data/queries';
import { changedValues, touched } from '../forms/changed';
import { ChangedElsewhere, useChangedElsewhere } from '../forms/changed-elsewhere';
import { FieldError, FieldIds, useDescribedBy } from '../forms/FieldError';
import { useSchemaResolver } from '../forms/resolver';
import { useSaveError } from '../forms/server-errors';
import { useLanguage } from '../lib/language';
import { PUBLIC_ADDRESS_LINK, readAddress } from '../lib/address';
import { listensOnThisPcOnly, newHeaderSecret } from '../lib/public-address';
import { useSenderCatalog } from '../lib/sender-catalog';

/** The source form's values are the contract's create body; on an existing source only the touched parts are sent. */
type SourceValues = z.input<typeof SourceCreate>;
type SourceOutput = z.output<typeof SourceCreate>;

/** A stored source as the form starts: its secret is never sent back, so that field starts empty. */
/** How a source's card names its fields (the keys of their labels), for a change made elsewhere meanwhile. */
const LABELS: Record<string, string> = { name: 'sources.name', kind: 'sources.kind' };

function valuesOf(source: Source): SourceValues {
  const { verification } = source;
  return {
    name: source.name,
    kind: source.kind,
    verification:
      verification.type === 'none'
        ? { type: 'none' }
        : verification.type === 'hmac'
          ? { type: 'hmac', header: verification.header, encoding: verification.encoding }
          : { type: 'header', header: verification.header },
  };
}

/** What a kind's guide advises, for a new source: e.g. Shopify signs with HMAC in base64. */
function verificationFor(sender: SenderCatalogEntry | undefined): SourceValues['verification'] {
  if (!sender || sender.verification.recommended === 'none') return { type: 'none' };
  if (sender.verification.recommended === 'hmac' && sender.verification.signature)
    return { type: 'hmac', ...sender.verification.signature };
  return { type: 'header', header: sender.verification.headerExample ?? 'X-Shop-Key' };
}

/**
 * How far a source's local intake address reaches, as the Overview says it: this PC alone (127.0.0.1) or the shop's
 * network too. Either way Teamcrop and web shops, which send from the internet, cannot reach it.
 */
function useReach(): 'ThisPcOnly' | 'LocalOnly' {
  return listensOnThisPcOnly(useStats().data?.listening.intake.host) ? 'ThisPcOnly' : 'LocalOnly';
}

export function Sources() {
  const { t } = useTranslation();
  const sources = useSources();
  const catalog = useSenderCatalog();
  const [adding, setAdding] = useState(false);
  const { say } = useApp();
  // The cards with changes not saved yet, by id, with their names. One gone from the list while it had some was
  // deleted elsewhere (another window, the API): its card goes, and says why once, as a destination's editor does.
  const unsaved = useRef(new Map<string, string>());
  const onUnsaved = useCallback((id: string, name: string | null) => {
    if (name === null) unsaved.current.delete(id);
    else unsaved.current.set(id, name);
  }, []);
  useEffect(() => {
    for (const [id, name] of unsaved.current) {
      if (sources.some((source) => source.id === id)) continue;
      unsaved.current.delete(id);
      say(t('sources.deletedWhileEditing', { name }), 'error');
    }
  }, [sources, say, t]);
  // The source just created, brought into view once its card is there: added at the bottom, below the fold, it was
  // not seen, nor its address to paste.
  // Or the one the address names (the Overview's line about a source refusing what it sends leads to its card).
  const [created, setCreated] = useState<string | null>(() => readAddress().params.get('source'));
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!created || shown.current === created) return;
    const card = document.querySelector(`[data-source-id="${CSS.escape(created)}"]`);
    if (!card) return;
    card.scrollIntoView({ block: 'start' });
    shown.current = created;
  }, [created, sources]);

  return (
    <section aria-labelledby="sources-title">
      <header className="row">
        <h2 id="sources-title" className="grow">
          {t('sources.title')}
        </h2>
        {!adding && (
          <button className="primary" onClick={() => setAdding(true)}>
            {t('sources.add')}
          </button>
        )}
      </header>
      {/* The new source's check is chosen from the catalogue, so the form waits for it: opened earlier, a
          Teamcrop source would start with no check at all. */}
      {adding &&
        (catalog ? (
          <AddSource
            catalog={catalog}
            onDone={(id) => {
              setAdding(false);
              if (id) setCreated(id);
            }}
          />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        ))}
      {sources.map((source) => (
        <SourceCard key={source.id} source={source} catalog={catalog} onUnsaved={onUnsaved} />
      ))}
    </section>
  );
}

/**
 * A new source's check: with a header or signature check it needs the value to compare with now, or it
 * would refuse every post until someone enters it.
 */
const NewSource = SourceCreate.superRefine(({ verification }, context) => {
  if (verification.type === 'none') return;
  const key = verification.type === 'hmac' ? 'secret' : 'value';
  if (!(verification.type === 'hmac' ? verification.secret : verification.value))
    context.addIssue({
      code: 'custom',
      path: ['verification', key],
      message:
        'Enter a value (make one up, or press Generate) and set the same in the sender, or choose Verification: None.',
      params: { reason: 'secret_needed' },
    });
});

/** `onDone`: with the new source's id once it is created; without, when the form is cancelled. */
function AddSource({ catalog, onDone }: { catalog: SenderCatalogEntry[]; onDone: (created?: string) => void }) {
  const { t } = useTranslation();
  const { engine, say } = useApp();
  const refetch = useRefetch();
  const form = useForm<SourceValues, unknown, SourceOutput>({
    resolver: useSchemaResolver(NewSource),
    defaultValues: {
      name: '',
      kind: 'teamcrop',
      verification: verificationFor(catalog.find((s) => s.kind === 'teamcrop')),
    },
  });
  const reach = useReach();
  const { attach, show: showSaveError, submit } = useSaveError(form);
  const save = async (output: SourceOutput) => {
    let created: Source;
    try {
      created = await engine.api('createSource', { body: output });
    } catch (error) {
      showSaveError(error);
      return;
    }
    await refetch('sources');
    // "Paste it into the sender" would send a cloud POS an address it cannot reach.
    say(t(created.publicUrl === null ? `sources.added${reach}` : 'sources.added', { name: output.name }));
    onDone(created.id);
  };
  return (
    <FormProvider {...form}>
      <FieldIds>
        <form
          ref={attach}
          className="card"
          aria-label={t('sources.add')}
          noValidate
          onSubmit={(event) => void submit(save)(event)}
        >
          <h3>{t('sources.add')}</h3>
          <SourceFields catalog={catalog} secretSet={false} isNew />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {t('sources.create')}
            </button>
            <button type="button" onClick={() => onDone()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </FieldIds>
    </FormProvider>
  );
}

/** Name, kind and verification: the same fields for a new source and a saved one. */
function SourceFields({
  catalog,
  secretSet,
  savedType = 'none',
  isNew,
}: {
  catalog: SenderCatalogEntry[] | null;
  secretSet: boolean;
  /** The check the source has saved: a value is saved only for it, not for one just picked on the card. */
  savedType?: Source['verification']['type'];
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { register, setValue } = useFormContext<SourceValues>();
  const kind = useWatch<SourceValues, 'kind'>({ name: 'kind' });
  const type = useWatch<SourceValues, 'verification.type'>({ name: 'verification.type' });
  // A generated value shows in clear with a Copy button: the owner must put it into the sender, and it is never shown again.
  const [generated, setGenerated] = useState<string | null>(null);
  const secretField = type === 'hmac' ? 'verification.secret' : 'verification.value';
  const typed = useWatch<SourceValues, typeof secretField>({ name: secretField });
  // Switched from no check (or the other one) on a saved source: there is no old value for Save to replace.
  const valueSaved = secretSet && savedType === type;
  const help = isNew ? 'New' : valueSaved ? 'Saved' : 'First';
  const sender = catalog?.find((entry) => entry.kind === kind);
  const kindField = register('kind');
  const described = useDescribedBy();
  return (
    <>
      <div className="grid fields">
        <label>
          {t('sources.name')}
          <input {...register('name')} placeholder={t('sources.namePlaceholder')} {...described('name')} />
          <FieldError name="name" />
        </label>
        <label>
          {t('sources.kind')}
          <select
            {...kindField}
            onChange={(event) => {
              void kindField.onChange(event);
              // A new source follows its kind's guide: Shopify's signature, Teamcrop's required header.
              if (isNew)
                setValue('verification', verificationFor(catalog?.find((entry) => entry.kind === event.target.value)), {
                  shouldDirty: true,
                });
            }}
          >
            {sourceKinds.map((option) => (
              <option key={option} value={option}>
                {catalog?.find((entry) => entry.kind === option)?.label[language] ?? option}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sources.verification')}
          <select {...register('verification.type')}>
            <option value="none">{t('sources.none')}</option>
            <option value="hmac">{t('sources.hmac')}</option>
            <option value="header">{t('sources.header')}</option>
          </select>
        </label>
        {type !== 'none' && (
          <label>
            {t('sources.headerName')}
            <input
              {...register('verification.header')}
              placeholder={
                (type === 'hmac' ? sender?.verification.signature?.header : sender?.verification.headerExample) ??
                'X-Shop-Key'
              }
              {...described('verification.header')}
            />
            <FieldError name="verification.header" />
          </label>
        )}
        {type === 'hmac' && (
          // Wide enough for "Base64 (Shopify, WooCommerce)" whole.
          <label className="wide">
            {t('sources.encoding')}
            <select {...register('verification.encoding')}>
              <option value="hex">{t('sources.hex')}</option>
              <option value="base64">{t('sources.base64')}</option>
            </select>
          </label>
        )}
        {type !== 'none' && (
          <label>
            {type === 'hmac' ? t('sources.secret') : t('sources.value')}
            <input
              type={generated ? 'text' : 'password'}
              {...register(type === 'hmac' ? 'verification.secret' : 'verification.value', {
                setValueAs: (value: string) => value || undefined,
              })}
              placeholder={
                valueSaved
                  ? t('common.secretSet')
                  : t(type === 'hmac' ? 'sources.secretPlaceholder' : 'sources.valuePlaceholder')
              }
              {...described(type === 'hmac' ? 'verification.secret' : 'verification.value')}
            />
            <FieldError name={type === 'hmac' ? 'verification.secret' : 'verification.value'} />
          </label>
        )}
      </div>
      {type !== 'none' && (
        <p className="hint url-line" data-testid="value-made-here">
          {/* Names the button that saves it: Create source on a new one, Save on a saved one. */}
          {t(`sources.${type === 'hmac' ? 'secret' : 'value'}MadeHere${help}`)}
          <button
            type="button"
            onClick={() => {
              const value = newHeaderSecret();
              setValue(secretField, value, {
                shouldDirty: true,
                shouldValidate: true,
              });
              setGenerated(value);
            }}
          >
            {t('sources.generate')}
          </button>
          {generated && generated === typed && (
            <>
              <code data-testid="generated-value">{generated}</code> <CopyButton text={generated} />
            </>
          )}
        </p>
      )}
      <details>
        <summary>{t('sources.guide')}</summary>
        {/* The guide speaks of this source's intake address, which a source gets only once it is created. */}
        {isNew && <p className="hint">{t('sources.guideNew')}</p>}
        <p>{sender?.guide[language]}</p>
      </details>
    </>
  );
}

/** `onUnsaved`: told the card's name while it has changes not saved, null once it has none (or is deleted here). */
function SourceCard({
  source,
  catalog,
  onUnsaved,
}: {
  source: Source;
  catalog: SenderCatalogEntry[] | null;
  onUnsaved: (id: string, name: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { engine, say } = useApp();
  const refetch = useRefetch();
  const reload = () => refetch('sources');
  const refusing = useRefusing(source.id);
  const act = useAction();
  const values = useMemo(() => valuesOf(source), [source]);
  const form = useForm<SourceValues, unknown, SourceOutput>({
    resolver: useSchemaResolver(SourceCreate),
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const { attach, show: showSaveError, submit } = useSaveError(form);
  // Read here, so a field the merchant changes renders the card again (the form state is a subscription).
  const { dirtyFields } = form.formState;
  const changedElsewhere = useChangedElsewhere(values, (path) =>
    touched(get(dirtyFields, path)) ? { value: form.getValues(path as never) } : undefined,
  );
  const secretSet =
    source.verification.type === 'hmac'
      ? source.verification.secretSet
      : source.verification.type === 'header'
        ? source.verification.valueSet
        : false;
  const id = `source-${source.id}`;
  const kindLabel = catalog?.find((entry) => entry.kind === source.kind)?.label[language] ?? source.kind;
  const reach = useReach();
  // What cannot be taken back is asked in place (InlineConfirm), not in a browser pop-up that hides the page.
  const [asking, setAsking] = useState<'regenerate' | 'delete' | null>(null);
  const { isDirty } = form.formState;
  useEffect(() => onUnsaved(source.id, isDirty ? source.name : null), [onUnsaved, source.id, source.name, isDirty]);

  const save = async (output: SourceOutput) => {
    const patch = changedValues(form.formState.dirtyFields, output);
    try {
      if (Object.keys(patch).length > 0) await engine.api('updateSource', { params: { id: source.id }, body: patch });
    } catch (error) {
      showSaveError(error);
      return;
    }
    await reload();
    form.reset(values);
    say(t('common.saved'));
  };

  return (
    <FormProvider {...form}>
      <FieldIds>
        <form
          ref={attach}
          className="card"
          data-source-id={source.id}
          aria-labelledby={`${id}-title`}
          noValidate
          onSubmit={(event) => void submit(save)(event)}
        >
          <h3 id={`${id}-title`}>{source.name}</h3>
          <p className="muted">{kindLabel}</p>
          {refusing && <RefusingSourceLine refusing={refusing} onCard />}
          {/* The Overview's own line: the public address's state and the local address beside it, the same truth. */}
          <IntakeAddress source={source} label={t('sources.intakeUrl')}>
            <button type="button" aria-expanded={asking === 'regenerate'} onClick={() => setAsking('regenerate')}>
              {t('sources.regenerate')}
            </button>
          </IntakeAddress>
          {asking === 'regenerate' && (
            <InlineConfirm
              title={t('sources.confirmRegenerateTitle')}
              confirm={t('sources.regenerate')}
              onConfirm={() => {
                setAsking(null);
                void act(() =>
                  engine.api('updateSource', { params: { id: source.id }, body: { regenerateToken: true } }),
                ).then(reload);
              }}
              onCancel={() => setAsking(null)}
              testId="regenerate-confirm"
            >
              {/* The sender named by its system (a WooCommerce shop is no POS); a generic source's, by what it does. */}
              {source.kind === 'generic'
                ? t('sources.confirmRegenerateAny', { name: source.name })
                : t('sources.confirmRegenerate', { name: source.name, sender: kindLabel })}
            </InlineConfirm>
          )}
          {/* Imported without its secret: the engine refuses every request to it (401), which only the live log said. */}
          {source.verification.type !== 'none' && !secretSet && (
            <p className="error-text" role="status" data-testid="source-secret-missing">
              {t(source.verification.type === 'hmac' ? 'sources.secretMissing' : 'sources.valueMissing')}
            </p>
          )}
          {source.publicUrl === null && (
            <p className="hint" data-testid="source-local-only">
              {t(`sources.address${reach}`)} <a href={PUBLIC_ADDRESS_LINK}>{t('publicAddress.overview.setUp')}</a>
            </p>
          )}
          <SourceFields catalog={catalog} secretSet={secretSet} savedType={source.verification.type} isNew={false} />
          <ChangedElsewhere
            paths={changedElsewhere}
            labelOf={(path) => t(LABELS[path.split('.')[0]!] ?? 'sources.verification')}
            onTakeSaved={(paths) => paths.forEach((path) => form.resetField(path as never))}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {t('common.save')}
            </button>
            <button
              type="button"
              className="danger"
              aria-expanded={asking === 'delete'}
              onClick={() => setAsking('delete')}
            >
              {t('common.delete')}
            </button>
          </div>
          {asking === 'delete' && (
            <InlineConfirm
              title={t('sources.confirmDeleteTitle')}
              confirm={t('sources.confirmDeleteYes')}
              onConfirm={() => {
                setAsking(null);
                // Deleted here, with changes or not: not said to be deleted elsewhere.
                onUnsaved(source.id, null);
                void act(() => engine.api('deleteSource', { params: { id: source.id } })).then(reload);
              }}
              onCancel={() => setAsking(null)}
              testId="delete-confirm"
              danger
            >
              {t('sources.confirmDelete', { name: source.name })}
            </InlineConfirm>
          )}
        </form>
      </FieldIds>
    </FormProvider>
  );
}
