import { exportConfig } from '../../config/export.js';
import { planImport, readConfigFile } from '../../config/import.js';
import type { AdminContext } from '../context.js';
import type { Handlers } from '../typed-route.js';

export function configHandlers(ctx: AdminContext): Pick<Handlers, 'exportConfig' | 'importConfig'> {
  return {
    exportConfig: () =>
      exportConfig(ctx.settings.get(), ctx.sources.list(), ctx.destinations.list(), (id) =>
        ctx.destinations.storedSettings(id),
      ),
    importConfig: async ({ query, body }) => {
      const file = readConfigFile(body.text);
      // On a dry run too (it says what the import will do, or refuses what the import would refuse), and first: the
      // plan's checks ask these answers, where they compiled every expression on the engine's thread.
      const checked = await ctx.checkExpressions(
        file.destinations.flatMap(({ kind, settings }) => ctx.destinations.expressionsIn(kind, settings)),
      );
      const plan = planImport(file, ctx, checked);
      if (query.dryRun === '1') return { applied: false, items: plan.items };
      await plan.apply();
      return { applied: true, items: plan.items };
    },
  };
}
