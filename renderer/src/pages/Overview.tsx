import { useTranslation } from 'react-i18next';
import { HourlyChart } from '../components/HourlyChart';
import { IntakeAddress } from '../components/IntakeAddress';
import { PublicAddressCard } from '../components/PublicAddressCard';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../context';
import { useSaveSettings, useSettings, useSources, useStats } from '../data/queries';
import { formatNumber, formatPercent } from '../lib/format';

const TODAY = ['received', 'delivered', 'pending', 'failed', 'rejected'] as const;

export function Overview() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const sources = useSources();
  const stats = useStats().data;
  const saveSettings = useSaveSettings();
  const act = useAction();

  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('nav.overview')}</h2>
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
        <p className="hint">{t('overview.intakeHelp')}</p>
        {sources.map((source) => (
          <IntakeAddress key={source.id} source={source} label={source.name} />
        ))}
      </div>
      <PublicAddressCard />
      {stats && (
        <>
          <div className="card">
            <h3>{t('overview.today')}</h3>
            <dl className="counts">
              {TODAY.map((status) => (
                <div key={status} className={`count count-${status}`}>
                  <dt>{t(`status.${status}`)}</dt>
                  <dd data-testid={`today-${status}`}>{formatNumber(stats.today[status], i18n.language)}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="card">
            <h3>{t('overview.hourly')}</h3>
            <HourlyChart hourly={stats.hourly} />
          </div>
          <h3>{t('overview.destinations')}</h3>
          {stats.destinations.length === 0 && <p className="hint">{t('overview.noDestinations')}</p>}
          <div className="cards">
            {stats.destinations.map((destination) => (
              <article
                key={destination.id}
                className={`card destination-card health-${destination.health}`}
                data-testid="destination-card"
              >
                <header>
                  <h4>{destination.name}</h4> <StatusBadge status={destination.health} />
                </header>
                <dl>
                  <dt>{t('overview.backlog')}</dt>
                  <dd>{formatNumber(destination.backlog, i18n.language)}</dd>
                  <dt>{t('overview.failedCount')}</dt>
                  <dd>{formatNumber(destination.failed, i18n.language)}</dd>
                  <dt>{t('overview.successRate')}</dt>
                  <dd>{formatPercent(destination.successRate, i18n.language)}</dd>
                  <dt>{t('overview.p95')}</dt>
                  <dd>{destination.p95Ms === null ? '—' : `${formatNumber(destination.p95Ms, i18n.language)} ms`}</dd>
                </dl>
                {destination.lastError && (
                  <p className="error-text">
                    {t('overview.lastError')}: {destination.lastError}
                  </p>
                )}
                {destination.heldBy && (
                  <p className="hint">
                    {t('overview.heldBy', {
                      label: destination.heldBy.label,
                      status: t(`status.${destination.heldBy.status}`).toLowerCase(),
                    })}
                  </p>
                )}
              </article>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
