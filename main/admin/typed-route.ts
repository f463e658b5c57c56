import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { routes, type RouteName, type RouteOutput, type Routes } from '../api/contract.js';

type Parsed<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;
export interface HandlerInput<N extends RouteName> {
  params: Parsed<Routes[N], 'params'>;
  query: Parsed<Routes[N], 'query'>;
  body: Parsed<Routes[N], 'body'>;
}
export type Handler<N extends RouteName> = (input: HandlerInput<N>) => RouteOutput<N> | Promise<RouteOutput<N>>;
export type Handlers = { [N in RouteName]: Handler<N> };

/**
 * Registers every JSON route of the contract. Params, query and body are parsed
 * with the contract's schemas before a handler runs (a ZodError becomes a 400
 * in the error handler), and the answer is parsed on the way out, so a field the
 * contract does not name (a secret) cannot leave.
 */
export function registerRoutes(app: FastifyInstance, handlers: Handlers): void {
  for (const name of Object.keys(routes) as RouteName[]) {
    const route: {
      method: string;
      path: string;
      params?: z.ZodType;
      query?: z.ZodType;
      body?: z.ZodType;
      response: z.ZodType;
    } = routes[name];
    const handler = handlers[name] as (input: unknown) => unknown;
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request) => {
        const input = {
          params: route.params?.parse(request.params),
          query: route.query?.parse(request.query),
          body: route.body?.parse(request.body ?? {}),
        };
        return route.response.parse(await handler(input));
      },
    });
  }
}
