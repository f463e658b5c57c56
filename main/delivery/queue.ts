import type { Logger } from 'pino';
import type { Attempt, DeliverySummary } from '../api/contract.js';
import type { Cause, LiveLog } from '../live/live-log.js';
import {
  type AttemptResult,
  type ClaimedDelivery,
  type CutOffTry,
  type DeliveryStore,
  type RecordedResult,
  referenceOf,
} from '../store/deliveries.js';
import type { ActiveDestination, DestinationStore } from '../store/destinations.js';
import { storedBodyOf } from '../store/body-format.js';
import { GroupCommitter } from '../store/group-commit.js';
import { triedAsSetUp } from '../store/recent-attempts.js';
import { saidForNextStep } from './next-step.js';
import { said } from './said.js';
import { asksForAWait, BUSY_TRIES, busyRetryDelay, retryDelay } from './schedule.js';
import type { Outcome } from './send.js';
import type { OutgoingEvent } from './outgoing.js';

/** Consecutive failures after which a destination counts as failing and gets one probe at a time. */
export const FAILING_AFTER = 5;
/** Results gather this long before one commit writes them all. */
const RESULT_WINDOW_MS = 5;
/** How long the queue waits after a result could not be written to the database. */
const RECORD_FAILURE_PAUSE_MS = 5000;
/** The longest the queue sleeps without looking again, in case a clock jumps. */
const MAX_SLEEP_MS = 60_000;

interface Health {
  consecutiveFailures: number;
}

export interface QueueDeps {
  deliveries: DeliveryStore;
  destinations: DestinationStore;
  deliver: (destination: ActiveDestination, event: OutgoingEvent) => Promise<Outcome>;
  live: LiveLog;
  log: Logger;
  paused: () => boolean;
  /** After a result is written: a bulk resend following this delivery counts it. */
  recorded: (deliveryId: number) => void;
}

/**
 * Moves deliveries: wakes after each intake commit, after each result, and at
 * the earliest due retry (a timer, not a polling loop); claims due deliveries
 * per destination up to its free slots; sends them; and records results in
 * batches through a group committer.
 *
 * Sends are never held back for intake: under a flood of requests both share
 * the event loop, so a shop posting steadily sees each order forwarded at once
 * rather than after the rush (holding sends while intake was busy starved them).
 */
export class DeliveryQueue {
  /** Per destination: deliveries claimed and not yet recorded (shown as delivering; never claimed twice). */
  private readonly inFlight = new Map<string, Set<number>>();
  /** The tries out now, by delivery: a stop that cannot wait for them writes each down as cut off. */
  private readonly outNow = new Map<
    number,
    { destination: ActiveDestination; delivery: ClaimedDelivery; startedAt: number }
  >();
  /** Per destination: requests on the wire now; this is what concurrency limits. */
  private readonly sending = new Map<string, number>();
  private readonly health = new Map<string, Health>();
  private readonly results: GroupCommitter<AttemptResult, RecordedResult>;
  private pumpScheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private released = false;
  private coolDownUntil = 0;
  private idle: (() => void) | null = null;

  constructor(private readonly deps: QueueDeps) {
    this.results = new GroupCommitter((batch: AttemptResult[]) => deps.deliveries.record(batch), 256, RESULT_WINDOW_MS);
  }

  /** Look for due work soon (coalesced to once per turn of the event loop). */
  wake(): void {
    if (this.pumpScheduled || this.stopped) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /**
   * Asked with the delivery's destination: the try of a deleted destination's delivery stays here until it ends, and
   * is never taken for another destination's delivery.
   */
  isInFlight = (deliveryId: number, destinationId: string): boolean =>
    this.inFlight.get(destinationId)?.has(deliveryId) ?? false;

  /** A new address starts with a clean slate: the failures in a row were the old one's. */
  forgetFailures(destinationId: string): void {
    this.health.delete(destinationId);
  }

  /**
   * A test event went through while nothing of the destination waits: its receiver answers again, and no order is
   * left to prove it. The failures in a row are forgotten (the next order is not sent as a lone probe) and, if they
   * had made it failing, the dashboards hear it is back.
   */
  testWentThrough(destination: ActiveDestination): void {
    const wasFailing = (this.health.get(destination.id)?.consecutiveFailures ?? 0) >= FAILING_AFTER;
    this.health.delete(destination.id);
    if (wasFailing)
      this.deps.live.notice('info', 'notice.destinationBack', {
        destination: destination.name,
        destinationId: destination.id,
      });
  }

  healthOf(destination: ActiveDestination): 'healthy' | 'failing' | 'paused' {
    if (destination.paused || this.deps.paused()) return 'paused';
    return (this.health.get(destination.id)?.consecutiveFailures ?? 0) >= FAILING_AFTER ? 'failing' : 'healthy';
  }

  /**
   * At start: each destination's failures in a row are read from the tries kept, whatever waits for it now. Recalled
   * only for what still waited, a destination whose failed orders all sat in Failed came back with none: its next
   * failed order read "will retry" under a receiver still broken, where the run that never stopped said failing. One a
   * test went through since its latest failure, with nothing of it waiting, starts clean, as testWentThrough left it.
   */
  recallFailures(): void {
    for (const destination of this.deps.destinations.active()) {
      if (this.deps.deliveries.mendedByTest(destination.id)) continue;
      const consecutiveFailures = this.deps.deliveries.failuresInARow(destination.id);
      if (consecutiveFailures > 0) this.health.set(destination.id, { consecutiveFailures });
    }
  }

  /**
   * At start, before anything is sent: the tries the last run had on the wire when it stopped or crashed (marked
   * before they went out, see DeliveryStore.markSending) are written down as cut off, and go again now.
   */
  recordInterrupted(now = Date.now()): void {
    const cutOff = this.deps.deliveries.interruptedTries();
    if (cutOff.length === 0) return;
    // How long each was out is not known: the process ended without a word.
    this.deps.deliveries.record(cutOff.map((tried) => interruptedResult(tried, 0, now)));
    this.deps.log.warn({ count: cutOff.length }, 'tries cut off by the last stop were written down; they go again');
  }

  /**
   * Stops claiming and gives what is in flight `graceMs` to finish and be
   * recorded. What is still out then is written down as cut off (the
   * destination may have it) and is due again at the next start; the answer
   * that may still come is not waited for.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlightTotal() > 0) {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => (timeout = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timeout);
    }
    this.released = true;
    const now = Date.now();
    for (const { destination, delivery, startedAt } of this.outNow.values()) {
      void this.results
        .submit(
          interruptedResult(
            { deliveryId: delivery.id, destinationId: destination.id, eventSeq: delivery.eventSeq, startedAt },
            now - startedAt,
            now,
          ),
        )
        // Not written (the disk is full): the mark stays, and the next start writes it down.
        .catch(() => undefined);
    }
    this.results.flush();
  }

  inFlightTotal(): number {
    let count = 0;
    for (const ids of this.inFlight.values()) count += ids.size;
    return count;
  }

  /** The deliveries of one destination on the wire now. */
  inFlightIds(destinationId: string): number[] {
    return [...(this.inFlight.get(destinationId) ?? [])];
  }

  private pump(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.deps.paused()) return;
    const now = Date.now();
    if (now < this.coolDownUntil) {
      this.timer = setTimeout(() => this.pump(), this.coolDownUntil - now);
      this.timer.unref();
      return;
    }
    let nextAt = Infinity;
    const starting: { destination: ActiveDestination; delivery: ClaimedDelivery }[] = [];
    const withWork = this.deps.deliveries.destinationsWithWork();
    for (const destination of this.deps.destinations.active()) {
      if (destination.paused || !withWork.has(destination.id)) continue;
      const flying = this.flyingFor(destination.id);
      // Ordered mode and a failing destination wait for the result to be recorded: it decides what goes next.
      let slots = destination.ordered
        ? 1 - flying.size
        : destination.concurrency - (this.sending.get(destination.id) ?? 0);
      if (this.healthOf(destination) === 'failing') slots = Math.min(slots, 1 - flying.size);
      if (slots <= 0) continue;
      const claimed = destination.ordered
        ? [this.deps.deliveries.dueHead(destination.id, now)].filter((head): head is ClaimedDelivery => head !== null)
        : this.deps.deliveries.due(destination.id, now, slots, flying);
      for (const delivery of claimed) starting.push({ destination, delivery });
      if (claimed.length < slots) {
        const due = this.deps.deliveries.nextDueAt(destination.id, destination.ordered);
        if (due !== null && due > now) nextAt = Math.min(nextAt, due);
      }
    }
    if (starting.length > 0) {
      try {
        this.deps.deliveries.markSending(
          starting.map(({ delivery }) => delivery.id),
          now,
        );
      } catch (error) {
        // Not even a mark can be written (disk full): nothing goes out unrecorded; the queue looks again later.
        this.deps.log.error({ err: error }, 'could not mark deliveries as being sent');
        this.coolDownUntil = Date.now() + RECORD_FAILURE_PAUSE_MS;
        this.timer = setTimeout(() => this.pump(), RECORD_FAILURE_PAUSE_MS);
        this.timer.unref();
        return;
      }
      for (const { destination, delivery } of starting) this.start(destination, delivery, now);
    }
    if (nextAt !== Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.min(nextAt - now, MAX_SLEEP_MS));
      this.timer.unref();
    }
  }

  private flyingFor(destinationId: string): Set<number> {
    let set = this.inFlight.get(destinationId);
    if (!set) this.inFlight.set(destinationId, (set = new Set()));
    return set;
  }

  private start(destination: ActiveDestination, delivery: ClaimedDelivery, startedAt: number): void {
    const flying = this.flyingFor(destination.id);
    flying.add(delivery.id);
    this.sending.set(destination.id, (this.sending.get(destination.id) ?? 0) + 1);
    this.outNow.set(delivery.id, { destination, delivery, startedAt });
    const event: OutgoingEvent = Object.assign(
      // Parsed on the engine only when a destination reads it and the body is small (see DeliveryBodies).
      storedBodyOf({
        parsed: delivery.parsed,
        status: delivery.eventStatus,
        body: delivery.body,
        content_type: delivery.contentType,
      }),
      {
        id: delivery.eventId,
        type: delivery.type,
        sourceName: delivery.sourceName,
        contentType: delivery.contentType,
        body: delivery.body ?? Buffer.alloc(0),
      },
    );
    // A retry's drawer said "next try at …": it says it is on the wire now, not a time gone by. (First tries go
    // at once, so telling each of them would only double the stream's messages.)
    if (delivery.attemptCount > 0) this.toldOnTheWire(delivery);
    this.deps
      .deliver(destination, event)
      .then((outcome) => {
        // Answered: from here its result is on its way to the store, so a stop must not write it down as cut off.
        this.outNow.delete(delivery.id);
        this.sending.set(destination.id, (this.sending.get(destination.id) ?? 1) - 1);
        this.wake();
        // Deleted while this try was out, its delivery was given up and kept: the result is written on it as any
        // other (see DeliveryStore.giveUpAtDeletion).
        return this.finish(destination, delivery, startedAt, outcome);
      })
      .catch((error: unknown) => {
        // The result could not be stored (disk full?): the delivery stays due, so wait before trying it again.
        this.deps.log.error({ err: error }, 'a delivery result could not be recorded');
        this.coolDownUntil = Date.now() + RECORD_FAILURE_PAUSE_MS;
      })
      .finally(() => {
        flying.delete(delivery.id);
        this.outNow.delete(delivery.id);
        if (this.stopped && this.inFlightTotal() === 0) this.idle?.();
        this.wake();
      });
  }

  private toldOnTheWire(delivery: ClaimedDelivery): void {
    const summary = this.deps.deliveries.summary(delivery.id, {
      inFlight: this.isInFlight,
      paused: () => false,
      now: Date.now(),
    });
    if (summary)
      this.deps.live.publish({
        type: 'delivery',
        eventId: delivery.eventId,
        eventStatus: delivery.eventStatus,
        eventOutcome: delivery.eventOutcome,
        delivery: summary,
        attempt: null,
      });
  }

  private async finish(
    destination: ActiveDestination,
    delivery: ClaimedDelivery,
    startedAt: number,
    outcomeOfTry: Outcome,
  ): Promise<void> {
    if (this.released) return;
    // A try Hookferry was too busy to make took its time all the same (waiting for the body process, then its
    // whole allowance): said as it was, not as 0 ms.
    const tried =
      outcomeOfTry.category === 'busy' ? { ...outcomeOfTry, durationMs: Date.now() - startedAt } : outcomeOfTry;
    const attemptNumber = delivery.attemptCount + 1;
    const retryable =
      !tried.final && (tried.category === 'http' || tried.category === 'network' || tried.category === 'timeout');
    const busy = tried.category === 'busy';
    // A person's resend is one try: failed, it is back in Failed now, with this try's reason. Only a try that said
    // nothing of the event waits as before: Hookferry too busy to make it, or a destination asking for a wait.
    const lastTry = delivery.oneTry === 1 && !asksForAWait(tried);
    const delay = busy
      ? busyRetryDelay(
          destination.retry,
          attemptNumber,
          this.deps.deliveries.busyTriesInARow(delivery.id, Math.min(delivery.attemptCount, BUSY_TRIES - 1)) + 1,
        )
      : retryable && !lastTry
        ? retryDelay(destination.retry, attemptNumber, tried.retryAfterMs)
        : null;
    const outcome = retryable || busy ? saidForNextStep(tried, delay) : tried;
    const status =
      outcome.category === 'delivered'
        ? 'delivered'
        : outcome.category === 'skipped'
          ? 'skipped'
          : delay === null
            ? 'failed'
            : 'retrying';
    const result: AttemptResult = {
      deliveryId: delivery.id,
      destinationId: destination.id,
      eventSeq: delivery.eventSeq,
      startedAt,
      durationMs: outcome.durationMs,
      category: outcome.category,
      httpStatus: outcome.httpStatus,
      error: outcome.error,
      reason: outcome.reason,
      responseSnippet: outcome.responseSnippet,
      status,
      nextAttemptAt: delay === null ? null : startedAt + outcome.durationMs + delay,
    };
    const recorded = await this.results.submit(result);
    const { eventStatus, eventOutcome } = recorded;
    // Discarded or resent while this try was out: the row's own next step stands, not this try's.
    const overruled = recorded.status !== result.status;
    this.deps.recorded(delivery.id);
    const attempt = attemptOf(startedAt, outcome);
    // Deleted while this try was out: no health to keep, and its delivery says how it ended there, as stored.
    const deleted = !this.deps.destinations.activeById(destination.id);
    if (!deleted) this.noteHealth(destination, outcome);
    const kept = deleted
      ? this.deps.deliveries.summary(delivery.id, { inFlight: () => false, paused: () => false, now: Date.now() })
      : null;
    const summary: DeliverySummary = kept ?? {
      id: String(delivery.id),
      eventId: delivery.eventId,
      destinationId: destination.id,
      destinationName: destination.name,
      destinationDeleted: deleted,
      status: recorded.status,
      attemptCount: attemptNumber,
      nextAttemptAt: result.nextAttemptAt === null || overruled ? null : new Date(result.nextAttemptAt).toISOString(),
      lastError: outcome.error,
      lastReason: outcome.reason,
      paused: false,
      heldBy: null,
    };
    this.deps.live.publish({
      type: 'delivery',
      eventId: delivery.eventId,
      eventStatus,
      eventOutcome,
      delivery: summary,
      attempt,
    });
    if (recorded.status === 'failed') {
      this.deps.live.notice(
        'error',
        'notice.eventFailed',
        // The event's id lets an open dashboard stop naming it once it has left Failed.
        {
          type: delivery.type,
          ref: referenceLabel(delivery),
          destination: destination.name,
          // Its id lets the dashboard follow a rename and take the notice down with a deleted destination.
          destinationId: destination.id,
          eventId: delivery.eventId,
        },
        causeOf(outcome),
      );
    }
  }

  private noteHealth(destination: ActiveDestination, outcome: Outcome): void {
    const health = this.health.get(destination.id) ?? { consecutiveFailures: 0 };
    const wasFailing = health.consecutiveFailures >= FAILING_AFTER;
    if (!triedAsSetUp(outcome.category, outcome.reason)) return;
    if (outcome.category === 'delivered') {
      health.consecutiveFailures = 0;
      if (wasFailing)
        this.deps.live.notice('info', 'notice.destinationBack', {
          destination: destination.name,
          destinationId: destination.id,
        });
    } else {
      health.consecutiveFailures += 1;
      // No notice: the dashboards' banner of a failing destination is read from its figures (getStats), so that it
      // follows its newest reason and what of it waits, and is there again after a restart.
      if (!wasFailing && health.consecutiveFailures >= FAILING_AFTER)
        this.deps.log.warn({ destination: destination.name, error: outcome.error }, 'destination failing');
    }
    this.health.set(destination.id, health);
  }
}

/** A try cut off by Hookferry's own stop: no answer came, so it goes again (now, or at the next start). */
function interruptedResult(tried: CutOffTry, durationMs: number, nextAttemptAt: number): AttemptResult {
  const { text, reason } = said('delivery.interrupted');
  return {
    ...tried,
    durationMs,
    category: 'interrupted',
    httpStatus: null,
    error: text,
    reason,
    responseSnippet: null,
    status: 'retrying',
    nextAttemptAt,
  };
}

/** Why a try failed, as the cause a notice gives. */
function causeOf(outcome: Outcome): Cause {
  return { text: outcome.error ?? '', reason: outcome.reason };
}

/** The order (or other reference) the merchant knows the event by, after its type: ` · SPIRAL-1014`; none, nothing. */
function referenceLabel(delivery: ClaimedDelivery): string {
  const reference = referenceOf(delivery.summary, delivery.type);
  return reference === delivery.type ? '' : ` · ${reference}`;
}

/** One try as the stream and the event's detail show it. */
function attemptOf(startedAt: number, outcome: Outcome): Attempt {
  return {
    at: new Date(startedAt).toISOString(),
    durationMs: outcome.durationMs,
    category: outcome.category,
    httpStatus: outcome.httpStatus,
    error: outcome.error,
    reason: outcome.reason,
    responseSnippet: outcome.responseSnippet,
  };
}
