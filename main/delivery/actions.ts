import type { EarlierSent, EarlierWindow, ResendBatch, RetryPolicy } from '../api/contract.js';
import { scheduledWait } from '../api/retry-schedule.js';
import { ConflictError } from '../lib/errors.js';
import type { LiveLog } from '../live/live-log.js';
import type { Changed, DeliveryStore, DeliveryView } from '../store/deliveries.js';
import type { ActiveDestination, DestinationStore } from '../store/destinations.js';
import { type EarlierEvents, windowStart } from '../store/earlier-events.js';
import type { ResendBatchStore } from '../store/resend-batches.js';
import { destinationsFor } from './routing.js';
import { said } from './said.js';

/** Earlier events queued this many to a write: each a transaction of a few milliseconds that intake waits behind. */
const EARLIER_WRITE = 200;

/** Bulk progress is pushed at most this often per batch, however fast results come. */
const BATCH_PUSH_MS = 250;

export interface DeliveryActionDeps {
  deliveries: DeliveryStore;
  batches: ResendBatchStore;
  earlier: EarlierEvents;
  destinations: DestinationStore;
  live: LiveLog;
  /** The queue: what is in flight, and a nudge to look for due work. */
  inFlight: (deliveryId: number, destinationId: string) => boolean;
  wake: () => void;
  /** Every delivery paused (the tray's Pause deliveries). */
  allPaused: () => boolean;
}

/**
 * What the merchant does to deliveries (resend, discard, one or many), each
 * change told on the live stream at once with its event's new status, and
 * bulk resends followed to the end as batches whose progress is counted from
 * the engine's own records.
 */
export class DeliveryActions {
  /** Deliveries of unfinished batches → their batch. */
  private readonly openBatchOf = new Map<number, string>();
  private readonly dirty = new Set<string>();
  private pushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DeliveryActionDeps) {
    for (const { batchId, deliveryId } of deps.batches.openItems()) this.openBatchOf.set(deliveryId, batchId);
  }

  view = (): DeliveryView => ({
    inFlight: this.deps.inFlight,
    paused: (destinationId) =>
      this.deps.allPaused() || (this.deps.destinations.activeById(destinationId)?.paused ?? false),
    now: Date.now(),
  });

  /** Sends these deliveries again; one its destination confirmed is refused (a person resends it from its event). */
  resend(deliveryIds: number[]): Changed[] {
    const delivered = deliveryIds.flatMap((id) => {
      const delivery = this.deps.deliveries.summary(id, this.view());
      return delivery?.status === 'delivered' ? [delivery] : [];
    });
    if (delivered.length > 0) throw this.alreadyDelivered(delivered);
    const changed = this.deps.deliveries.requeue(deliveryIds, Date.now());
    this.told(changed);
    return changed;
  }

  /**
   * The destination's address changed: what waits for a retry goes now, to the new address, rather than hours
   * later for an error the old address gave.
   */
  addressChanged(destinationId: string): void {
    this.told(this.deps.deliveries.retryNow(destinationId, Date.now()));
  }

  /**
   * The destination's retry schedule changed: what waits for a retry follows the new one, its next wait counted
   * from now. One whose tries already reach the new total gets its last try now (the schedule fails it if that
   * one fails too), rather than a try the merchant's schedule no longer has, or none at all.
   */
  scheduleChanged(destinationId: string, policy: RetryPolicy): void {
    const now = Date.now();
    this.told(
      this.deps.deliveries.retryAt(destinationId, now, (attempts) => now + (scheduledWait(policy, attempts) ?? 0)),
    );
  }

  discard(deliveryIds: number[]): Changed[] {
    const changed = this.deps.deliveries.discard(deliveryIds, Date.now());
    this.told(changed);
    return changed;
  }

  /** A destination's failures (all, or those of one reason) sent again as one batch the merchant can follow. */
  resendFailed(destination: ActiveDestination, lastError?: string): { queued: number; batchId: string | null } {
    const ids = this.deps.deliveries.idsOf(destination.id, 'failed', lastError);
    if (ids.length === 0) return { queued: 0, batchId: null };
    const now = Date.now();
    const batchId = this.deps.batches.create(destination, lastError ?? null, ids, now);
    for (const id of ids) this.openBatchOf.set(id, batchId);
    const changed = this.deps.deliveries.requeue(ids, now);
    this.told(changed);
    this.pushBatch(batchId);
    return { queued: changed.length, batchId };
  }

  discardFailed(destination: ActiveDestination, lastError?: string): number {
    return this.discard(this.deps.deliveries.idsOf(destination.id, 'failed', lastError)).length;
  }

  /**
   * Sends an event again to the chosen destinations or, for "Resend to all", to
   * every destination it went to and every one that takes it today (routed again,
   * so a destination added or changed since it arrived gets a delivery now).
   * Answers to how many, and to how many it was not sent again because a try of it is on the wire to them now:
   * that try is the send asked for (queued after it, a try that went through would send the order twice), and its
   * result is on its way; and to how many it already waited to be sent (an earlier resend queued it there): counted
   * apart, so the answer counts only what this call queued.
   */
  resendEvent(
    event: { seq: number; type: string; sourceId: string | null },
    chosen?: string[],
    evenIfDelivered = false,
  ): { queued: number; sending: number; waiting: number } {
    const now = Date.now();
    // A destination named twice is sent to once, and counted once: the answer says what was sent.
    const targets = chosen
      ? [...new Set(chosen)]
      : [
          ...new Set([
            ...this.deps.deliveries.destinationsOf(event.seq),
            ...destinationsFor(this.deps.destinations.active(), event.type, event.sourceId),
          ]),
        ].filter((id) => this.deps.destinations.activeById(id));
    if (targets.length === 0) throw new ConflictError(said('resend.nowhere', { type: event.type }));
    const existing = this.deps.deliveries.toDestinations(event.seq, targets);
    // A page read before the event was delivered still offers Resend: only a person told it arrived may send it twice.
    const delivered = existing.filter((delivery) => delivery.status === 'delivered');
    if (delivered.length > 0 && !evenIfDelivered) throw this.alreadyDelivered(delivered);
    const sending = existing.filter(({ id, destinationId }) => this.deps.inFlight(id, destinationId));
    // Those it has first, then the new ones: the last change told carries the event's status after both.
    const requeued = this.deps.deliveries.requeue(
      existing.filter((delivery) => !sending.includes(delivery)).map(({ id }) => id),
      now,
    );
    const added = this.deps.deliveries.addMissing(event.seq, targets, now);
    this.told([...requeued, ...added]);
    const queued = requeued.length + added.length;
    return { queued, sending: sending.length, waiting: targets.length - sending.length - queued };
  }

  /**
   * The events a destination takes now that came before it took them (see EarlierEvents), those of the window,
   * queued to it and to no other, a page at a time: each page its own short transaction, so intake is never held
   * behind a large store. A paused destination gets them too: they wait for its resume as its other deliveries do.
   */
  async sendEarlier(destinationId: string, window: EarlierWindow): Promise<EarlierSent | null> {
    const taker = () => this.deps.destinations.activeById(destinationId);
    let queued = 0;
    for await (const seqs of this.deps.earlier.pages(taker, windowStart(window, Date.now()))) {
      for (let at = 0; at < seqs.length; at += EARLIER_WRITE) {
        // Deleted meanwhile: its deliveries went with it, and a new one would name no destination.
        if (!taker()) return null;
        const added = this.deps.deliveries.addFirstTo(destinationId, seqs.slice(at, at + EARLIER_WRITE), Date.now());
        this.told(added);
        queued += added.length;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    const destination = taker();
    if (!destination) return null;
    return { queued, paused: destination.paused || this.deps.allPaused() };
  }

  /** Called by the queue after each recorded result: a batch it belongs to has moved. */
  recorded = (deliveryId: number): void => {
    const batchId = this.openBatchOf.get(deliveryId);
    if (batchId) this.markDirty(batchId);
  };

  batches(): ResendBatch[] {
    return this.deps.batches.recent(Date.now());
  }

  private alreadyDelivered(delivered: { destinationId: string }[]): ConflictError {
    const names = delivered.map(({ destinationId }) => this.deps.destinations.activeById(destinationId)?.name ?? '?');
    return new ConflictError(said('resend.alreadyDelivered', { names: names.map((name) => `“${name}”`).join(', ') }));
  }

  private told(changed: Changed[]): void {
    const view = this.view();
    for (const change of changed) {
      const delivery = this.deps.deliveries.summary(change.id, view);
      if (delivery)
        this.deps.live.publish({
          type: 'delivery',
          eventId: change.eventId,
          eventStatus: change.eventStatus,
          eventOutcome: change.eventOutcome,
          delivery,
          attempt: null,
        });
      const batchId = this.openBatchOf.get(change.id);
      if (batchId) this.markDirty(batchId);
    }
    if (changed.length) this.deps.wake();
  }

  private markDirty(batchId: string): void {
    this.dirty.add(batchId);
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      for (const id of [...this.dirty]) this.pushBatch(id);
    }, BATCH_PUSH_MS);
    this.pushTimer.unref();
  }

  private pushBatch(batchId: string): void {
    this.dirty.delete(batchId);
    const batch = this.deps.batches.get(batchId, Date.now());
    if (!batch) return;
    if (batch.finishedAt) {
      for (const [deliveryId, id] of this.openBatchOf) if (id === batchId) this.openBatchOf.delete(deliveryId);
    }
    this.deps.live.publish({ type: 'resend-batch', batch });
  }
}
