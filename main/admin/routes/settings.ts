import type { FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { routes } from '../../api/contract.js';
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

/**
 * A save refused for some of its fields also says, in the same answer, that it gives both ports one number, as the
 * page says both at once (under no field: it is about the two). Refused only by the store's check, it came a save later.
 */
export function withSamePorts(ctx: AdminContext, request: FastifyRequest, error: ZodError): ZodError {
  const { method, path } = routes.putSettings;
  if (request.method !== method || request.routeOptions.url !== path) return error;
  const same = ctx.settings.samePortsIn(request.body);
  return same ? new ZodError([...error.issues, ...same.issues]) : error;
}
