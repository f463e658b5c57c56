import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, DestinationStats } from '../../../main/api/contract';
import { languageOfLocale } from '../../../main/i18n/resources';
import { useAction, useApp } from '../context';
import { keys } from '../data/keys';
import { destinationKindsQuery, useRefetch, useSaveSettings, useSettings } from '../data/queries';
import { useStatsLastRead } from '../data/stats-last-read';
import { formatNumber, formatPercent, formatSeconds, formatTime } from '../lib/format';
import { cardId, useCardOnScreen } from '../lib/cards-on-screen';
import { nothingWaitsAfterFailure } from '../lib/failing-banner';
import { useHeldByText } from '../lib/held-sentence';
import { useReasonText, useTestReasonText } from '../lib/reason';
import { urlSecretNames, useShowRedacted } from '../lib/redacted';
import { SendEarlier } from './SendEarlier';
import { StatusBadge } from './StatusBadge';

/** A test's reasons that say the kind's credentials were refused (401 or 403): no order can go through either. */
const CREDENTIALS_REFUSED = ['zithara.refused', 'zithara.accessRefused'];

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
  const heldByText = useHeldByText('overview');
  const reasonOf = useReasonText();
  const testReasonOf = useTestReasonText();
  // A reason says where Edit is, for the drawer and the live log; on a card with its own Edit, it says so there.
  const here = (text: string) =>
    onEdit ? text.replace(t('destinationCard.editElsewhere'), t('destinationCard.editHere')) : text;
  const reasonText = (...args: Parameters<typeof reasonOf>) => here(reasonOf(...args));
  const testReasonText = (...args: Parameters<typeof testReasonOf>) => here(testReasonOf(...args));
  const client = useQueryClient();
  const showRedacted = useShowRedacted();
  const { engine } = useApp();
  // Figures that cannot be read now say nothing of how it is doing now: no badge says healthy (or failing) meanwhile.
  const unread = useStatsLastRead() !== null;
  const act = useAction();
  const refetch = useRefetch();
  const [testing, setTesting] = useState(false);
  useCardOnScreen(destination.id);
  // Until the figures come, no badge: a guess would call a destination healthy or untried that is not.
  const ordersHealth = destination.paused ? 'paused' : (stats?.health ?? null);
  // The newest news of the receiver is a failed test: "healthy" or "untried" beside it would read as all is well. The
  // card shows it as failing until an order or a test goes through; the engine's health and counts stay the orders'.
  const testFailing = !!stats?.testFailing && (ordersHealth === 'healthy' || ordersHealth === 'untried');
  // Its latest try failed and nothing of it waits: said, but not as an alarm (see nothingWaitsAfterFailure).
  const nothingWaits = !!stats && nothingWaitsAfterFailure(destination, stats);
  const health = testFailing ? 'failing' : nothingWaits ? 'lastTryFailed' : ordersHealth;
  const language = i18n.language;
  // Imported without the secret values of its address: it cannot be resumed until they are entered.
  const missingUrlSecrets = urlSecretNames(destination, false);
  const saveSettings = useSaveSettings();
  // Every delivery is paused (Settings), not this one: "Pause" beside a "paused" badge would pause nothing.
  const { deliveriesPaused } = useSettings();
  const allPaused = deliveriesPaused && !destination.paused;
  // Both: its Resume lifts its own pause and nothing is sent yet. Said as one pause, the card's Resume seemed to do
  // nothing, and only then did the card tell of the other.
  const bothPaused = deliveriesPaused && destination.paused;
  const info = useQuery(destinationKindsQuery(engine)).data?.find((entry) => entry.kind === destination.kind);

  const setPaused = async (paused: boolean) => {
    await act(() => engine.api('updateDestination', { params: { id: destination.id }, body: { paused } }));
    await refetch('destinations');
  };
  // The test's outcome is said once, on the card's last-test line (labelled, with its time), from the figures.
  const sendTest = async () => {
    setTesting(true);
    await act(() => engine.api('testDestination', { params: { id: destination.id } }));
    await client.invalidateQueries({ queryKey: keys.stats });
    setTesting(false);
  };
  // Once the latest try went through, the last error is history: no longer what the receiver does now. Said by the
  // tries, not the health: a pause (its own or everyone's) changes the badge, not what the latest try did; nor does a
  // retry still to come of what failed then, said with it (retrying).
  const errorIsPast =
    !!stats &&
    !stats.lastTryFailed &&
    (stats.health === 'healthy' || stats.health === 'paused' || stats.health === 'retrying');
  // Working now, not "healthy", while an order of it still waits in Failed: nothing will send that one by itself.
  const stillFailed = errorIsPast && stats.failed > 0 ? stats.failed : 0;
  // The test failed for the reason the card already gives for its orders: said once, above.
  const testSameAsError =
    !errorIsPast &&
    !!stats?.lastTest &&
    !stats.lastTest.ok &&
    !!stats.lastReason &&
    stats.lastTest.reason?.code === stats.lastReason.code;
  // Refused its credentials: every order will be refused the same way, not "still sent as they come".
  const testRefusedCredentials = CREDENTIALS_REFUSED.includes(stats?.lastTest?.reason?.code ?? '');

  return (
    <article
      id={cardId(destination.id)}
      className={`card destination-card health-${(!unread && health) || 'unknown'}`}
      data-testid="destination-card"
      aria-label={destination.name}
    >
      <header>
        <h4>{destination.name}</h4>{' '}
        {health && unread && <StatusBadge status="unknown" label={t('destinationCard.unread')} />}
        {health && !unread && (
          <StatusBadge
            status={health}
            label={
              testFailing
                ? t('destinationCard.testFailedBadge')
                : stillFailed > 0 && health === 'healthy'
                  ? t('destinationCard.worksAgain')
                  : // Its first try is out: "nothing sent yet" would deny what is at the receiver now.
                    health === 'untried' && (stats?.sending ?? 0) > 0
                    ? t('status.delivering')
                    : undefined
            }
          />
        )}
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
              : // Its first try is out: not "goes out as soon as it arrives" of what is at the receiver now.
                stats.sending > 0
                ? 'destinationCard.untriedSending'
                : destination.paused
                  ? 'destinationCard.untriedPaused'
                  : deliveriesPaused
                    ? 'destinationCard.untriedAllPaused'
                    : // Not "goes out as soon as it arrives": the test below says it will be refused.
                      testFailing && testRefusedCredentials
                      ? 'destinationCard.untriedRefused'
                      : 'destinationCard.untried',
          )}
          {/* Once a test was sent, its line below says how it went: no need to ask for one. */}
          {!stats.tried && !stats.lastTest && stats.sending === 0 && ` ${t('destinationCard.tryTest')}`}
        </p>
      )}
      {/* Only once something got through: a refused connection answers fast, but it is not an answer. */}
      {!!stats?.successRate && stats.p95Ms !== null && (
        <p className="hint">
          {t('destinationCard.answersWithin', {
            time: t('destinationCard.seconds', { s: formatSeconds(stats.p95Ms, language) }),
          })}
        </p>
      )}
      {stats?.lastError &&
        (nothingWaits ? (
          // Its reason's advice ("…then resend", "resend what waits in Failed") would ask to act on nothing: on hover.
          <p className="hint" data-testid="last-error" title={reasonText(stats.lastReason, stats.lastError)}>
            {t('overview.lastTryFailedNothingWaits', {
              time: stats.lastErrorAt ? formatTime(stats.lastErrorAt, language) : '—',
            })}
          </p>
        ) : errorIsPast ? (
          // History: said with its time, not in red, and without its "will try again" (the whole sentence on hover).
          <p className="hint" data-testid="last-error" title={reasonText(stats.lastReason, stats.lastError)}>
            {t(
              stats.mendedByTest
                ? 'overview.earlierErrorTested'
                : stats.health !== 'retrying'
                  ? 'overview.earlierErrorAt'
                  : stats.nextTryAt
                    ? 'overview.earlierErrorRetryAt'
                    : 'overview.earlierErrorRetry',
              {
                time: stats.lastErrorAt ? formatTime(stats.lastErrorAt, language) : '—',
                next: stats.nextTryAt ? formatTime(stats.nextTryAt, language) : '—',
              },
            )}
          </p>
        ) : (
          // A reason may quote a page of the shop's own words: a few lines here, the whole of it on hover.
          <p
            className="error-text clamped"
            data-testid="last-error"
            title={reasonText(stats.lastReason, stats.lastError)}
          >
            {t('overview.lastErrorAt', { time: stats.lastErrorAt ? formatTime(stats.lastErrorAt, language) : '—' })}:{' '}
            {reasonText(stats.lastReason, stats.lastError)}
          </p>
        ))}
      {stillFailed > 0 && (
        <p className="hint" data-testid="still-failed">
          {t('destinationCard.stillFailed', { count: stillFailed })} <a href="#/failed">{t('overview.openFailed')}</a>
        </p>
      )}
      {destination.paused && missingUrlSecrets && (
        <p className="hint" data-testid="url-secrets-missing">
          {t('destinationCard.urlSecretsMissing', { names: missingUrlSecrets })}
        </p>
      )}
      {/* The badge says paused while its own pause is off: the pause is everyone's, and its button lifts that. */}
      {allPaused && (
        <p className="hint" data-testid="all-paused">
          {t('destinationCard.allPaused')}
        </p>
      )}
      {bothPaused && (
        <p className="hint" data-testid="both-paused">
          {t('destinationCard.bothPaused')}
        </p>
      )}
      {stats?.heldBy && (
        <p className="hint" data-testid="held-by-card">
          {heldByText(stats.heldBy, health === 'paused')}
        </p>
      )}
      {/* The latest test, said apart: it counts in neither the rate nor the orders' counts. Failed with no order
          through since, it is the newest news of the receiver: in red, paused or not (and see testFailing for the
          badge); gone through with nothing waiting, see mendedByTest. */}
      {stats?.lastTest && (
        <p
          className={stats.testFailing ? 'error-text' : 'hint'}
          data-testid="last-test"
          data-before-change={stats.lastTest.beforeChange || undefined}
          role="status"
        >
          {stats.lastTest.ok
            ? info?.testOk
              ? t('destinationCard.lastTestOkSaid', {
                  time: formatTime(stats.lastTest.at, language),
                  said: info.testOk[languageOfLocale(language)],
                })
              : stats.lastTest.httpStatus !== null
                ? t('destinationCard.lastTestAnswered', {
                    time: formatTime(stats.lastTest.at, language),
                    status: stats.lastTest.httpStatus,
                  })
                : t('destinationCard.lastTestOk', { time: formatTime(stats.lastTest.at, language) })
            : t(testSameAsError ? 'destinationCard.lastTestFailedSame' : 'destinationCard.lastTestFailed', {
                time: formatTime(stats.lastTest.at, language),
                error: testReasonText(stats.lastTest.reason, stats.lastTest.error ?? ''),
              })}{' '}
          {t(
            stats.lastTest.beforeChange
              ? 'destinationCard.testBeforeChange'
              : testFailing
                ? testRefusedCredentials
                  ? 'destinationCard.testFailedCredentials'
                  : 'destinationCard.testFailedNext'
                : stats.lastTest.ok && stats.mendedByTest
                  ? 'destinationCard.testMended'
                  : 'destinationCard.testsApart',
          )}
        </p>
      )}
      <SendEarlier destination={destination} />
      <div className="actions">
        {allPaused ? (
          <button type="button" onClick={() => void act(() => saveSettings({ deliveriesPaused: false }))}>
            {t('overview.resume')}
          </button>
        ) : (
          <button type="button" onClick={() => void setPaused(!destination.paused)}>
            {destination.paused ? t('destinationCard.resume') : t('destinationCard.pause')}
          </button>
        )}
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
