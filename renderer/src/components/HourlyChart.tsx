import { useTranslation } from 'react-i18next';
import type { DayCounts, Stats } from '../../../main/api/contract';
import { roundTicks } from '../lib/chart-ticks';
import { DAY_OUTCOMES, DAY_OUTCOMES_IF_ANY, DAY_REFUSED } from '../lib/day-outcomes';
import { formatHour, formatNumber } from '../lib/format';

/** The drawing's frame, in SVG units: the left margin holds the axis' numbers, the bottom one the hours. */
const AXIS = 30;
const SLOT = 22;
const TOP = 8;
const BASE = 110;

/**
 * Events per hour by outcome, stacked bars, 24 hours, with a y-axis; a sentence instead when there were none. Counted
 * as the day's figures are and in their order, the legend too (it read in another order than the figures beside it).
 */
export function HourlyChart({ hourly, pendingName }: { hourly: Stats['hourly']; pendingName?: string }) {
  const { t, i18n } = useTranslation();
  // Named as the figure beside it: what is on its way only waits for a pause (see onlyHeldByPause), or nothing of it
  // moves (the Overview's name for it then).
  const name = (key: keyof DayCounts) => (key === 'pending' && pendingName) || t(`overview.todayName.${key}`);
  // Discarded and skipped too when there are some, as among the day's figures: left out, a day of discarded orders
  // read "no events in the last 24 hours".
  const shown = [
    ...DAY_OUTCOMES,
    ...DAY_OUTCOMES_IF_ANY.filter((key) => hourly.some((hour) => hour[key] > 0)),
    DAY_REFUSED,
  ];
  const totals = hourly.map((hour) => shown.reduce((sum, key) => sum + hour[key], 0));
  const busiest = Math.max(0, ...totals);
  if (busiest === 0) return <p className="hint chart-empty">{t('overview.hourlyEmpty')}</p>;
  const ticks = roundTicks(busiest);
  const top = ticks.at(-1)!;
  const scale = (BASE - TOP) / top;
  const width = AXIS + 24 * SLOT;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} 130`} role="img" aria-label={t('overview.hourly')}>
        {ticks.map((tick) => (
          <g key={tick} className="chart-axis">
            <line x1={AXIS} x2={width} y1={BASE - tick * scale} y2={BASE - tick * scale} />
            <text x={AXIS - 4} y={BASE - tick * scale + 3} textAnchor="end" data-testid="chart-tick">
              {formatNumber(tick, i18n.language)}
            </text>
          </g>
        ))}
        {hourly.map((hour, index) => {
          let y = BASE;
          const x = AXIS + index * SLOT;
          return (
            <g key={hour.hour}>
              {shown.map((key) => {
                const height = hour[key] * scale;
                y -= height;
                return height > 0 ? (
                  <rect key={key} className={`bar-${key}`} x={x + 2} y={y} width={18} height={height}>
                    <title>{`${formatHour(hour.hour, i18n.language)} · ${name(key)}: ${hour[key]}`}</title>
                  </rect>
                ) : null;
              })}
              {index % 3 === 0 && (
                <text x={x + SLOT / 2} y={126} textAnchor="middle">
                  {formatHour(hour.hour, i18n.language)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {shown.map((key) => (
          <span key={key} className="legend">
            <i className={`swatch bar-${key}`} /> {name(key)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
