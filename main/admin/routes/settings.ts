import type { AdminContext } from '../context.js';
import type { Handlers } from '../typed-route.js';

export function settingsHandlers(
  ctx: AdminContext,
): Pick<Handlers, 'getSettings' | 'putSettings' | 'getPublicAddress'> {
  return {
    getPublicAddress: () => ctx.publicAddress.status(),
    getSettings: () => ctx.settings.get(),
    putSettings: ({ body }) => ctx.updateSettings(body),
  };
}
