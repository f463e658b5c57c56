import type { EventDetail } from '../../api/contract.js';
import type { LastTest } from '../../store/recent-attempts.js';
import { whyNotRouted } from '../../delivery/routing.js';
import { said } from '../../delivery/said.js';
import { ConflictError, InvalidInputError, NotFoundError, refusedFor } from '../../lib/errors.js';
import { noneOpen, type SentWhenDeleted, testedSince } from '../../store/deliveries.js';
import type { AdminContext } from '../context.js';
import { type Handlers, WithJsonField } from '../typed-route.js';

const missing = () => new NotFoundError('There is no such event; it may have been removed by the retention setting.');

/**
 * What the drawer of an event from before deleted destinations kept their deliveries says of a try that was on the
 * wire when its destination was deleted (see DeliveryStore.sentWhenDeleted).
 */
const SENT_WHEN_DELETED = {
  unknown: 'routing.deletedWhileSending',
  arrived: 'routing.deletedArrived',
  notArrived: 'routing.deletedNotArrived',
} as const satisfies Record<SentWhenDeleted, string>;

export function eventHandlers(
  ctx: AdminContext,
): Pick<
  Handlers,
  | 'listEvents'
  | 'getEvent'
  | 'getStats'
  | 'resendEvent'
  | 'listDeliveries'
  | 'deliveryCounts'
  | 'listResendBatches'
  | 'failedView'
> {
  return {
    listEvents: ({ query }) => {
      const page = ctx.events.list(query, ctx.settings.get().deliveriesPaused);
      const names = ctx.sources.currentNames();
      return { ...page, items: page.items.map((item) => ({ ...item, sourceName: nameNow(names, item) })) };
    },
    getEvent: async ({ params }) => {
      const found = ctx.events.detail(params.id, ctx.settings.get().deliveriesPaused);
      if (!found) throw missing();
      const { seq, stored, ...event } = { ...found, sourceName: nameNow(ctx.sources.currentNames(), found) };
      const deliveries = ctx.deliveries.forEvent(seq, ctx.actions.view());
      // Of an event from before deleted destinations kept their deliveries: its delivery went with its destination.
      const sentWhenDeleted = deliveries.length > 0 ? null : ctx.deliveries.sentWhenDeleted(seq);
      const routing =
        deliveries.length > 0
          ? null
          : sentWhenDeleted
            ? said(SENT_WHEN_DELETED[sentWhenDeleted])
            : event.status === 'received'
              ? whyNotRouted(ctx.destinations.active(), event.type, event.sourceId)
              : // Its only destinations were deleted while it waited for them, before their deliveries were kept.
                event.status === 'discarded' && !event.test
                ? said('routing.destinationDeleted')
                : null;
      const answer: EventDetail = {
        ...event,
        parsed: null,
        deliveries,
        routing: routing?.text ?? null,
        routingReason: routing?.reason ?? null,
      };
      const parsed = await ctx.bodies.parsedJson(stored);
      // A body whose parsed form cannot be written (nested too deep) is shown as it came.
      return new WithJsonField(answer, 'parsed', parsed.ok ? parsed.text : 'null');
    },
    getStats: () => {
      const now = Date.now();
      const deliveries = {
        pending: 0,
        retrying: 0,
        delivering: 0,
        waitingForPaused: 0,
        heldBehindFailed: 0,
        failed: 0,
      };
      const destinations = ctx.destinations.active().map((destination) => {
        const open = ctx.deliveries.openCounts(destination.id);
        // Those on the wire are still pending or retrying in the database: counted once, as delivering.
        const flying = ctx.deliveries.openAmong(ctx.queue.inFlightIds(destination.id));
        deliveries.delivering += flying.pending + flying.retrying;
        deliveries.failed += open.failed;
        const queued = ctx.queue.healthOf(destination);
        const head = destination.ordered ? ctx.deliveries.headOf(destination.id) : null;
        // Behind a failed event of an ordered line nothing moves until the merchant resends or discards it, paused or
        // not: counted apart, so no page says they are on their way or go once sending resumes.
        if (head?.status === 'failed')
          deliveries.heldBehindFailed += open.pending - flying.pending + open.retrying - flying.retrying;
        // What waits for a paused destination is not on its way: counted apart, so no page says it is.
        else if (queued === 'paused')
          deliveries.waitingForPaused += open.pending - flying.pending + open.retrying - flying.retrying;
        else {
          deliveries.pending += open.pending - flying.pending;
          deliveries.retrying += open.retrying - flying.retrying;
        }
        const tried = ctx.deliveries.wasTried(destination.id);
        const figures = ctx.deliveries.destinationFigures(destination.id, now);
        // Never "healthy" while its events wait for another try, nor once its latest try failed, unless nothing of it
        // waits and a test went through since: with no order left to try, that test is the only news of the
        // receiver, and "failing" would be an alarm about nothing.
        const mended = noneOpen(open) && testedSince(figures);
        const lastTryFailed = ctx.deliveries.lastTryFailed(destination.id);
        const nextTry = ctx.deliveries.nextDueAt(destination.id, destination.ordered);
        const health =
          queued !== 'healthy'
            ? queued
            : open.retrying > 0
              ? ('retrying' as const)
              : lastTryFailed && !mended
                ? ('failing' as const)
                : tried
                  ? ('healthy' as const)
                  : ('untried' as const);
        return {
          id: destination.id,
          name: destination.name,
          health,
          mendedByTest: health === 'healthy' && lastTryFailed,
          lastTryFailed: lastTryFailed && !mended,
          nextTryAt: nextTry === null ? null : new Date(nextTry).toISOString(),
          tried,
          sending: flying.pending + flying.retrying,
          ...figures,
          ...testBeforeChange(figures, ctx.destinations.sendingChangedAt(destination.id)),
          heldBy: head,
        };
      });
      return {
        ...ctx.events.stats(now),
        deliveries,
        deliveriesPaused: ctx.settings.get().deliveriesPaused,
        destinations,
        refusingSources: ctx.events.refusingSources(ctx.sources.list(), now),
        listening: ctx.listening(),
        diskFull: ctx.diskFull(),
      };
    },
    resendEvent: ({ params, body }) => {
      const stored = ctx.events.detail(params.id);
      if (!stored) throw missing();
      if (stored.status === 'rejected') throw new InvalidInputError(refusedFor('admin.rejectedNoResend'));
      // Resent, the sample would go through the queue with retries, as an order would, and could land in Failed.
      if (stored.test) throw new InvalidInputError(refusedFor('admin.testNoResend'));
      // Named by a page read before it was deleted: its history stays in the event, and nothing is sent there.
      for (const id of body.destinationIds ?? []) {
        const name = ctx.destinations.deletedName(id);
        if (name !== null) throw new ConflictError(said('resend.destinationDeleted', { name }));
      }
      if (body.destinationIds?.some((id) => !ctx.destinations.activeById(id)))
        throw new NotFoundError('One of the chosen destinations no longer exists.');
      return ctx.actions.resendEvent(stored, body.destinationIds, body.evenIfDelivered);
    },
    listDeliveries: ({ query }) => ctx.deliveries.list(query, ctx.actions.view()),
    deliveryCounts: ({ query }) => ctx.deliveries.counts(query.status),
    listResendBatches: () => ctx.actions.batches(),
    // Read in one go, with no wait between: no result is recorded in the middle, so its parts agree.
    failedView: ({ query }) => {
      const view = ctx.actions.view();
      const batches = ctx.actions.batches();
      const destinations = ctx.deliveries.counts('failed').destinations.map((destination) => ({
        ...destination,
        reasons: destination.reasons.map((reason) => ({
          ...reason,
          rows: ctx.deliveries.list(
            {
              status: 'failed',
              destinationId: destination.destinationId,
              lastError: reason.lastError ?? undefined,
              limit: query.rows,
            },
            view,
          ).items,
        })),
      }));
      return {
        batches,
        failedEvents: ctx.events.total('failed'),
        resending: ctx.deliveries.resending(),
        resendingPaused: ctx.deliveries.resendingPaused(ctx.settings.get().deliveriesPaused),
        destinations,
      };
    },
  };
}

/**
 * The name an event's source goes by now while it exists (renamed, it is still the one source the filter names so),
 * else the one stored when the event came: a deleted source keeps it.
 */
export function nameNow(
  names: ReadonlyMap<string, string>,
  event: { sourceId: string | null; sourceName: string | null },
): string | null {
  return (event.sourceId !== null ? names.get(event.sourceId) : undefined) ?? event.sourceName;
}

/**
 * A test made before what it tried changed (a new Client Secret, another address) is said to be that, and a failed one
 * no longer makes the card read "Test failed": a test of the old settings said "accepted" under a 401 for the new.
 */
function testBeforeChange(
  { lastTest, testFailing }: { lastTest: LastTest | null; testFailing: boolean },
  changedAt: number | null,
) {
  const beforeChange = !!lastTest && changedAt !== null && Date.parse(lastTest.at) < changedAt;
  return {
    lastTest: lastTest && { ...lastTest, beforeChange },
    testFailing: testFailing && !beforeChange,
  };
}
