import { type AdminContext, NotFoundError } from '../context.js';
import type { Handlers } from '../typed-route.js';

export function eventHandlers(ctx: AdminContext): Pick<Handlers, 'listEvents' | 'getEvent' | 'getStats'> {
  return {
    listEvents: ({ query }) => ctx.events.list(query),
    getEvent: ({ params }) => {
      const event = ctx.events.detail(params.id);
      if (!event) throw new NotFoundError('There is no such event; it may have been removed by the retention setting.');
      return event;
    },
    getStats: () => ctx.events.stats(),
  };
}
