import { applyTransform, expressionProblem } from '../../delivery/transform.js';
import { InvalidInputError } from '../../lib/errors.js';
import { type AdminContext, NotFoundError } from '../context.js';
import type { Handlers } from '../typed-route.js';

const missingDestination = () => new NotFoundError('There is no such destination; it may have been deleted.');
const missingDelivery = () =>
  new NotFoundError('There is no such delivery; its event may have been removed by the retention setting.');

export function destinationHandlers(
  ctx: AdminContext,
): Pick<
  Handlers,
  | 'listDestinations'
  | 'createDestination'
  | 'updateDestination'
  | 'deleteDestination'
  | 'testDestination'
  | 'previewDestination'
  | 'resendFailed'
  | 'discardFailed'
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
  /** A transformation that does not compile is refused when saved, not found out at the first event. */
  const checked = <T extends { transform?: string | null }>(input: T): T => {
    const problem = input.transform ? expressionProblem(input.transform) : null;
    if (problem) throw new InvalidInputError(problem);
    return input;
  };
  /** What a preview works on: the given body, the chosen event, or the newest accepted one. */
  const sampleFor = (eventId: string | undefined, given: unknown, givenType = 'unknown') => {
    if (given !== undefined) return { eventId: null, type: givenType, parsed: given };
    const id = eventId ?? ctx.events.list({ limit: 50 }).items.find((item) => item.status !== 'rejected')?.id;
    const event = id ? ctx.events.detail(id) : null;
    if (!event)
      throw new NotFoundError(
        eventId
          ? 'There is no such event to preview with.'
          : 'No event has arrived yet to preview with; send one, or give a body.',
      );
    return { eventId: event.id, type: event.type, parsed: event.parsed };
  };
  return {
    listDestinations: () => ctx.destinations.list(),
    createDestination: ({ body }) => ctx.destinations.create(checked(body)),
    updateDestination: ({ params, body }) => {
      const updated = ctx.destinations.update(params.id, checked(body));
      if (!updated) throw missingDestination();
      return updated;
    },
    deleteDestination: ({ params }) => {
      const affected = ctx.deliveries.openEventSeqsOf(params.id);
      if (!ctx.destinations.delete(params.id)) throw missingDestination();
      ctx.deliveries.recountEvents(affected);
      return { deleted: true as const };
    },
    testDestination: ({ params }) => ctx.deliverer.test(existing(params.id)),
    previewDestination: async ({ params, body }) => {
      const destination = existing(params.id);
      const sample = sampleFor(body.eventId, body.body, body.type);
      if (destination.kind === 'zithara' && body.expression === undefined) {
        const mapped = ctx.deliverer.previewZithara(destination, sample.type, sample.parsed);
        return 'call' in mapped
          ? { ok: true as const, output: mapped.call, eventId: sample.eventId }
          : {
              ok: false as const,
              error: 'skip' in mapped ? mapped.skip : mapped.invalid,
              position: null,
              eventId: sample.eventId,
            };
      }
      const expression = body.expression ?? destination.transform;
      if (!expression)
        return {
          ok: false as const,
          error: 'This destination has no transformation yet; type one to see what it makes of an event.',
          position: null,
          eventId: sample.eventId,
        };
      const result = await applyTransform(expression, sample.parsed);
      return { ...result, eventId: sample.eventId };
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
