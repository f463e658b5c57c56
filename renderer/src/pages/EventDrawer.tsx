import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Attempt, type EventDetail, keyRefusalCodes, type TestResult } from '../../../main/api/contract';
import { quotedNames } from '../../../main/api/paused-wait';
import { subscribes } from '../../../main/delivery/patterns';
import { InlineConfirm } from '../components/InlineConfirm';
import { CopyButton } from '../components/CopyButton';
import { ReadError } from '../components/ReadError';
import { StatusBadge } from '../components/StatusBadge';
import { useAction, useApp } from '../context';
import { keys } from '../data/keys';
import { eventQuery, useDestinations, useSources } from '../data/queries';
import { addressOf } from '../lib/address';
import { asCurl } from '../lib/curl';
import { formattedBody } from '../lib/body-view';
import { useEventTitle } from '../lib/event-summary';
import { useEventTypeName } from '../lib/event-type-name';
import { useErrorText } from '../lib/errors';
import { formatSeconds, formatTime } from '../lib/format';
import { useHeldByText } from '../lib/held-sentence';
import { useLineFreedText } from '../lib/line-freed';
import { useReasonText, useTestReasonText } from '../lib/reason';
import { useShowRedacted } from '../lib/redacted';
import { testBadge } from '../lib/test-badge';

/** Refusals of a request's key or signature: the fix is the key, then the order sent again from the POS. */
const KEY_REFUSALS = new Set<string>(keyRefusalCodes);

export function EventDrawer({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const heldByText = useHeldByText('drawer');
  const lineFreed = useLineFreedText();
  const titleOf = useEventTitle();
  const typeName = useEventTypeName();
  const reasonText = useReasonText();
  const showRedacted = useShowRedacted();
  const { engine } = useApp();
  const sources = useSources();
  const destinations = useDestinations();
  const client = useQueryClient();
  const act = useAction();
  const errorText = useErrorText();
  const detail = useQuery(eventQuery(engine, eventId));
  const event = detail.data ?? null;
  const [view, setView] = useState<'pretty' | 'raw'>('pretty');
  const refresh = () => void client.invalidateQueries({ queryKey: keys.eventDetail(eventId) });
  const panel = useRef<HTMLElement>(null);

  // The drawer takes the focus when it opens (and for each event it shows), so Esc and the keyboard act on it.
  useEffect(() => panel.current?.focus(), [eventId]);

  useEffect(() => {
    const onKey = (keyboard: KeyboardEvent) => keyboard.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // A destination that confirmed the event would get it a second time: asked first, beside the button pressed.
  // Kept with the event it was asked on, so another event opened in the drawer does not inherit the question.
  const [asked, setAsking] = useState<Asking | null>(null);
  const asking = asked?.eventId === eventId ? asked : null;
  // A delivery discarded is never sent there again by itself: asked first too, as on the Failed page.
  const [discarding, setDiscarding] = useState<{ eventId: string; deliveryId: string } | null>(null);

  // What a resend answered, said beside the button pressed: the page's banner sat behind this drawer, unseen.
  const [resent, setResent] = useState<Resent | null>(null);
  const resentHere = (destinationId: string | null) =>
    resent?.eventId === eventId && resent.destinationId === destinationId ? (
      <p className={`banner ${resent.tone}`} role={resent.tone === 'error' ? 'alert' : 'status'} data-testid="resent">
        {resent.text}
      </p>
    ) : null;

  /** `evenIfDelivered`: the merchant was asked and said yes; without it the engine refuses what was delivered since. */
  const resend = async (destinationIds?: string[], evenIfDelivered = false) => {
    setAsking(null);
    const where = { eventId, destinationId: destinationIds?.length === 1 ? destinationIds[0]! : null };
    try {
      const result = await engine.api('resendEvent', {
        params: { id: eventId },
        body: { ...(destinationIds && { destinationIds }), ...(evenIfDelivered && { evenIfDelivered }) },
      });
      // Sent to a destination that had it among its earlier events: its card counts them again.
      void client.invalidateQueries({ queryKey: keys.earlierAll });
      // One on the wire now was not queued again (its try is the send): the engine's answer counts it apart.
      const resent = (event?.deliveries ?? []).filter(
        (delivery) =>
          (!destinationIds || destinationIds.includes(delivery.destinationId)) && delivery.status !== 'delivering',
      );
      // A paused destination (or all deliveries paused) keeps what is resent until sending resumes: said so.
      const held = resent.some((delivery) => delivery.paused);
      // One already waiting there is not queued again (`waiting`): if it waits for a pause, it goes on resume, said
      // beside the button too (only the delivery's row below said it).
      const waitsForPause = resent.some((delivery) => delivery.paused && ON_THEIR_WAY.has(delivery.status));
      const { queued: count, sending, waiting } = result;
      const queued =
        count > 0
          ? // A kept event that had no delivery is sent for the first time: "resend" said it had been sent before.
            `${t(held ? 'drawer.resentPaused' : resent.length === 0 ? 'drawer.sentFirst' : 'drawer.resent', { count })} ${afterResend(resent, count, t)}`
          : '';
      setResent({
        ...where,
        // Nothing queued (it already waits, or is being sent): no success to show, a plain sentence.
        tone: count > 0 ? 'ok' : 'said',
        // One an earlier resend queued already waits there: not queued twice, and said so, not counted as queued.
        text: [
          queued,
          sending > 0 ? t('drawer.resendWhileSending', { count: sending }) : '',
          waiting > 0
            ? t(waitsForPause ? 'drawer.resendAlreadyWaitingPaused' : 'drawer.resendAlreadyWaiting', { count: waiting })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (error) {
      setResent({ ...where, tone: 'error', text: errorText(error) });
    }
    refresh();
  };
  const ingestUrl = sources.find((source) => source.id === event?.sourceId)?.ingestUrl ?? '';
  // Where Resend to all would send it without a second copy: a destination that takes it now and has not confirmed
  // it. Said beside a deleted destination's delivery only then: else the advice leads to the duplicate question.
  const notYetThere =
    event && !event.test
      ? destinations.filter(
          (destination) =>
            subscribes(destination, event.type, event.sourceId) &&
            !event.deliveries.some(
              (delivery) => delivery.destinationId === destination.id && delivery.status === 'delivered',
            ),
        )
      : [];

  return (
    <aside
      ref={panel}
      tabIndex={-1}
      className="drawer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="drawer-title"
      data-testid="drawer"
    >
      <header>
        {/* Named as the live log names it; the id, which support asks for, comes second, below. */}
        <h3 id="drawer-title">{event ? titleOf(event) : t('drawer.title')}</h3>
        <button onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      {!event && !detail.error && <p>{t('common.loading')}</p>}
      {detail.error && <ReadError error={detail.error} />}
      {event && (
        <div className="drawer-body">
          <p className="summary-line">
            {/* The live log's row says the same of an event held by a pause, and of a test that failed. */}
            <StatusBadge
              status={event.outcome}
              {...(event.heldBehind
                ? { label: t('log.waitsBehind') }
                : event.waitsPaused
                  ? { label: t('log.waitsPaused') }
                  : testBadge(event, t))}
            />{' '}
            <span className="muted" data-testid="event-id">
              {t('drawer.eventId')} <code>{event.id}</code>
            </span>{' '}
            <CopyButton text={event.id} label={t('common.copy')} />
          </p>
          <p className="muted">
            {formatTime(event.receivedAt, i18n.language)} · {event.sourceName ?? '—'} · {typeName(event.type)}
            {/* The type as the sender named it, unless there was none to name ("unknown"). */}
            {typeName(event.type) !== event.type && event.type !== 'unknown' && <code> {event.type}</code>}
            {/* Who sent it: behind the ngrok tunnel, the sender's own address rather than the tunnel's. */}
            {event.remoteAddress && ` · ${t('drawer.sentFrom', { address: event.remoteAddress })}`}
            {/* 0: a connection closed before any answer (one address holding too many); a test event had no sender. */}
            {event.httpStatus > 0 && !event.test && ` · ${t('drawer.answered', { status: event.httpStatus })}`}
          </p>
          {event.reason && (
            <p className="error-text">
              {t('drawer.reason')}: {reasonText(event.rejection, event.reason)}
            </p>
          )}
          {/* What becomes of a refused request: not an order here; the sender decides whether it comes again. */}
          {event.status === 'rejected' && event.httpStatus > 0 && (
            <p className="hint" data-testid="rejected-next">
              {t(KEY_REFUSALS.has(event.rejection?.code ?? '') ? 'drawer.rejectedKey' : 'drawer.rejectedNext', {
                status: event.httpStatus,
              })}
            </p>
          )}
          <PausedWait event={event} />
          {event.test && <p className="hint">{t('drawer.test')}</p>}
          {event.test && <TestAgain event={event} />}
          {event.routing && <p className="hint">{reasonText(event.routingReason, event.routing)}</p>}
          {event.duplicates > 0 && <p className="hint">{t('drawer.duplicates', { count: event.duplicates })}</p>}
          <div className="actions">
            {/* A test is not resent (the engine refuses to): the test's own button sends a new one, above. */}
            {event.status !== 'rejected' && !event.test && (
              <button
                onClick={() =>
                  confirmed(event.deliveries).length > 0 ? setAsking({ eventId, destinationId: null }) : void resend()
                }
              >
                {t('drawer.resendAll')}
              </button>
            )}
            {ingestUrl && (
              <CopyButton
                text={asCurl(event, ingestUrl, (name) => t('drawer.curlPlaceholder', { name }))}
                label={t('drawer.copyCurl')}
              />
            )}
            {event.body !== null && <CopyButton text={event.body} label={t('drawer.copyBody')} />}
          </div>
          {resentHere(null)}
          {asking?.destinationId === null && (
            <ConfirmResend
              deliveries={confirmed(event.deliveries)}
              again={event.deliveries.filter(
                (delivery) =>
                  delivery.status !== 'delivered' &&
                  destinations.some((destination) => destination.id === delivery.destinationId),
              )}
              // Resend to all routes again (as the engine does): one that takes it now gets it for the first time.
              first={destinations.filter(
                (destination) =>
                  subscribes(destination, event.type, event.sourceId) &&
                  !event.deliveries.some((delivery) => delivery.destinationId === destination.id),
              )}
              onSend={() => void resend(undefined, true)}
              onCancel={() => setAsking(null)}
            />
          )}

          <h4>{t('drawer.deliveries')}</h4>
          {event.deliveries.length === 0 && <p className="hint">{t('drawer.noDeliveries')}</p>}
          <ul className="deliveries">
            {event.deliveries.map((delivery) => (
              <li key={delivery.id} data-testid="delivery">
                <header>
                  <strong>
                    {delivery.destinationDeleted
                      ? t('drawer.deletedDestination', { name: delivery.destinationName })
                      : delivery.destinationName}
                  </strong>{' '}
                  <StatusBadge
                    status={delivery.status}
                    {...((stillWaits(delivery) ? deliveryWaitBadge(delivery, t) : undefined) ??
                      testBadge({ test: event.test, status: delivery.status }, t))}
                  />
                  {/* Nothing more is sent to a deleted destination: its delivery is history. */}
                  {!event.test && !delivery.destinationDeleted && (
                    <button
                      onClick={() =>
                        delivery.status === 'delivered'
                          ? setAsking({ eventId, destinationId: delivery.destinationId })
                          : void resend([delivery.destinationId])
                      }
                    >
                      {t('drawer.resendOne')}
                    </button>
                  )}
                  {['failed', 'retrying', 'pending'].includes(delivery.status) && (
                    <button
                      onClick={() => setDiscarding({ eventId, deliveryId: delivery.id })}
                      aria-expanded={discarding?.deliveryId === delivery.id}
                    >
                      {t('drawer.discard')}
                    </button>
                  )}
                </header>
                {discarding?.eventId === eventId && discarding.deliveryId === delivery.id && (
                  <InlineConfirm
                    title={t('failed.confirmDiscardTitle')}
                    confirm={t('failed.confirmDiscardOne')}
                    onConfirm={() => {
                      setDiscarding(null);
                      void act(() => engine.api('discardDelivery', { params: { id: delivery.id } })).then(refresh);
                    }}
                    onCancel={() => setDiscarding(null)}
                    testId="discard-confirm"
                    danger
                  >
                    {lineFreed(
                      t('drawer.confirmDiscard', { order: titleOf(event), name: delivery.destinationName }),
                      delivery.destinationId,
                      event.id,
                      stillWaits(delivery),
                    )}
                  </InlineConfirm>
                )}
                {resentHere(delivery.destinationId)}
                {asking?.destinationId === delivery.destinationId && (
                  <ConfirmResend
                    deliveries={[delivery]}
                    onSend={() => void resend([delivery.destinationId], true)}
                    onCancel={() => setAsking(null)}
                  />
                )}
                {delivery.paused && <p className="hint">{t('drawer.paused')}</p>}
                {/* Given up when its destination was deleted: why, and where Resend to all sends it now. */}
                {delivery.destinationDeleted && delivery.lastReason?.code.startsWith('deleted.') && (
                  <p className="hint" data-testid="given-up-at-deletion">
                    {reasonText(delivery.lastReason, delivery.lastError ?? '')}
                    {notYetThere.length > 0 &&
                      ` ${t('drawer.deletedResendAll', { count: notYetThere.length, names: quotedNames(notYetThere.map((destination) => destination.name)) })}`}
                  </p>
                )}
                {delivery.heldBy && (
                  <p className="hint">
                    <a href={addressOf('log', { event: delivery.heldBy.eventId })} data-testid="held-by">
                      {heldByText(delivery.heldBy, delivery.paused)}
                    </a>
                  </p>
                )}
                {delivery.nextAttemptAt && (
                  <p className="hint">
                    {t('drawer.nextAttempt', { time: formatTime(delivery.nextAttemptAt, i18n.language) })}
                  </p>
                )}
                <Attempts attempts={delivery.attempts} />
              </li>
            ))}
          </ul>

          {/* A test event came from no sender, so it has no headers: no heading over nothing. */}
          {Object.keys(event.headers).length > 0 && (
            <>
              <h4>{t('drawer.headers')}</h4>
              <table className="headers">
                <tbody>
                  {Object.entries(event.headers).map(([name, value]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{showRedacted(value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          <h4>{t('drawer.body')}</h4>
          <div role="tablist" className="tabs">
            <button role="tab" aria-selected={view === 'pretty'} onClick={() => setView('pretty')}>
              {t('drawer.pretty')}
            </button>
            <button role="tab" aria-selected={view === 'raw'} onClick={() => setView('raw')}>
              {t('drawer.raw')}
            </button>
          </div>
          <pre className="body" data-testid="body">
            {view === 'pretty' ? formattedBody(event) : (event.body ?? '')}
          </pre>
        </div>
      )}
    </aside>
  );
}

/**
 * What follows a resend of `count` deliveries, `resent` being those the event had: one try for each (a destination
 * new to the event included), back in Failed if it fails; one still on its way keeps the rest of its schedule.
 */
function afterResend(resent: DeliveryDetail[], count: number, t: TFunction): string {
  const onTheirWay = resent.filter((delivery) => ON_THEIR_WAY.has(delivery.status)).length;
  if (onTheirWay === 0) return t('drawer.resentOneTry', { count });
  return onTheirWay >= count ? t('drawer.resentOnSchedule', { count }) : t('drawer.resentMixed');
}

const ON_THEIR_WAY = new Set<string>(['pending', 'retrying', 'delivering']);

/** What a resend waits to be confirmed for: one destination, or every one ("Resend to all", null). */
type Asking = { eventId: string; destinationId: string | null };

/** What the engine answered a resend of the event, to one destination or to all (null), in the drawer's words. */
type Resent = Asking & { tone: 'ok' | 'said' | 'error'; text: string };

type DeliveryDetail = EventDetail['deliveries'][number];

/** The deliveries whose destination confirmed it had the event: resent, they get it a second time. */
function confirmed(deliveries: DeliveryDetail[]): DeliveryDetail[] {
  return deliveries.filter((delivery) => delivery.status === 'delivered');
}

/**
 * Resending what a destination confirmed makes it a duplicate there (a second order in the books), which can be
 * right when the destination lost it: the merchant says so, knowing when it was confirmed.
 */
function ConfirmResend({
  deliveries,
  again = [],
  first = [],
  onSend,
  onCancel,
}: {
  deliveries: DeliveryDetail[];
  /** Where it goes again without being a duplicate: they never confirmed it. */
  again?: DeliveryDetail[];
  /** Where it goes for the first time. */
  first?: { name: string }[];
  onSend: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const when = (delivery: DeliveryDetail) => {
    const at = delivery.attempts.findLast((attempt) => attempt.category === 'delivered')?.at;
    return at
      ? t('drawer.confirmedAt', { name: delivery.destinationName, time: formatTime(at, i18n.language) })
      : t('drawer.confirmedNamed', { name: delivery.destinationName });
  };
  return (
    <InlineConfirm
      title={t('drawer.confirmTitle')}
      confirm={t('drawer.confirmSend')}
      onConfirm={onSend}
      onCancel={onCancel}
      testId="resend-confirm"
    >
      {/* Not a plural: Vietnamese has one form, and says "that place" or "those places" all the same. */}
      {t(deliveries.length === 1 ? 'drawer.confirmResendOne' : 'drawer.confirmResendMany', {
        confirmed: deliveries.map(when).join('; '),
      })}
      {/* Every place it goes is named: the question spoke of the duplicate only, and a first send elsewhere came
          unasked. */}
      {again.length > 0 &&
        ` ${t('drawer.confirmAlsoAgain', { names: quotedNames(again.map((delivery) => delivery.destinationName)) })}`}
      {first.length > 0 &&
        ` ${t('drawer.confirmAlsoFirst', { names: quotedNames(first.map((destination) => destination.name)) })}`}
    </InlineConfirm>
  );
}

/**
 * A test event is not resent: resending would send the old sample again through the queue, with retries, as if
 * it were an order. Trying again means what the card's "Send test event" does: a new test, tried once.
 */
function TestAgain({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { engine } = useApp();
  const act = useAction();
  const client = useQueryClient();
  const testReasonText = useTestReasonText();
  const [busy, setBusy] = useState(false);
  // Kept as answered and said at each render: it changes language with the page.
  const [outcome, setOutcome] = useState<TestResult | null>(null);
  const destination = event.deliveries[0];
  if (!destination) return null;
  const sendTest = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await act(() => engine.api('testDestination', { params: { id: destination.destinationId } }));
    setBusy(false);
    if (!result) return;
    void client.invalidateQueries({ queryKey: keys.stats });
    setOutcome(result);
  };
  return (
    <div className="actions">
      <button type="button" disabled={busy} aria-busy={busy} onClick={() => void sendTest()}>
        {busy ? t('destinationCard.testing') : t('drawer.testAgain')}
      </button>
      {outcome && (
        <p className="hint" role="status" data-testid="test-again">
          {outcome.ok
            ? t('drawer.testAgainOk')
            : t('drawer.testAgainFailed', { error: testReasonText(outcome.reason, outcome.error ?? '') })}
        </p>
      )}
    </div>
  );
}

/** A delivery still to go: waiting for its first try or for its next one. */
function stillWaits(delivery: EventDetail['deliveries'][number]): boolean {
  return delivery.status === 'pending' || delivery.status === 'retrying';
}

/**
 * What a delivery still to go waits for, as the Overview counts it: behind a failed event of its ordered line, paused
 * or not (a resume does not send it); for a pause; behind another event of its line. Undefined: on its way.
 */
function deliveryWaitBadge(delivery: EventDetail['deliveries'][number], t: TFunction) {
  if (delivery.heldBy?.status === 'failed') return { label: t('log.waitsBehind') };
  if (delivery.paused) return { label: t('log.waitsPaused') };
  if (delivery.heldBy) return { label: t('log.waitsBehind') };
  return undefined;
}

/** The deliveries a waiting event waits for, when every one of them waits for a pause (see `waitsPaused`). */
function waitingOnlyForPause(event: EventDetail) {
  return event.waitsPaused ? event.deliveries.filter(stillWaits) : null;
}

/**
 * "On its way" alone would be untrue of an event that waits only for paused destinations: it says where it
 * went and what it waits for.
 */
function PausedWait({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const waiting = waitingOnlyForPause(event);
  if (!waiting) return null;
  const paused = quotedNames(waiting.map((delivery) => delivery.destinationName));
  const delivered = event.deliveries.filter((delivery) => delivery.status === 'delivered');
  return (
    <p className="hint" data-testid="paused-wait">
      {delivered.length > 0
        ? t('drawer.deliveredWaitsPaused', {
            delivered: quotedNames(delivered.map((delivery) => delivery.destinationName)),
            paused,
          })
        : t('drawer.waitsPaused', { paused })}
    </p>
  );
}

/** How many of a delivery's attempts show at once, newest first; the older ones fold away. */
const RECENT_ATTEMPTS = 3;

function Attempts({ attempts }: { attempts: Attempt[] }) {
  const { t } = useTranslation();
  const numbered = attempts.map((attempt, index) => ({ attempt, n: index + 1 })).reverse();
  const recent = numbered.slice(0, RECENT_ATTEMPTS);
  const older = numbered.slice(RECENT_ATTEMPTS);
  return (
    <>
      <ul className="timeline">
        {recent.map((entry) => (
          <AttemptRow key={entry.n} {...entry} />
        ))}
      </ul>
      {older.length > 0 && (
        <details className="older-attempts">
          <summary>{t('drawer.olderAttempts', { count: older.length })}</summary>
          <ul className="timeline">
            {older.map((entry) => (
              <AttemptRow key={entry.n} {...entry} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function AttemptRow({ attempt, n }: { attempt: Attempt; n: number }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <li className={`attempt attempt-${attempt.category}`} data-testid="attempt">
      <span>{t('drawer.attempt', { n })}</span> <span className="muted">{formatTime(attempt.at, i18n.language)}</span>{' '}
      <strong>{attempt.httpStatus ?? t(`attemptCategory.${attempt.category}`)}</strong>{' '}
      {/* A try cut off by a crash has no known length: no answer ended it. */}
      {attempt.category !== 'interrupted' && (
        <span className="muted">
          {t('destinationCard.seconds', { s: formatSeconds(attempt.durationMs, i18n.language) })}
        </span>
      )}
      {/* A destination that passes the event by on purpose (Zithara and a walk-in sale) did nothing wrong: said plainly. */}
      {attempt.error && (
        <div className={attempt.category === 'skipped' ? 'said-text' : 'error-text'}>
          {reasonText(attempt.reason, attempt.error)}
        </div>
      )}
      {attempt.responseSnippet && <pre className="snippet">{attempt.responseSnippet}</pre>}
    </li>
  );
}
