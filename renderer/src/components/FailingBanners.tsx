import { useQuery } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { destinationsQuery, statsQuery } from '../data/queries';
import { withTypeNamed } from '../../../main/i18n/event-types';
import type { ShownNotice } from '../data/notices';
import { cardOf, useCardIsOnScreen } from '../lib/cards-on-screen';
import { useFailingLineOnScreen } from '../lib/failing-lines-on-screen';
import { type FailingBanner, bannerKey, failingBanners } from '../lib/failing-banner';
import type { Engine } from '../lib/engine';
import { formatSoon } from '../lib/format';
import { useAddressPage } from '../lib/address';
import { useReasonText } from '../lib/reason';

/** More failing destinations than this are said in one line under the first ones, opened on request. */
const SHOWN_AT_ONCE = 2;

/**
 * A banner for each destination whose card says it is failing, read from the same figures as the card (never from
 * a notice heard once): the newest reason first, then what Hookferry does about it and what waits. One line each,
 * the rest a click away. A line also names the latest of its events that failed, of the `notices`: the notice itself
 * gives way to the line (App's NoticeList), and closing the line closes it too (`closeNotice`).
 */
export function FailingBanners({
  engine,
  notices,
  closeNotice,
}: {
  engine: Engine;
  notices: ShownNotice[];
  closeNotice: (key: string) => void;
}) {
  const { t } = useTranslation();
  const destinations = useQuery(destinationsQuery(engine)).data;
  const stats = useQuery(statsQuery(engine));
  const figures = stats.data?.destinations;
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const close = useCallback(
    (key: string, notice: ShownNotice | undefined) => {
      setClosed((keys) => new Set(keys).add(key));
      if (notice) closeNotice(notice.key);
    },
    [closeNotice],
  );
  const banners = failingBanners(destinations ?? [], figures).filter((banner) => !closed.has(bannerKey(banner)));
  if (banners.length === 0) return null;
  const shown = showAll ? banners : banners.slice(0, SHOWN_AT_ONCE);
  const rest = banners.slice(SHOWN_AT_ONCE);
  return (
    <div className="failing-banners" data-testid="failing-banners">
      {shown.map((banner) => (
        <FailingLine
          key={banner.destination.id}
          banner={banner}
          latest={latestFailed(notices, banner.destination.id)}
          readAt={stats.dataUpdatedAt}
          onClose={close}
        />
      ))}
      {rest.length > 0 && (
        <p className="banner error failing-more" data-testid="failing-more">
          <span className="banner-text">
            {showAll
              ? t('failingBanner.allShown', { count: banners.length })
              : t('failingBanner.more', {
                  count: rest.length,
                  names: rest.map(({ destination }) => `“${destination.name}”`).join(', '),
                })}
          </span>
          <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {t(showAll ? 'failingBanner.showFewer' : 'failingBanner.showAll')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The notice naming the latest of the destination's events that failed and still waits, if one is shown. */
function latestFailed(notices: ShownNotice[], destinationId: string): ShownNotice | undefined {
  return notices.findLast(
    ({ said: { reason } }) => reason.code === 'notice.eventFailed' && reason.params.destinationId === destinationId,
  );
}

/**
 * Reasons whose sentence says itself that Hookferry does not try again, and what to fix: where the banner gives the
 * reason, it then says only how many wait, not "will not try again… fix the cause" a second time.
 */
const SAYS_NOT_RETRIED = new Set(['delivery.gone', 'zithara.refused', 'zithara.accessRefused', 'zithara.refusedData']);

/** Ends a sentence that does not end itself, so the next one does not run on from it. */
const stopped = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * `readAt`: when the figures were read, which a next try due before then is said to be due now; `latest`: the notice
 * of its latest failed event, which the line names.
 */
function FailingLine({
  banner,
  latest,
  readAt,
  onClose,
}: {
  banner: FailingBanner;
  latest: ShownNotice | undefined;
  readAt: number;
  onClose: (key: string, notice: ShownNotice | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  const { destination, stats, state } = banner;
  const [open, setOpen] = useState(false);
  const [textRef, cutOff] = useCutOff<HTMLSpanElement>(open);
  const cardShown = useCardIsOnScreen(destination.id);
  useFailingLineOnScreen(destination.id);
  // On the Failed page those events are the list under the banner: "wait in Failed" would send the reader away.
  const here = useAddressPage() === 'failed';
  const latestNamed = latest && withTypeNamed(latest.said.reason, i18n.language).params;
  const name = destination.name;
  const paused = state.kind === 'paused';
  const reasonSaysIt = !cardShown && stats.lastError !== null && SAYS_NOT_RETRIED.has(stats.lastReason?.code ?? '');
  const what =
    state.kind === 'retrying'
      ? [
          Date.parse(state.nextTryAt) > readAt
            ? t('failingBanner.retryingAt', { time: formatSoon(state.nextTryAt, i18n.language) })
            : t('failingBanner.retryingNow'),
          state.failed > 0
            ? t(here ? 'failingBanner.alsoFailedBelow' : 'failingBanner.alsoFailed', { count: state.failed })
            : '',
        ].join(' ')
      : state.kind === 'notRetried'
        ? reasonSaysIt
          ? t(here ? 'failingBanner.waitsBelow' : 'failingBanner.waitsInFailed', { count: state.failed })
          : t(here ? 'failingBanner.notRetriedBelow' : 'failingBanner.notRetried', { count: state.failed })
        : t(state.allPaused ? 'failingBanner.pausedAll' : 'failingBanner.paused');
  return (
    <div
      className={`banner ${paused ? 'warn' : 'error'} failing-banner${open ? ' open' : ''}`}
      role={paused ? 'status' : 'alert'}
      data-testid="failing-banner"
    >
      <span className="banner-text" ref={textRef}>
        <strong>
          {t(
            !paused
              ? 'failingBanner.isFailing'
              : state.allPaused
                ? 'failingBanner.isPausedAll'
                : 'failingBanner.isPaused',
            { name },
          )}
        </strong>{' '}
        {/* The reason first: it is what differs from one failing destination to another, and one line shows it. */}
        {stats.lastError !== null && (
          <span data-testid="failing-reason">
            {t('failingBanner.why')}{' '}
            {/* Said once on a screen: where its card is, the card says it (in full), and this leads there. */}
            {cardShown ? (
              <>
                <button type="button" className="link" onClick={() => cardOf(destination.id)?.scrollIntoView()}>
                  {t('failingBanner.onCard')}
                </button>
                .
              </>
            ) : (
              stopped(reasonText(stats.lastReason, stats.lastError))
            )}{' '}
          </span>
        )}
        {what.trim()}
        {latestNamed && (
          <span data-testid="failing-latest">
            {' '}
            {t('failingBanner.latest', { event: `${String(latestNamed.type)}${String(latestNamed.ref ?? '')}` })}
          </span>
        )}
      </span>
      {(open || cutOff) && (
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(open ? 'failingBanner.less' : 'failingBanner.details')}
        </button>
      )}
      <button type="button" onClick={() => onClose(bannerKey(banner), latest)} aria-label={t('common.close')}>
        ✕
      </button>
    </div>
  );
}

/** Whether the one line's text is cut off (it ends in "…"): only then is there more to open. */
function useCutOff<E extends HTMLElement>(open: boolean) {
  const ref = useRef<E>(null);
  const [cutOff, setCutOff] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || open) return;
    const measure = () => setCutOff(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });
  return [ref, cutOff] as const;
}
