import type { AdminContext } from '../context.js';
import type { Handlers } from '../typed-route.js';

export function settingsHandlers(ctx: AdminContext): Pick<Handlers, 'getSettings' | 'putSettings'> {
  return {
    getSettings: () => ctx.settings.get(),
    putSettings: ({ body }) => ctx.updateSettings(body),
  };
}
