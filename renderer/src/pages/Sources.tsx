import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type SenderCatalogEntry,
  type Source,
  type SourceKind,
  sourceKinds,
  type VerificationInput,
} from '../../../main/api/contract';
import { CopyButton } from '../components/CopyButton';
import { FieldError } from '../components/FieldError';
import { useAction, useApp } from '../context';
import { useRefetch, useSources } from '../data/queries';
import { intakeAddressOf } from '../lib/public-address';
import { useFieldErrors } from '../lib/errors';
import { useSenderCatalog } from '../lib/sender-catalog';

export function Sources() {
  const { t } = useTranslation();
  const { engine } = useApp();
  const sources = useSources();
  const refetch = useRefetch();
  const act = useAction();
  const catalog = useSenderCatalog();

  const add = async () => {
    await act(() =>
      engine.api('createSource', { body: { name: `${t('sources.name')} ${sources.length + 1}`, kind: 'generic' } }),
    );
    await refetch('sources');
  };

  return (
    <section aria-labelledby="sources-title">
      <header className="row">
        <h2 id="sources-title">{t('sources.title')}</h2>
        <button className="primary" onClick={() => void add()}>
          {t('sources.add')}
        </button>
      </header>
      {sources.map((source) => (
        <SourceCard key={source.id} source={source} catalog={catalog} />
      ))}
    </section>
  );
}

function SourceCard({ source, catalog }: { source: Source; catalog: SenderCatalogEntry[] | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'vi' ? 'vi' : 'en';
  const { engine, say } = useApp();
  const refetch = useRefetch();
  const reload = () => refetch('sources');
  const { attach, errorAt, capture, clear: clearFieldErrors } = useFieldErrors();
  const act = useAction(capture);
  const [name, setName] = useState(source.name);
  const [kind, setKind] = useState<SourceKind>(source.kind);
  const sender = catalog?.find((entry) => entry.kind === kind);
  const [type, setType] = useState(source.verification.type);
  const [header, setHeader] = useState(source.verification.type === 'none' ? '' : source.verification.header);
  const [secret, setSecret] = useState('');
  const secretSet =
    source.verification.type === 'hmac'
      ? source.verification.secretSet
      : source.verification.type === 'header'
        ? source.verification.valueSet
        : false;
  const id = `source-${source.id}`;

  const verification = (): VerificationInput => {
    if (type === 'none') return { type };
    const value = secret || undefined;
    if (type === 'hmac') return { type, ...(header ? { header } : {}), ...(value ? { secret: value } : {}) };
    return { type, header, ...(value ? { value } : {}) };
  };

  const save = async () => {
    clearFieldErrors();
    const saved = await act(() =>
      engine.api('updateSource', { params: { id: source.id }, body: { name, kind, verification: verification() } }),
    );
    if (!saved) return;
    setSecret('');
    await reload();
    say(t('common.saved'));
  };

  return (
    <form
      ref={attach}
      className="card"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={`${id}-title`}>{source.name}</h3>
      <p className="url-line">
        <span className="muted">{t('sources.intakeUrl')}</span> <code>{intakeAddressOf(source)}</code>{' '}
        <CopyButton text={intakeAddressOf(source)} />
        <button
          type="button"
          onClick={() =>
            window.confirm(t('sources.confirmRegenerate', { name: source.name })) &&
            void act(() =>
              engine.api('updateSource', { params: { id: source.id }, body: { regenerateToken: true } }),
            ).then(reload)
          }
        >
          {t('sources.regenerate')}
        </button>
      </p>
      <div className="grid">
        <label>
          {t('sources.name')}
          <input value={name} onChange={(event) => setName(event.target.value)} />
          <FieldError problem={errorAt('name')} />
        </label>
        <label>
          {t('sources.kind')}
          <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind)}>
            {sourceKinds.map((option) => (
              <option key={option} value={option}>
                {catalog?.find((entry) => entry.kind === option)?.label[language] ?? option}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sources.verification')}
          <select value={type} onChange={(event) => setType(event.target.value as typeof type)}>
            <option value="none">{t('sources.none')}</option>
            <option value="hmac">{t('sources.hmac')}</option>
            <option value="header">{t('sources.header')}</option>
          </select>
        </label>
        {type !== 'none' && (
          <label>
            {t('sources.headerName')}
            <input
              value={header}
              placeholder={
                (type === 'hmac' ? sender?.verification.signature?.header : undefined) ??
                sender?.verification.headerExample ??
                'X-Shop-Key'
              }
              onChange={(event) => setHeader(event.target.value)}
            />
            <FieldError problem={errorAt('verification.header')} />
          </label>
        )}
        {type !== 'none' && (
          <label>
            {type === 'hmac' ? t('sources.secret') : t('sources.value')}
            <input
              type="password"
              value={secret}
              placeholder={secretSet ? t('common.secretSet') : t('common.secretUnset')}
              onChange={(event) => setSecret(event.target.value)}
            />
            <FieldError problem={errorAt(type === 'hmac' ? 'verification.secret' : 'verification.value')} />
          </label>
        )}
      </div>
      <details>
        <summary>{t('sources.guide')}</summary>
        <p>{sender?.guide[language]}</p>
        <p className="url-line">
          <span className="muted">{t('sources.intakeUrl')}</span> <code>{intakeAddressOf(source)}</code>{' '}
          <CopyButton text={intakeAddressOf(source)} />
        </p>
      </details>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() =>
            window.confirm(t('sources.confirmDelete', { name: source.name })) &&
            void act(() => engine.api('deleteSource', { params: { id: source.id } })).then(reload)
          }
        >
          {t('common.delete')}
        </button>
      </div>
    </form>
  );
}
