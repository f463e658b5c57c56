import { ConflictError, NotFoundError, refusedFor } from '../../lib/errors.js';
import { type AdminContext, toApiSource } from '../context.js';
import { refuseTakenName } from '../unique-name.js';
import type { Handlers } from '../typed-route.js';

const missing = () => new NotFoundError('There is no such source; it may have been deleted.');

export function sourceHandlers(
  ctx: AdminContext,
): Pick<Handlers, 'listSources' | 'createSource' | 'updateSource' | 'deleteSource'> {
  const api = (record: Parameters<typeof toApiSource>[0]) =>
    toApiSource(record, ctx.ingestUrl(), ctx.publicAddress.base());
  return {
    listSources: () => ctx.sources.list().map(api),
    createSource: ({ body }) => {
      refuseTakenName('source', ctx.sources.list(), body.name);
      return api(ctx.sources.create(body));
    },
    updateSource: ({ params, body }) => {
      refuseTakenName('source', ctx.sources.list(), body.name, params.id);
      const updated = ctx.sources.update(params.id, body);
      if (!updated) throw missing();
      return api(updated);
    },
    deleteSource: ({ params }) => {
      // A destination left with only deleted sources takes nothing, and an export writes its list empty, which
      // takes every source once imported: it is given other sources (or deleted) first.
      const stranded = ctx.destinations
        .list()
        .find(
          ({ sourceIds }) =>
            sourceIds.includes(params.id) && sourceIds.every((id) => id === params.id || !ctx.sources.get(id)),
        );
      if (stranded) throw new ConflictError(refusedFor('admin.onlySourceOf', { destination: stranded.name }));
      if (!ctx.sources.delete(params.id)) throw missing();
      return { deleted: true as const };
    },
  };
}
