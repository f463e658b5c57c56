import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useApp } from '../context';
import { useRefetch, useSources } from '../data/queries';
import { newHeaderSecret, SECRET_HEADER } from '../lib/public-address';
import { CopyButton } from './CopyButton';
import { InlineConfirm } from './InlineConfirm';

/**
 * With a public address, a source without verification takes anything anyone posts to it. A click, once
 * confirmed, gives it a required header with a random value, shown once to paste into the sender (Teamcrop
 * allows custom headers); the API never sends the value back. Asked first: from then on the sender is refused
 * until it sends the header, and a till that worked a moment ago gets 401.
 */
export function UnverifiedSourcesWarning() {
  const { t } = useTranslation();
  const { engine } = useApp();
  const sources = useSources();
  const refetch = useRefetch();
  const act = useAction();
  const [added, setAdded] = useState<{ name: string; value: string } | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const open = sources.filter((source) => source.verification.type === 'none');

  const secure = async (id: string, name: string) => {
    setAsking(null);
    const value = newHeaderSecret();
    const saved = await act(() =>
      engine.api('updateSource', {
        params: { id },
        body: { verification: { type: 'header', header: SECRET_HEADER, value } },
      }),
    );
    if (!saved) return;
    setAdded({ name, value });
    await refetch('sources');
  };

  return (
    <>
      {added && (
        <div className="banner ok stack" role="status" data-testid="secret-header-added">
          <strong>{t('publicAddress.unverified.doneTitle', { name: added.name })}</strong>
          <p>{t('publicAddress.unverified.doneBody')}</p>
          <p className="url-line">
            <span className="muted">{t('publicAddress.unverified.headerName')}</span> <code>{SECRET_HEADER}</code>{' '}
            <CopyButton text={SECRET_HEADER} />
          </p>
          <p className="url-line">
            <span className="muted">{t('publicAddress.unverified.headerValue')}</span>{' '}
            <code data-testid="secret-header-value">{added.value}</code> <CopyButton text={added.value} />
          </p>
          <button type="button" onClick={() => setAdded(null)}>
            {t('publicAddress.unverified.close')}
          </button>
        </div>
      )}
      {open.length > 0 && (
        <div className="banner warn stack" role="alert" data-testid="unverified-warning">
          <strong>{t('publicAddress.unverified.title')}</strong>
          {open.map((source) => (
            <div key={source.id}>
              <p>
                {t('publicAddress.unverified.body', { name: source.name })}{' '}
                <button type="button" aria-expanded={asking === source.id} onClick={() => setAsking(source.id)}>
                  {t('publicAddress.unverified.fix')}
                </button>
              </p>
              {asking === source.id && (
                <InlineConfirm
                  title={t('publicAddress.unverified.confirmTitle')}
                  confirm={t('publicAddress.unverified.confirm')}
                  onConfirm={() => void secure(source.id, source.name)}
                  onCancel={() => setAsking(null)}
                  testId="secret-header-confirm"
                >
                  {t('publicAddress.unverified.confirmBody', { name: source.name })}
                </InlineConfirm>
              )}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
