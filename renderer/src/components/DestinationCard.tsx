import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Destination, DestinationStats, TestResult } from '../../../main/api/contract';
import { languageOfLocale } from '../../../main/i18n/resources';
import { useAction, useApp } from '../context';
import { destinationKindsQuery, useRefetch } from '../data/queries';
import { formatNumber, formatPercent, formatTime } from '../lib/format';
import { useReasonText } from '../lib/reason';
import { urlSecretNames, useShowRedacted } from '../lib/redacted';
import { StatusBadge } from './StatusBadge';

/** How long most answers took (the 95th percentile), in words a merchant reads: "0.8 s", "120 ms". */
function durationText(ms: number, language: string, t: TFunction): string {
  return ms < 1000
    ? t('destinationCard.ms', { ms: formatNumber(Math.round(ms), language) })
    : t('destinationCard.seconds', { s: formatNumber(Math.round(ms / 100) / 10, language) });
}

/** One destination at a glance: how it is doing, and what the merchant can do about it from here. */
export function DestinationCard({
  destination,
  stats,
  onEdit,
}: {
  destination: Destination;
  stats: DestinationStats | undefined;
  onEdit?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  const showRedacted = useShowRedacted();
  const { engine } = useApp();
  const act = useAction();
  const refetch = useRefetch();
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestResult | null>(null);
  // Until the figures come, no badge: a guess would call a destination healthy or untried that is not.
  const health = destination.paused ? 'paused' : (stats?.health ?? null);
  const language = i18n.language;
  // Imported without the secret values of its address: it cannot be resumed until they are entered.
  const missingUrlSecrets = urlSecretNames(destination, false);
  const info = useQuery(destinationKindsQuery(engine)).data?.find((entry) => entry.kind === destination.kind);

  const setPaused = async (paused: boolean) => {
    await act(() => engine.api('updateDestination', { params: { id: destination.id }, body: { paused } }));
    await refetch('destinations');
  };
  const sendTest = async () => {
    setTesting(true);
    setTest(null);
    const result = await act(() => engine.api('testDestination', { params: { id: destination.id } }));
    setTesting(false);
    if (result) setTest(result);
  };

  return (
    <article
      className={`card destination-card health-${health ?? 'unknown'}`}
      data-testid="destination-card"
      aria-label={destination.name}
    >
      <header>
        <h4>{destination.name}</h4> {health && <StatusBadge status={health} />}
      </header>
      <p className="muted destination-address">
        {info?.label[languageOfLocale(language)] ?? destination.kind} · {showRedacted(destination.url)}
      </p>
      {stats && (
        <dl>
          <dt>{t('overview.backlog')}</dt>
          <dd>{formatNumber(stats.backlog, language)}</dd>
          <dt>{t('overview.failedCount')}</dt>
          <dd>{formatNumber(stats.failed, language)}</dd>
          {stats.successRate !== null && (
            <>
              <dt>{t('overview.successRate')}</dt>
              <dd>{formatPercent(stats.successRate, language)}</dd>
            </>
          )}
        </dl>
      )}
      {stats && stats.successRate === null && (
        <p className="hint" data-testid="never-sent">
          {/* Paused or not, one never tried says so: "nothing in 24 hours" reads as something before that. */}
          {t(
            stats.tried
              ? 'destinationCard.neverSent'
              : destination.paused
                ? 'destinationCard.untriedPaused'
                : 'destinationCard.untried',
          )}
        </p>
      )}
      {/* Only once something got through: a refused connection answers fast, but it is not an answer. */}
      {!!stats?.successRate && stats.p95Ms !== null && (
        <p className="hint">{t('destinationCard.answersWithin', { time: durationText(stats.p95Ms, language, t) })}</p>
      )}
      {stats?.lastError && (
        // A healthy destination's last error is history: said with its time, not in red.
        <p className={stats.health === 'healthy' ? 'hint' : 'error-text'} data-testid="last-error">
          {t('overview.lastErrorAt', { time: stats.lastErrorAt ? formatTime(stats.lastErrorAt, language) : '—' })}:{' '}
          {reasonText(stats.lastReason, stats.lastError)}
        </p>
      )}
      {destination.paused && missingUrlSecrets && (
        <p className="hint" data-testid="url-secrets-missing">
          {t('destinationCard.urlSecretsMissing', { names: missingUrlSecrets })}
        </p>
      )}
      {/* The badge says paused, the button offers to pause it: why, when the pause is everyone's. */}
      {stats?.health === 'paused' && !destination.paused && (
        <p className="hint" data-testid="all-paused">
          {t('destinationCard.allPaused')}
        </p>
      )}
      {stats?.heldBy && (
        <p className="hint">
          {t('overview.heldBy', {
            label: stats.heldBy.label,
            status: t(`status.${stats.heldBy.status}`).toLowerCase(),
          })}
        </p>
      )}
      {/* The latest test, said apart: a test to an address not ready yet counts in neither the rate nor the badge. */}
      {!test && stats?.lastTest && (
        <p className="hint" data-testid="last-test">
          {stats.lastTest.ok
            ? t('destinationCard.lastTestOk', { time: formatTime(stats.lastTest.at, language) })
            : t('destinationCard.lastTestFailed', {
                time: formatTime(stats.lastTest.at, language),
                error: reasonText(stats.lastTest.reason, stats.lastTest.error ?? ''),
              })}
        </p>
      )}
      {test && (
        <p className={test.ok ? 'banner ok' : 'banner error'} role="status">
          {test.ok
            ? info?.testOk
              ? info.testOk[languageOfLocale(language)].replace('{{ms}}', String(test.durationMs))
              : t('destinations.testOk', { status: test.httpStatus, ms: test.durationMs })
            : t('destinations.testFailed', { error: reasonText(test.reason, test.error ?? '') })}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void setPaused(!destination.paused)}>
          {destination.paused ? t('destinationCard.resume') : t('destinationCard.pause')}
        </button>
        <button type="button" disabled={testing} aria-busy={testing} onClick={() => void sendTest()}>
          {testing ? t('destinationCard.testing') : t('destinations.test')}
        </button>
        {onEdit && (
          <button type="button" onClick={onEdit}>
            {t('destinationCard.edit')}
          </button>
        )}
      </div>
    </article>
  );
}
