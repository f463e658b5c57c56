import { useTranslation } from 'react-i18next';
import type { DayCounts } from '../../../main/api/contract';
import { HourlyChart } from '../components/HourlyChart';
import { LastRead } from '../components/LastRead';
import { IntakeAddress } from '../components/IntakeAddress';
import { PublicAddressCard } from '../components/PublicAddressCard';
import { DestinationCard } from '../components/DestinationCard';
import { RefusingSources } from '../components/RefusingSourceLine';
import { useAction } from '../context';
import { dayReceived } from '../../../main/api/day-counts';
import { DAY_OUTCOMES, DAY_OUTCOMES_IF_ANY, DAY_REFUSED } from '../lib/day-outcomes';
import { useFailedWaiting } from '../data/failed-waiting';
import { useDestinations, useSaveSettings, useSettings, useSources, useStats } from '../data/queries';
import { useStatsLastRead } from '../data/stats-last-read';
import { formatNumber } from '../lib/format';
import { onlyHeldByPause, useHeldSentence } from '../lib/held-sentence';
import { listensOnThisPcOnly, usePublicAddress } from '../lib/public-address';
import { failedWait, quotedNames } from '../../../main/api/paused-wait';

export function Overview() {
  const { t } = useTranslation();
  const heldSentence = useHeldSentence();
  const settings = useSettings();
  const sources = useSources();
  const destinations = useDestinations();
  const stats = useStats().data;
  const failed = useFailedWaiting();
  const publicAddress = usePublicAddress();
  const saveSettings = useSaveSettings();
  const act = useAction();
  const thisPcOnly = listensOnThisPcOnly(stats?.listening.intake.host);
  const lastRead = useStatsLastRead();
  // Deliveries held behind a failed event of an ordered line (see Stats.deliveries): they go only once it is acted on.
  // Paused too, even the resent head goes only once resumed: the sentence says both.
  const failedLines = stats && failedWait(stats);
  const behindFailed =
    failedLines && failedLines.count > 0
      ? t(failedLines.paused ? 'overview.heldBehindFailedPaused' : 'overview.heldBehindFailed', {
          count: failedLines.count,
          names: quotedNames(failedLines.names),
        })
      : null;
  const nothingSent =
    !!stats && stats.deliveries.pending + stats.deliveries.retrying + stats.deliveries.delivering === 0;
  // What is "on its way" only waits for a pause: not called sending (the Live log's rule); nor is it when nothing of it
  // moves, some of it held behind a failed event: "waiting", each cause on hover. The chart's legend names it alike.
  const pendingHeld = !stats
    ? undefined
    : behindFailed && nothingSent
      ? {
          label: t('overview.backlog'),
          title: [stats.deliveries.waitingForPaused > 0 ? heldSentence(stats) : '', behindFailed].join(' ').trim(),
        }
      : onlyHeldByPause(stats)
        ? { label: t('log.waitsPaused'), title: heldSentence(stats) }
        : undefined;

  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('nav.overview')}</h2>
      {/* Its figures and badges as last read, said to be that, as the live log and Failed say of their lists. */}
      {lastRead !== null && <LastRead at={lastRead} />}
      {/* A sender with a wrong key loses every order while the rest of the page looks calm: said first. */}
      <RefusingSources />
      {/* Said on load too (after a restart), not only by the notice of a failure seen while the page is open. */}
      {!!failed && (
        <p className="banner error" data-testid="overview-failed">
          {t('overview.failedWaiting', { count: failed })} <a href="#/failed">{t('overview.openFailed')}</a>
        </p>
      )}
      {settings.deliveriesPaused && (
        <p className="banner warn">
          {t('overview.paused')}{' '}
          <button onClick={() => void act(() => saveSettings({ deliveriesPaused: false }))}>
            {t('overview.resume')}
          </button>
        </p>
      )}
      <div className="card">
        <h3>{t('overview.intake')}</h3>
        {/* Only on this PC: that is said instead of "paste this into your POS", which a cloud POS cannot use. */}
        {sources.length > 0 && sources.every((source) => source.publicUrl === null) ? (
          <p className="hint" data-testid="intake-local-only">
            {t(thisPcOnly ? 'overview.intakeThisPcOnly' : 'overview.intakeLocalOnly')}
          </p>
        ) : publicAddress && publicAddress.status !== 'online' ? (
          <p className="hint" data-testid="intake-not-yet">
            {t('overview.intakeNotYet')}
          </p>
        ) : (
          <p className="hint">{t('overview.intakeHelp')}</p>
        )}
        {sources.map((source) => (
          <IntakeAddress key={source.id} source={source} label={source.name} />
        ))}
      </div>
      <PublicAddressCard thisPcOnly={thisPcOnly} />
      {stats && (
        <>
          <div className="card" data-testid="today-card">
            <h3>{t('overview.today')}</h3>
            <p className="hint" data-testid="today-total">
              {t('overview.todayTotal', { count: dayReceived(stats.today).received })}
            </p>
            <div className="day-figures">
              <dl className="counts" data-testid="today-outcomes">
                {[...DAY_OUTCOMES, ...DAY_OUTCOMES_IF_ANY.filter((status) => stats.today[status] > 0)].map((status) => (
                  <DayFigure
                    key={status}
                    status={status}
                    count={stats.today[status]}
                    held={status === 'pending' ? pendingHeld : undefined}
                  />
                ))}
              </dl>
              <dl className="counts refused" data-testid="today-refused">
                <DayFigure status={DAY_REFUSED} count={stats.today[DAY_REFUSED]} />
              </dl>
            </div>
            {/* "On its way" counts events that only wait for a paused destination: said which. */}
            {stats.deliveries.waitingForPaused > 0 && (
              <p className="hint" data-testid="held-by-pause">
                {heldSentence(stats)}
              </p>
            )}
            {/* Nor are those held behind a failed event of an ordered line, paused or not: said where they go from. */}
            {behindFailed && (
              <p className="hint" data-testid="held-behind-failed">
                {behindFailed} <a href="#/failed">{t('overview.openFailed')}</a>
              </p>
            )}
          </div>
          <div className="card">
            <h3>{t('overview.hourly')}</h3>
            <HourlyChart hourly={stats.hourly} pendingName={pendingHeld?.label} />
          </div>
          <h3>{t('overview.destinations')}</h3>
          {/* Where to add one, as a link: named in plain text, it was one more thing to find in the menu. */}
          {destinations.length === 0 && (
            <p className="hint" data-testid="no-destinations">
              {t('overview.noDestinations')} <a href="#/destinations">{t('overview.addDestination')}</a>
            </p>
          )}
          <div className="cards">
            {destinations.map((destination) => (
              <DestinationCard
                key={destination.id}
                destination={destination}
                stats={stats.destinations.find((entry) => entry.id === destination.id)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** One of the day's figures, its name and what it counts (on hover). */
function DayFigure({
  status,
  count,
  held,
}: {
  status: keyof DayCounts;
  count: number;
  held?: { label: string; title: string };
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`count count-${status}`} title={held?.title ?? t(`overview.todayMeans.${status}`)}>
      <dt>{held?.label ?? t(`overview.todayName.${status}`)}</dt>
      <dd data-testid={`today-${status}`}>{formatNumber(count, i18n.language)}</dd>
    </div>
  );
}
