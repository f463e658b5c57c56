import { isDeepStrictEqual } from 'node:util';
import type { PreviewResult } from '../../api/contract.js';
import { destinationCatalog, kindNamed } from '../../delivery/kinds/index.js';
import { testEvent } from '../../delivery/outgoing.js';
import { subscribes } from '../../delivery/patterns.js';
import { said } from '../../delivery/said.js';
import { storedBodyOf } from '../../store/body-format.js';
import type { ActiveDestination } from '../../store/destinations.js';
import { ConflictError, InvalidInputError, NotFoundError, refusedFor } from '../../lib/errors.js';
import type { AdminContext } from '../context.js';
import { type Handlers, WithJsonField } from '../typed-route.js';
import { refuseTakenName } from '../unique-name.js';

const missingDestination = () => new NotFoundError('There is no such destination; it may have been deleted.');
const missingDelivery = () =>
  new NotFoundError('There is no such delivery; its event may have been removed by the retention setting.');

export function destinationHandlers(
  ctx: AdminContext,
): Pick<
  Handlers,
  | 'listDestinationKinds'
  | 'listDestinations'
  | 'createDestination'
  | 'updateDestination'
  | 'deleteDestination'
  | 'testDestination'
  | 'previewDestination'
  | 'resendFailed'
  | 'discardFailed'
  | 'earlierEvents'
  | 'sendEarlier'
  | 'resendDelivery'
  | 'discardDelivery'
> {
  const deliveryId = (id: string) => {
    if (!/^\d+$/.test(id)) throw missingDelivery();
    return Number(id);
  };
  const existing = (id: string) => {
    const destination = ctx.destinations.activeById(id);
    if (!destination) throw missingDestination();
    return destination;
  };
  /**
   * What a preview works on: the given body, the chosen event, or the newest accepted one the destination
   * takes (a sender's, not a test event).
   */
  const sampleFor = (
    destination: ActiveDestination,
    eventId: string | undefined,
    given: unknown,
    givenType = 'unknown',
  ) => {
    if (given !== undefined) return { eventId: null, type: givenType, parsed: given, stored: null };
    const accepted = ctx.events.list({ limit: 50 }).items.filter((item) => item.status !== 'rejected' && !item.test);
    const id =
      eventId ?? (accepted.find((item) => subscribes(destination, item.type, item.sourceId)) ?? accepted[0])?.id;
    const event = id ? ctx.events.storedBody(id) : null;
    if (!event) throw new NotFoundError(refusedFor(eventId ? 'admin.previewNoSuchEvent' : 'admin.previewNoEvent'));
    return Object.assign(storedBodyOf(event.stored), { eventId: event.id, type: event.type });
  };
  /**
   * A source named by id that is not here (deleted in another tab while the form was open, or a caller's mistake)
   * would leave the destination taking events from no source: refused, unless it was already in the saved list.
   */
  const checkSources = (sourceIds: string[] | undefined, saved: string[] = []) => {
    const gone = sourceIds?.find((id) => !saved.includes(id) && !ctx.sources.get(id));
    if (gone !== undefined) throw new InvalidInputError(refusedFor('admin.noSuchSource', { id: gone }));
  };
  return {
    listDestinationKinds: () => destinationCatalog(),
    listDestinations: () => ctx.destinations.list(),
    createDestination: async ({ body }) => {
      refuseTakenName('destination', ctx.destinations.list(), body.name);
      checkSources(body.sourceIds);
      const checked = await ctx.checkExpressions(ctx.destinations.expressionsIn(body.kind, body.settings));
      return ctx.destinations.create(body, { checked });
    },
    updateDestination: async ({ params, body }) => {
      refuseTakenName('destination', ctx.destinations.list(), body.name, params.id);
      const before = ctx.destinations.activeById(params.id);
      checkSources(body.sourceIds, before?.sourceIds);
      const checked = await ctx.checkExpressions(
        ctx.destinations.expressionsIn(body.kind ?? before?.kind, body.settings),
      );
      // Resumed from its card with the address as stored: said as what to do, not as the address field's refusal.
      const [lacking] = before?.urlSecretsMissing ?? [];
      if (before && lacking !== undefined && body.paused === false && body.url === undefined)
        throw new InvalidInputError(refusedFor('admin.resumeUrlSecretMissing', { name: before.name, param: lacking }));
      const updated = ctx.destinations.update(params.id, body, { checked });
      if (!updated) throw missingDestination();
      if (before && before.url !== updated.url) {
        ctx.queue.forgetFailures(params.id);
        ctx.actions.addressChanged(params.id);
      } else if (before && !isDeepStrictEqual(before.retry, updated.retry)) {
        ctx.actions.scheduleChanged(params.id, updated.retry);
      }
      return updated;
    },
    deleteDestination: ({ params }) => {
      const deleted = ctx.destinations.delete(params.id, (now) => ctx.deliveries.giveUpAtDeletion(params.id, now));
      if (!deleted) throw missingDestination();
      return { deleted: true as const };
    },
    testDestination: async ({ params }) => {
      const destination = existing(params.id);
      const startedAt = Date.now();
      const { language } = ctx.settings.get();
      // A kind that says its own words for a test that went through (Zithara) tests its credentials, not a sample.
      const info = kindNamed(destination.kind)?.info;
      const sample = testEvent(startedAt, language, info?.testOk ? { kind: info.label[language] } : null);
      const result = await ctx.deliverer.test(destination, sample);
      if (result.ok && ctx.deliveries.nothingWaits(destination.id)) ctx.queue.testWentThrough(destination);
      ctx.live.publish({ type: 'event', ...ctx.testEvents.record(destination, sample, result, startedAt) });
      return result;
    },
    previewDestination: async ({ params, body }) => {
      const destination = existing(params.id);
      const answer = await ctx.deliverer.preview(
        destination,
        sampleFor(destination, body.eventId, body.body, body.type),
        body.expression,
      );
      // The transformation's output as its process wrote it, never read into a value here (see PreviewAnswer).
      if (!('outputJson' in answer)) return answer;
      const shown = { ok: true as const, output: null, eventId: answer.eventId };
      return new WithJsonField<PreviewResult>(shown, 'output', answer.outputJson);
    },
    earlierEvents: ({ params }) =>
      // A deleted destination takes nothing, so nothing came before it: said as such, not 404, to a page whose card
      // of it (from a list read before the deletion) asks once more before the list is read again.
      ctx.destinations.deletedName(params.id) !== null
        ? { day: 0, week: 0, all: 0 }
        : ctx.earlier.count(existing(params.id), Date.now()),
    sendEarlier: async ({ params, body }) => {
      existing(params.id);
      const sent = await ctx.actions.sendEarlier(params.id, body.window);
      // Deleted while they were being queued: what was queued went with it.
      if (!sent) throw missingDestination();
      return sent;
    },
    resendFailed: ({ params, body }) => ctx.actions.resendFailed(existing(params.id), body?.lastError),
    discardFailed: ({ params, body }) => ({
      discarded: ctx.actions.discardFailed(existing(params.id), body?.lastError),
    }),
    resendDelivery: ({ params }) => {
      const id = deliveryId(params.id);
      const delivery = ctx.deliveries.summary(id, ctx.actions.view());
      if (!delivery) throw missingDelivery();
      if (delivery.destinationDeleted)
        throw new ConflictError(said('resend.destinationDeleted', { name: delivery.destinationName }));
      // As resendEvent: a test's delivery resent would go through the queue with retries, as an order's would.
      if (ctx.events.detail(delivery.eventId)?.test) throw new InvalidInputError(refusedFor('admin.testNoResend'));
      ctx.actions.resend([id]);
      return ctx.deliveries.detail(id, ctx.actions.view())!;
    },
    discardDelivery: ({ params }) => {
      const id = deliveryId(params.id);
      const delivery = ctx.deliveries.summary(id, ctx.actions.view());
      if (!delivery) throw missingDelivery();
      // Its try may go through yet: discarded now, an order that arrives would be said dropped, and resent twice.
      if (delivery.status === 'delivering')
        throw new ConflictError(refusedFor('admin.discardWhileSending', { name: delivery.destinationName }));
      ctx.actions.discard([id]);
      return ctx.deliveries.detail(id, ctx.actions.view())!;
    },
  };
}
