import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../main/api/contract';
import { formatHour } from '../lib/format';

const SERIES = ['delivered', 'received', 'pending', 'failed', 'rejected'] as const;

/** Events per hour by outcome, stacked bars, 24 hours. */
export function HourlyChart({ hourly }: { hourly: Stats['hourly'] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...hourly.map((hour) => SERIES.reduce((sum, key) => sum + hour[key], 0)));
  const width = 24 * 22;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} 130`} role="img" aria-label={t('overview.hourly')}>
        {hourly.map((hour, index) => {
          let y = 110;
          return (
            <g key={hour.hour}>
              {SERIES.map((key) => {
                const height = (hour[key] / max) * 100;
                y -= height;
                return height > 0 ? (
                  <rect key={key} className={`bar-${key}`} x={index * 22 + 2} y={y} width={18} height={height}>
                    <title>{`${formatHour(hour.hour, i18n.language)} · ${t(`status.${key}`)}: ${hour[key]}`}</title>
                  </rect>
                ) : null;
              })}
              {index % 3 === 0 && (
                <text x={index * 22 + 11} y={126} textAnchor="middle">
                  {formatHour(hour.hour, i18n.language)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {SERIES.map((key) => (
          <span key={key} className="legend">
            <i className={`swatch bar-${key}`} /> {t(`status.${key}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
