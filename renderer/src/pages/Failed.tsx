import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailedView, ResendBatch } from '../../../main/api/contract';
import { KeptTogether } from '../components/KeptTogether';
import { useLineFreedText } from '../lib/line-freed';
import { InlineConfirm } from '../components/InlineConfirm';
import { LastRead } from '../components/LastRead';
import { ReadError } from '../components/ReadError';
import { useAction, useApp } from '../context';
import { useFailedViewShown } from '../data/failed-last-read';
import { keys } from '../data/keys';
import { FAILED_ROWS, failedViewQuery, reasonKey, useDestinations, useSettings, useStats } from '../data/queries';
import { useResentDelivered } from '../data/resent-delivered';
import { formatTime } from '../lib/format';
import { useHeldSentence } from '../lib/held-sentence';
import { useEventSummary } from '../lib/event-summary';
import { useReasonText } from '../lib/reason';
import { EventDrawer } from './EventDrawer';

type DestinationCounts = FailedView['destinations'][number];
type ReasonCounts = DestinationCounts['reasons'][number];

/** Finished bulk resends stay in view this long, so their outcome can be read. */
const FINISHED_SHOWN_MS = 60 * 60 * 1000;

/** After an action: the page (its counts, rows and resends) and the overview figures are read again. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.deliveries }),
      client.invalidateQueries({ queryKey: keys.stats }),
    ]);
}

/**
 * Failed deliveries by destination, then by reason, each row openable; resend or discard one, a reason's
 * or a destination's; bulk resends followed to their outcome, as the engine counts it.
 */
export function Failed() {
  const { t } = useTranslation();
  const { engine, connected, unsayAction } = useApp();
  // How many rows of each reason are shown, by `reasonKey`; a reason not named shows the first ones.
  const [rowsShown, setRowsShown] = useState<Record<string, number>>({});
  // One answer for the whole page, so its resends, counts and rows always agree (see failedViewQuery).
  const view = useQuery(failedViewQuery(engine, Math.max(FAILED_ROWS, ...Object.values(rowsShown))));
  const shown = useFailedViewShown(view);
  const counts = shown?.view;
  // Not read now: what is shown is the last answer, and says so.
  const lastRead = shown && (!connected || view.isError) ? shown.at : null;
  const failedDeliveries = counts?.destinations.reduce((sum, destination) => sum + destination.count, 0) ?? 0;
  const batches = counts?.batches ?? [];
  const stats = useStats().data;
  const retrying = stats?.deliveries.retrying ?? 0;
  const waiting = (stats?.deliveries.pending ?? 0) + (stats?.deliveries.delivering ?? 0);
  const held = stats?.deliveries.waitingForPaused ?? 0;
  const heldSentence = useHeldSentence();
  // From the destinations as saved, read again as soon as they change: the figures' list of them is read at most once
  // a second, and said "no destination yet" for that second beside a resend to one just added.
  const noDestinations = useDestinations().length === 0;
  const [selected, setSelected] = useState<string | null>(null);
  const [now] = useState(Date.now);
  const [closed, close] = useClosedBatches();
  const batchesShown = batches.filter(
    (batch) =>
      !closed.includes(batch.id) && (!batch.finishedAt || now - Date.parse(batch.finishedAt) < FINISHED_SHOWN_MS),
  );
  const running = batchesShown.filter((batch) => !batch.finishedAt);
  const finished = batchesShown.filter((batch) => batch.finishedAt);
  // "Resend started … one whose try fails comes back here" stood on, in green, over the finished resend and "nothing
  // waits here": it goes once the batch it announced has finished, whose entry under Earlier resends says how it went.
  const [announced, setAnnounced] = useState<Announced | null>(null);
  const [resentRows, setResentRows] = useState<Record<string, ResentRow>>({});
  const announcedDone = !!announced && batches.some((batch) => batch.id === announced.batchId && batch.finishedAt);
  useEffect(() => {
    if (announced && announcedDone) unsayAction(announced.text);
  }, [announced, announcedDone, unsayAction]);
  const listedRows = (counts?.destinations ?? []).flatMap((destination) =>
    destination.reasons.flatMap((reason) => reason.rows),
  );
  const listed = new Set(listedRows.map((row) => row.id));
  // A row's "resend started" goes once the row is back having failed again: it stood above the row saying so.
  const failedAgainSaid = listedRows.flatMap((row) => {
    const resent = resentRows[row.id];
    return resent && row.lastAttemptAt !== resent.lastTryBefore ? [resent.said] : [];
  });
  // A row resent on its own that went through left the list with no word but the green "if it fails it comes back
  // here", which then stood over a delivered order: its delivery is said under Earlier resends instead.
  const deliveredAt = useResentDelivered(
    Object.entries(resentRows).map(([deliveryId, { eventId }]) => ({ deliveryId, eventId })),
  );
  const [closedDelivered, closeDelivered] = useState<string[]>([]);
  const deliveredAlone = Object.entries(resentRows).flatMap(([deliveryId, resent]) => {
    const at = deliveredAt[deliveryId];
    return at && !closedDelivered.includes(deliveryId) ? [{ deliveryId, resent, at }] : [];
  });
  // Newest first, what a row resent alone did beside what bulk resends did: apart, a row's line always stood on top.
  const earlier = [
    ...deliveredAlone.map(({ deliveryId, resent, at }) => ({
      at,
      entry: (
        <ResentDelivered
          key={deliveryId}
          resent={resent}
          at={at}
          onClose={() => closeDelivered((before) => [...before, deliveryId])}
        />
      ),
    })),
    ...finished.map((batch) => ({
      at: batch.finishedAt ?? batch.startedAt,
      entry: <BatchProgress key={batch.id} batch={batch} onClose={() => close(batch.id)} />,
    })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const endedSaid = [
    ...failedAgainSaid,
    ...Object.keys(deliveredAt).flatMap((deliveryId) => resentRows[deliveryId]?.said ?? []),
  ].join('\n');
  useEffect(() => {
    for (const text of endedSaid.split('\n')) if (text) unsayAction(text);
  }, [endedSaid, unsayAction]);
  // Resent rows out of the list while their one try goes (a bulk resend shows its own progress instead): the page
  // said "nothing has failed" for as long as that try took, above a failing destination's banner.
  const resendingAlone = running.length === 0 ? (counts?.resending ?? 0) : 0;
  // A paused destination tries nothing, a resent order included: those are said to wait for the resume.
  const resendingPaused = running.length === 0 ? (counts?.resendingPaused ?? 0) : 0;
  const resendingSaid = [
    resendingAlone > resendingPaused ? t('failed.resendingOne', { count: resendingAlone - resendingPaused }) : '',
    resendingPaused > 0 ? t('failed.resendingPaused', { count: resendingPaused }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section aria-labelledby="failed-title">
      {/* The nav's own word: one name for one place, in every sentence that points here too. */}
      <h2 id="failed-title">{t('nav.failed')}</h2>
      {running.map((batch) => (
        <BatchProgress key={batch.id} batch={batch} onClose={() => close(batch.id)} />
      ))}
      {view.error && <ReadError error={view.error} />}
      {lastRead !== null && <LastRead at={lastRead} />}
      {counts?.destinations.length === 0 && (
        <p className="hint" data-testid="failed-none">
          {/* What a resend takes leaves the list while it is tried: the list is empty, not nothing failed. */}
          {noDestinations
            ? t('failed.noneNoDestinations')
            : running.length > 0
              ? t('failed.resending')
              : resendingAlone > 0
                ? resendingSaid
                : retrying > 0
                  ? t('failed.noneYet', { count: retrying })
                  : waiting > 0
                    ? t('failed.noneOnTheirWay', { count: waiting })
                    : held > 0
                      ? t('failed.noneFailed')
                      : t('failed.none')}
          {held > 0 && stats && ` ${heldSentence(stats)}`}
        </p>
      )}
      {(counts?.destinations.length ?? 0) > 0 && resendingAlone > 0 && (
        <p className="hint" data-testid="resending-one">
          {resendingSaid}
        </p>
      )}
      {/* What to do first, in a sentence; how the list works and when a resend may send twice, a click away: read
          in one grey paragraph above the list, "fix it, then press Resend" was lost in it. */}
      {(counts?.destinations.length ?? 0) > 0 && (
        <div className="hint" data-testid="failed-help">
          <p data-testid="failed-help-first">
            {t('failed.help')}
            {held > 0 && stats && ` ${heldSentence(stats)}`}
          </p>
          <details className="failed-help-more">
            <summary>{t('failed.helpMore')}</summary>
            <p>{t('failed.helpDetails')}</p>
          </details>
        </div>
      )}
      {/* The menu counts events, the groups deliveries: an order failed at two destinations is one and two. */}
      {counts && failedDeliveries > counts.failedEvents && (
        <p className="hint" data-testid="failed-counts">
          {t('failed.eventsInDeliveries', { count: counts.failedEvents, deliveries: failedDeliveries })}
        </p>
      )}
      {counts?.destinations.map((destination) => (
        <DestinationGroup
          key={destination.destinationId}
          destination={destination}
          rowsShown={rowsShown}
          loadingMore={view.isPlaceholderData}
          onMore={(key) => setRowsShown((before) => ({ ...before, [key]: (before[key] ?? FAILED_ROWS) + FAILED_ROWS }))}
          onOpen={setSelected}
          onResent={(batchId, text) => {
            if (!batchId) return;
            setAnnounced({ batchId, text });
            // What the bulk resend did is said under Earlier resends: a row's older "failed again" would read as its.
            // A row resent alone and out of the list (delivered, or its try still going) is none of the bulk
            // resend's: its line stays (it went, and "delivered to …" went with it).
            setResentRows((before) =>
              Object.fromEntries(Object.entries(before).filter(([deliveryId]) => !listed.has(deliveryId))),
            );
          }}
          resentRows={resentRows}
          onResentRow={(deliveryId, row) => setResentRows((before) => ({ ...before, [deliveryId]: row }))}
        />
      ))}
      {/* Under what waits now and its own heading: stacked on top, a finished result read as if it had handled a
          failure that came after it. */}
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-resends" data-testid="earlier-resends">
          <h3 id="earlier-resends">{t('failed.earlierResends')}</h3>
          {earlier.map(({ entry }) => entry)}
        </section>
      )}
      {selected && <EventDrawer eventId={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

/**
 * A row resent on its own from this page: when, and its last try then. Back in the list with another last try, that
 * resend failed again: the row says so (a bulk resend's outcome is under Earlier resends; a row's had no word at all).
 */
interface ResentRow {
  at: string;
  lastTryBefore: string | null;
  /** What the page said when it was resent. */
  said: string;
  eventId: string;
  /** The order as its row had it, and where it was resent to: named once it went through, the row gone. */
  event: ReasonCounts['rows'][number]['event'];
  destinationName: string;
}

/** A row resent on its own that went through, at `at`: said as plainly as one that failed again. */
function ResentDelivered({ resent, at, onClose }: { resent: ResentRow; at: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useEventSummary();
  return (
    <div className="progress card" data-testid="resent-delivered" aria-live="polite">
      <div className="resend-now-line">
        <p className="resend-now">
          <strong>
            {t('failed.resentDelivered', {
              time: formatTime(at, i18n.language),
              order: summaryOf({ ...resent.event, reason: null, rejection: null }),
              name: resent.destinationName,
            })}
          </strong>
        </p>
        <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
    </div>
  );
}

/** What a bulk resend said when it started, and the batch it started. */
interface Announced {
  batchId: string;
  text: string;
}

const CLOSED_BATCHES = 'hookferry.closedBatches';

/** Finished resends the merchant closed, kept for this browser tab: they do not come back on the next visit. */
function useClosedBatches(): [string[], (id: string) => void] {
  const [closed, setClosed] = useState<string[]>(() => {
    try {
      return JSON.parse(window.sessionStorage.getItem(CLOSED_BATCHES) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const close = (id: string) => {
    const next = [...closed, id];
    setClosed(next);
    try {
      window.sessionStorage.setItem(CLOSED_BATCHES, JSON.stringify(next));
    } catch {
      // A browser that refuses storage closes the card for this visit only.
    }
  };
  return [closed, close];
}

function BatchProgress({ batch, onClose }: { batch: ResendBatch; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Deleted since, its deliveries went with it: "Now, at …" had nothing left to count and read "Now, at “Sheet”: .".
  const deleted = !useDestinations().some((destination) => destination.id === batch.destinationId);
  const start = formatTime(batch.startedAt, i18n.language);
  const outcome = [
    t('failed.batchDelivered', { count: batch.delivered }),
    batch.failed > 0 && t('failed.batchFailed', { count: batch.failed }),
    batch.discarded > 0 && t('failed.batchDiscarded', { count: batch.discarded }),
    batch.waiting > 0 && t('failed.batchWaiting', { count: batch.waiting }),
  ]
    .filter(Boolean)
    .join(' · ');
  // A finished resend leads with where its events stand now, then what it did: read the other way round, "2 failed
  // again" stood first for orders resent on their own since and delivered.
  const { now } = batch;
  const nowOutcome = [
    now.delivered > 0 && t('failed.nowDelivered', { count: now.delivered, name: batch.destinationName }),
    now.failed > 0 && t('failed.nowFailed', { count: now.failed }),
    now.discarded > 0 && t('failed.nowDiscarded', { count: now.discarded }),
    now.waiting > 0 && t('failed.nowWaiting', { count: now.waiting }),
  ]
    .filter(Boolean)
    .join(' · ');
  const title = t(batch.finishedAt ? 'failed.batchDone' : 'failed.batchRunning', {
    name: batch.destinationName,
    count: batch.total,
  });
  return (
    <div className="progress card" data-testid="resend-progress" aria-live="polite">
      {batch.finishedAt && (
        <div className="resend-now-line">
          <p className="resend-now" data-testid="resend-now">
            <strong>
              {deleted
                ? t('failed.batchNowDeleted', { name: batch.destinationName })
                : t('failed.batchNow', { name: batch.destinationName, outcome: nowOutcome })}
            </strong>
          </p>
          {/* A finished resend's outcome is read once; then it may go (one running stays until it ends). */}
          <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>
            ✕
          </button>
        </div>
      )}
      <p data-testid="resend-outcome">
        {batch.finishedAt ? title : <strong>{title}</strong>} {outcome}
      </p>
      <OutcomeBar batch={batch} outcome={outcome} />
      <p className="hint">
        {batch.finishedAt
          ? t('failed.batchFinished', { start, end: formatTime(batch.finishedAt, i18n.language) })
          : t('failed.batchStarted', { start })}
      </p>
    </div>
  );
}

/**
 * What the resend did, in parts beside the sentence that counts them: delivered, failed again, discarded, still
 * waiting, each in its own colour. One full bar read as a resend that went through when none of it had.
 */
function OutcomeBar({ batch, outcome }: { batch: ResendBatch; outcome: string }) {
  const done = batch.delivered + batch.failed + batch.discarded;
  const parts = [
    ['delivered', batch.delivered],
    ['failed', batch.failed],
    ['discarded', batch.discarded],
    ['pending', batch.waiting],
  ] as const;
  return (
    <div
      className="outcome-bar"
      role="progressbar"
      aria-label={outcome}
      aria-valuemin={0}
      aria-valuemax={batch.total}
      aria-valuenow={done}
      aria-valuetext={outcome}
      data-testid="outcome-bar"
    >
      {parts.map(
        ([part, count]) =>
          count > 0 && (
            <span
              key={part}
              className={`bar-${part}`}
              data-part={part}
              style={{ width: `${(100 * count) / Math.max(batch.total, 1)}%` }}
            />
          ),
      )}
    </div>
  );
}

/**
 * Once a resend from this page started, what comes next: one try now (or once the paused destination is resumed),
 * and if it fails, the event back here at once. The row leaves the list while it is tried; without a word it read as
 * a day of tries, as a resend used to be.
 */
function useSayResent(destinationId: string) {
  const { t } = useTranslation();
  const { say } = useApp();
  const { deliveriesPaused } = useSettings();
  const paused = useDestinations().find((destination) => destination.id === destinationId)?.paused ?? false;
  return (count: number) => {
    const text = t(deliveriesPaused || paused ? 'failed.resentPaused' : 'failed.resent', { count });
    say(text);
    return text;
  };
}

/** What a destination's group needs to show its reasons' rows, read more of them, and follow what it resent. */
interface RowsOfReasons {
  rowsShown: Record<string, number>;
  loadingMore: boolean;
  onMore: (key: string) => void;
  onOpen: (eventId: string) => void;
  /** A bulk resend started the batch of `batchId` (none when nothing was queued) and said `text`. */
  onResent: (batchId: string | null, text: string) => void;
  /** The rows resent one by one, by delivery id. */
  resentRows: Record<string, ResentRow>;
  onResentRow: (deliveryId: string, row: ResentRow) => void;
}

function DestinationGroup({ destination, ...rows }: { destination: DestinationCounts } & RowsOfReasons) {
  const { t } = useTranslation();
  const { engine } = useApp();
  const act = useAction();
  const refresh = useRefresh();
  const { destinationId: id, destinationName: name, count } = destination;
  const sayResent = useSayResent(id);

  const resendAll = async () => {
    const resent = await act(() => engine.api('resendFailed', { params: { id }, body: {} }));
    if (resent) rows.onResent(resent.batchId, sayResent(resent.queued));
    await refresh();
  };
  // Asked in place, as a row's Discard is: a browser dialog hid the page it asks about.
  const [asking, setAsking] = useState(false);
  const discardAll = async () => {
    setAsking(false);
    await act(() => engine.api('discardFailed', { params: { id }, body: {} }));
    await refresh();
  };

  return (
    <article className="card" data-testid="failed-group" aria-labelledby={`failed-${id}`}>
      <header className="row">
        <h3 id={`failed-${id}`}>
          {name} <span className="muted">· {t('failed.deliveries', { count })}</span>
        </h3>
        <button className="primary" onClick={() => void resendAll()}>
          {t('failed.resendAll', { count })}
        </button>
        <button onClick={() => setAsking(true)} aria-expanded={asking}>
          {t('failed.discardAll')}
        </button>
      </header>
      {asking && (
        <DiscardConfirm onConfirm={() => void discardAll()} onCancel={() => setAsking(false)}>
          {t('failed.confirmDiscard', { count, name })}
        </DiscardConfirm>
      )}
      {/* In the engine's order: the reason holding the newest order first, as the rows of each reason are. */}
      {destination.reasons.map((reason) => (
        <ReasonGroup key={reason.lastError ?? ''} destination={destination} reason={reason} {...rows} />
      ))}
    </article>
  );
}

/** The question every Discard of the page asks first, in place: a whole destination's, a reason's or one row's. */
function DiscardConfirm({
  onConfirm,
  onCancel,
  children,
}: {
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <InlineConfirm
      title={t('failed.confirmDiscardTitle')}
      confirm={t('failed.confirmDiscardOne')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="discard-confirm"
      danger
    >
      {children}
    </InlineConfirm>
  );
}

/** What `asking` holds while the whole reason's Discard waits for a yes (a row's is its delivery id). */
const REASON = 'reason';

function ReasonGroup({
  destination,
  reason,
  rowsShown,
  loadingMore,
  onMore,
  onOpen,
  onResent,
  resentRows,
  onResentRow,
}: { destination: DestinationCounts; reason: ReasonCounts } & RowsOfReasons) {
  const { t, i18n } = useTranslation();
  const lineFreed = useLineFreedText();
  const reasonText = useReasonText();
  const summaryOf = useEventSummary();
  const { engine } = useApp();
  const act = useAction();
  const refresh = useRefresh();
  const id = destination.destinationId;
  const lastError = reason.lastError ?? undefined;
  const key = reasonKey(id, reason.lastError);
  const rows = reason.rows.slice(0, rowsShown[key] ?? FAILED_ROWS);
  const sayResent = useSayResent(id);

  // The row (or the whole reason) whose Discard waits for a yes: a discarded order is never sent there again by itself.
  const [asking, setAsking] = useState<string | null>(null);
  const resendReason = async () => {
    const resent = await act(() => engine.api('resendFailed', { params: { id }, body: { lastError } }));
    if (resent) onResent(resent.batchId, sayResent(resent.queued));
    await refresh();
  };
  const discardReason = async () => {
    setAsking(null);
    await act(() => engine.api('discardFailed', { params: { id }, body: { lastError } }));
    await refresh();
  };
  const one = async (action: 'resendDelivery' | 'discardDelivery', row: ReasonCounts['rows'][number]) => {
    setAsking(null);
    const at = new Date().toISOString();
    const done = await act(() => engine.api(action, { params: { id: row.id } }));
    if (done && action === 'resendDelivery')
      onResentRow(row.id, {
        at,
        lastTryBefore: row.lastAttemptAt,
        said: sayResent(1),
        eventId: row.eventId,
        event: row.event,
        destinationName: destination.destinationName,
      });
    await refresh();
  };

  return (
    <div className="reason" data-testid="failed-reason">
      <div className="row">
        <p className="error-text grow">
          {/* Three lines of a long reason, the whole of it on hover and in an event's drawer; its count stays seen. */}
          <span
            className="clamped"
            data-testid="failed-reason-text"
            title={reason.lastError ? reasonText(reason.reason, reason.lastError) : undefined}
          >
            {reason.lastError ? reasonText(reason.reason, reason.lastError) : t('failed.noReason')}
          </span>{' '}
          <span className="muted reason-count">({t('failed.deliveries', { count: reason.count })})</span>
        </p>
        <button onClick={() => void resendReason()}>{t('failed.resendReason', { count: reason.count })}</button>
        <button onClick={() => setAsking(REASON)} aria-expanded={asking === REASON}>
          {t('failed.discardReason')}
        </button>
      </div>
      {asking === REASON && (
        <DiscardConfirm onConfirm={() => void discardReason()} onCancel={() => setAsking(null)}>
          {t('failed.confirmDiscard', { count: reason.count, name: destination.destinationName })}
        </DiscardConfirm>
      )}
      <ul className="failed-rows">
        {rows.map((row) => {
          const order = summaryOf({ ...row.event, reason: null, rejection: null });
          const resent = resentRows[row.id];
          const failedAgain = !!resent && row.lastAttemptAt !== resent.lastTryBefore;
          return (
            <li key={row.id} data-testid="failed-row">
              <div className="row">
                <span className="time muted">{formatTime(row.event.receivedAt, i18n.language)}</span>
                <button type="button" className="link grow" onClick={() => onOpen(row.eventId)}>
                  <KeptTogether text={order} />
                </button>
                {/* When it was tried last: a resend that failed again shows here with its new time. */}
                {row.lastAttemptAt && (
                  <span className="time muted" data-testid="last-try">
                    {t('failed.lastTry', { time: formatTime(row.lastAttemptAt, i18n.language) })}
                  </span>
                )}
                <button onClick={() => void one('resendDelivery', row)}>{t('failed.resendOne')}</button>
                <button onClick={() => setAsking(row.id)} aria-expanded={asking === row.id}>
                  {t('failed.discardOne')}
                </button>
              </div>
              {failedAgain && (
                <p className="error-text" data-testid="resent-failed-again">
                  {t('failed.resentFailedAgain', { time: formatTime(resent.at, i18n.language) })}
                </p>
              )}
              {asking === row.id && (
                <DiscardConfirm onConfirm={() => void one('discardDelivery', row)} onCancel={() => setAsking(null)}>
                  {lineFreed(
                    t('failed.confirmDiscardRow', { order, name: destination.destinationName }),
                    row.destinationId,
                    row.eventId,
                    false,
                  )}
                </DiscardConfirm>
              )}
            </li>
          );
        })}
      </ul>
      {reason.count > rows.length && (
        <button className="link" disabled={loadingMore} onClick={() => onMore(key)}>
          {t('failed.showMore')}
        </button>
      )}
    </div>
  );
}
