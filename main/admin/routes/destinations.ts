import { webhookRequest, testEvent } from '../../delivery/webhook-request.js';
import { type AdminContext, NotFoundError } from '../context.js';
import type { Handlers } from '../typed-route.js';

const missingDestination = () => new NotFoundError('There is no such destination; it may have been deleted.');
const missingDelivery = () => new NotFoundError('There is no such delivery; its event may have been removed by the retention setting.');

export function destinationHandlers(
  ctx: AdminContext,
): Pick<Handlers, 'listDestinations' | 'createDestination' | 'updateDestination' | 'deleteDestination' | 'testDestination' | 'resendFailed' | 'discardFailed' | 'resendDelivery' | 'discardDelivery'> {
  const deliveryId = (id: string) => {
    if (!/^\d+$/.test(id)) throw missingDelivery();
    return Number(id);
  };
  const existing = (id: string) => {
    const destination = ctx.destinations.activeById(id);
    if (!destination) throw missingDestination();
    return destination;
  };
  return {
    listDestinations: () => ctx.destinations.list(),
    createDestination: ({ body }) => ctx.destinations.create(body),
    updateDestination: ({ params, body }) => {
      const updated = ctx.destinations.update(params.id, body);
      if (!updated) throw missingDestination();
      return updated;
    },
    deleteDestination: ({ params }) => {
      const affected = ctx.deliveries.openEventSeqsOf(params.id);
      if (!ctx.destinations.delete(params.id)) throw missingDestination();
      ctx.deliveries.recountEvents(affected);
      return { deleted: true as const };
    },
    testDestination: async ({ params }) => {
      const destination = existing(params.id);
      const outcome = await ctx.sender.send(destination.id, destination.concurrency, webhookRequest(destination, testEvent()));
      return {
        ok: outcome.category === 'delivered',
        httpStatus: outcome.httpStatus,
        durationMs: outcome.durationMs,
        error: outcome.error,
        responseSnippet: outcome.responseSnippet,
      };
    },
    resendFailed: ({ params }) => {
      existing(params.id);
      const queued = ctx.deliveries.requeue(ctx.deliveries.idsOf(params.id, 'failed'), Date.now());
      ctx.queue.wake();
      return { queued };
    },
    discardFailed: ({ params }) => {
      existing(params.id);
      return { discarded: ctx.deliveries.discard(ctx.deliveries.idsOf(params.id, 'failed'), Date.now()) };
    },
    resendDelivery: ({ params }) => {
      const id = deliveryId(params.id);
      if (!ctx.deliveries.summary(id, ctx.queue.isInFlight)) throw missingDelivery();
      ctx.deliveries.requeue([id], Date.now());
      ctx.queue.wake();
      return ctx.deliveries.detail(id, ctx.queue.isInFlight)!;
    },
    discardDelivery: ({ params }) => {
      const id = deliveryId(params.id);
      if (!ctx.deliveries.summary(id, ctx.queue.isInFlight)) throw missingDelivery();
      ctx.deliveries.discard([id], Date.now());
      return ctx.deliveries.detail(id, ctx.queue.isInFlight)!;
    },
  };
}
