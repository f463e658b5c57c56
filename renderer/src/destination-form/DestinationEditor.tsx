import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toNestErrors } from '@hookform/resolvers';
import { FormProvider, get, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../main/api/client';
import type { Destination, SenderCatalogEntry } from '../../../main/api/contract';
import { InlineConfirm } from '../components/InlineConfirm';
import { useAction, useApp } from '../context';
import { destinationKindsQuery, useRefetch, useSources, useStats } from '../data/queries';
import { touched } from '../forms/changed';
import { ChangedElsewhere, useChangedElsewhere } from '../forms/changed-elsewhere';
import { FieldIds } from '../forms/FieldError';
import { useSchemaResolver } from '../forms/resolver';
import { useFieldText } from '../lib/errors';
import { useLanguage } from '../lib/language';
import { storedRedacted, useShowRedacted } from '../lib/redacted';
import { useSaveError } from '../forms/server-errors';
import { deleteQuestion } from './delete-question';
import { fieldsetsOf } from './fieldsets';
import { missingKindFields } from './kind-fields';
import {
  createBody,
  type DestinationOutput,
  destinationSchema,
  type DestinationValues,
  patchBody,
  valuesOf,
} from './values';

/** How the editor names each field it has (the keys of its labels), for a change made elsewhere meanwhile. */
const LABELS: Record<string, string> = {
  name: 'destinations.name',
  kind: 'destinations.kind',
  url: 'destinations.url',
  events: 'destinations.events',
  sourceIds: 'destinations.sources',
  timeoutMs: 'destinations.timeout',
  'retry.maxAttempts': 'destinations.maxAttempts',
  'retry.initialDelayMs': 'destinations.initialDelay',
  'retry.multiplier': 'destinations.multiplier',
  'retry.maxDelayMs': 'destinations.maxDelay',
  concurrency: 'destinations.concurrency',
  ordered: 'destinations.mode',
  paused: 'destinations.paused',
  'settings.method': 'destinations.method',
  'settings.headers': 'destinations.headers',
  'settings.signingSecret': 'destinations.signing',
  'settings.bodyMode': 'destinations.bodyMode',
  'settings.transform': 'destinations.transform',
};

interface SecretsQuestion {
  names: string;
  host: string;
}

/** The engine's refusal to send the secret headers to a new site unasked, as what the editor asks. */
function secretsQuestionOf(error: unknown): SecretsQuestion | null {
  if (!(error instanceof ApiCallError) || error.reason?.code !== 'admin.secretsToOtherSite') return null;
  const { names, host } = error.reason.params;
  return { names: String(names), host: String(host) };
}

/** The engine's own sentence for a required field left empty (said in Vietnamese from its reason). */
const FILL_IN = 'Fill in this field.';

export function DestinationEditor({
  catalog,
  destination,
  onDone,
}: {
  catalog: SenderCatalogEntry[];
  destination: Destination | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { engine, say } = useApp();
  const sources = useSources();
  const refetch = useRefetch();
  const act = useAction();
  const kinds = useQuery(destinationKindsQuery(engine)).data ?? [];
  const startKind = kinds.find((entry) => entry.kind === (destination?.kind ?? 'webhook'));
  const showRedacted = useShowRedacted();
  const values = useMemo(() => valuesOf(destination, startKind, showRedacted), [destination, startKind, showRedacted]);
  const check = useSchemaResolver(destinationSchema);
  const fieldText = useFieldText();
  const form = useForm<DestinationValues, unknown, DestinationOutput>({
    resolver: async (input, context, options) => {
      // A hidden value left as shown ("[đã ẩn]") is saved as the engine's marker, so the stored secret is kept.
      const checked = await check({ ...input, url: storedRedacted(input.url) }, context, options);
      const missing = missingKindFields(
        kinds.find((entry) => entry.kind === input.kind),
        input,
        destination,
      );
      if (missing.length === 0) return checked;
      const required = Object.fromEntries(
        missing.map((path) => [
          path,
          {
            type: 'custom',
            message: fieldText({ path, code: 'custom', params: { reason: 'required' }, message: FILL_IN }),
          },
        ]),
      );
      const errors = toNestErrors<DestinationValues>(required, options);
      return {
        values: {},
        errors: { ...checked.errors, settings: { ...checked.errors.settings, ...errors.settings } },
      };
    },
    // The saved destination as it is now: a change made elsewhere shows in the fields the merchant left alone.
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const { attach, show: showSaveError, submit } = useSaveError(form);
  const kind = useWatch({ control: form.control, name: 'kind' }) ?? 'webhook';
  const info = kinds.find((entry) => entry.kind === kind);
  // Read here, so a field the merchant changes renders the editor again (the form state is a subscription).
  const { dirtyFields } = form.formState;
  const changedElsewhere = useChangedElsewhere(values, (path) =>
    touched(get(dirtyFields, path)) ? { value: form.getValues(path as never) } : undefined,
  );
  const labelOf = (path: string) => {
    if (path === 'url' && info?.urlLabel) return info.urlLabel[language];
    const label = LABELS[path];
    return label ? t(label) : null;
  };

  // The engine refuses to send secrets entered for one site to another unasked: its refusal becomes the question.
  const [askingSecrets, setAskingSecrets] = useState<SecretsQuestion | null>(null);
  const save = async (output: DestinationOutput, secretsForNewAddress?: 'keep' | 'remove') => {
    setAskingSecrets(null);
    try {
      if (destination) {
        const patch = patchBody(form.formState.dirtyFields, output, info);
        if (Object.keys(patch).length > 0)
          await engine.api('updateDestination', {
            params: { id: destination.id },
            body: secretsForNewAddress ? { ...patch, secretsForNewAddress } : patch,
          });
      } else {
        await engine.api('createDestination', { body: createBody(output, info) });
      }
    } catch (error) {
      const question = secretsQuestionOf(error);
      if (question) setAskingSecrets(question);
      else showSaveError(error);
      return;
    }
    await refetch('destinations');
    say(t('common.saved'));
    onDone();
  };

  // Asked in place (InlineConfirm), not in a browser pop-up that hides the page.
  const [askingDelete, setAskingDelete] = useState(false);
  const stats = useStats();
  const remove = async () => {
    setAskingDelete(false);
    if (!destination) return;
    const deleted = await act(() => engine.api('deleteDestination', { params: { id: destination.id } }));
    // Closed before the list is read again: a destination gone from under an open editor was deleted elsewhere.
    if (deleted) onDone();
    await refetch('destinations');
  };

  return (
    <FormProvider {...form}>
      <FieldIds>
        <form
          ref={attach}
          className="card editor"
          aria-label={destination ? destination.name : t('destinations.add')}
          noValidate
          onSubmit={(event) => void submit((output) => save(output))(event)}
        >
          <h3>{destination ? destination.name : t('destinations.add')}</h3>
          {fieldsetsOf(kind).map(([id, Fieldset]) => (
            <Fieldset
              key={id}
              destination={destination}
              catalog={catalog}
              sources={sources}
              kinds={kinds}
              info={info}
            />
          ))}
          {form.formState.errors.root?.server && (
            <p className="banner error" role="alert">
              {form.formState.errors.root.server.message}
            </p>
          )}
          <ChangedElsewhere
            paths={changedElsewhere}
            labelOf={labelOf}
            onTakeSaved={(paths) => paths.forEach((path) => form.resetField(path as never))}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {t('common.save')}
            </button>
            <button type="button" onClick={onDone}>
              {t('common.cancel')}
            </button>
            {destination && (
              <button
                type="button"
                className="danger"
                aria-expanded={askingDelete}
                onClick={() => setAskingDelete(true)}
              >
                {t('common.delete')}
              </button>
            )}
          </div>
          {askingSecrets && (
            <InlineConfirm
              title={t('destinations.secretsToOtherSiteTitle')}
              confirm={t('destinations.secretsKeep')}
              onConfirm={() => void submit((output) => save(output, 'keep'))()}
              alternative={{
                label: t('destinations.secretsRemove'),
                onChoose: () => void submit((output) => save(output, 'remove'))(),
              }}
              onCancel={() => setAskingSecrets(null)}
              testId="secrets-other-site"
            >
              {t('destinations.secretsToOtherSite', { ...askingSecrets })} {t('destinations.secretsToOtherSiteWhy')}
            </InlineConfirm>
          )}
          {destination && askingDelete && (
            <InlineConfirm
              title={t('destinations.confirmDeleteTitle')}
              confirm={t('destinations.confirmDeleteYes')}
              onConfirm={() => void remove()}
              onCancel={() => setAskingDelete(false)}
              testId="delete-confirm"
              danger
            >
              {deleteQuestion(
                destination.name,
                stats.data?.destinations.find((entry) => entry.id === destination.id),
                t,
              )}
            </InlineConfirm>
          )}
        </form>
      </FieldIds>
    </FormProvider>
  );
}
