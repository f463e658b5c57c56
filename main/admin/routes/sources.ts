import { NotFoundError } from '../../lib/errors.js';
import { type AdminContext, toApiSource } from '../context.js';
import type { Handlers } from '../typed-route.js';

const missing = () => new NotFoundError('There is no such source; it may have been deleted.');

export function sourceHandlers(
  ctx: AdminContext,
): Pick<Handlers, 'listSources' | 'createSource' | 'updateSource' | 'deleteSource'> {
  const api = (record: Parameters<typeof toApiSource>[0]) =>
    toApiSource(record, ctx.ingestUrl(), ctx.publicAddress.base());
  return {
    listSources: () => ctx.sources.list().map(api),
    createSource: ({ body }) => api(ctx.sources.create(body)),
    updateSource: ({ params, body }) => {
      const updated = ctx.sources.update(params.id, body);
      if (!updated) throw missing();
      return api(updated);
    },
    deleteSource: ({ params }) => {
      if (!ctx.sources.delete(params.id)) throw missing();
      return { deleted: true as const };
    },
  };
}
