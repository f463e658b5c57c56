import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { routes, type RouteName, type RouteOutput, type Routes } from '../api/contract.js';

type Parsed<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;
export interface HandlerInput<N extends RouteName> {
  params: Parsed<Routes[N], 'params'>;
  query: Parsed<Routes[N], 'query'>;
  body: Parsed<Routes[N], 'body'>;
}
/**
 * An answer with one field already written as JSON, elsewhere than on the engine's thread (a large body's parsed
 * form took it seconds to parse and write): the answer is checked against the contract as any other, with that
 * field as given in `answer`, and the text is sent in its place.
 */
export class WithJsonField<T> {
  constructor(
    readonly answer: T,
    /** Any of the answer's fields, of any of its shapes (a preview's `output` is in its `ok: true` shape only). */
    readonly field: T extends unknown ? keyof T & string : never,
    readonly json: string,
  ) {}
}

type Answer<N extends RouteName> = RouteOutput<N> | WithJsonField<RouteOutput<N>>;
export type Handler<N extends RouteName> = (input: HandlerInput<N>) => Answer<N> | Promise<Answer<N>>;
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
      handler: async (request, reply) => {
        const input = {
          params: route.params?.parse(request.params),
          query: route.query?.parse(request.query),
          body: route.body?.parse(request.body ?? {}),
        };
        const output = await handler(input);
        if (!(output instanceof WithJsonField)) return route.response.parse(output);
        const { [output.field]: _checkedOnly, ...rest } = route.response.parse(output.answer) as Record<
          string,
          unknown
        >;
        const head = JSON.stringify(rest).slice(0, -1);
        const text = `${head}${head.length > 1 ? ',' : ''}${JSON.stringify(output.field)}:${output.json}}`;
        return reply.type('application/json; charset=utf-8').send(text);
      },
    });
  }
}
