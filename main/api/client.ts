import {
  ApiError,
  type FieldProblem,
  type Reason,
  routes,
  type RouteInput,
  type RouteName,
  type RouteOutput,
} from './contract.js';

/**
 * An answer from the engine other than success, with the engine's own sentence and, for a request that
 * did not validate, each problem by field. Status 0: the engine did not answer at all (not running).
 */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The engine's code for the sentence, when it gave one. */
    readonly reason: Reason | null = null,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export const NOT_RUNNING = 0;

/** No answer at all: the engine is not there (the dashboard says it in the page's language, by the status). */
export function notRunning(): ApiCallError {
  return new ApiCallError(NOT_RUNNING, 'Hookferry is not running. Start it again (or wait for it to restart).');
}

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

type OptionalKeys<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] };
type RequiredKeys<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };
type CallInput<N extends RouteName> = RequiredKeys<RouteInput<N>> & OptionalKeys<RouteInput<N>>;

/** The one client for the admin API; answers are parsed with the contract's schemas. */
export function createApiClient({ baseUrl, token, fetch: doFetch = fetch }: ApiClientOptions) {
  return async function call<N extends RouteName>(name: N, input?: CallInput<N>): Promise<RouteOutput<N>> {
    const route = routes[name];
    const { params, query, body } = (input ?? {}) as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(String(params?.[key] ?? '')));
    const url = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '')
        url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const response = await doFetch(url, {
      method: route.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => {
      throw notRunning();
    });
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiError.safeParse(payload);
      throw new ApiCallError(
        response.status,
        parsed.success ? parsed.data.error : `The engine answered ${response.status}.`,
        parsed.success ? parsed.data.fields : [],
        parsed.success ? (parsed.data.reason ?? null) : null,
      );
    }
    return route.response.parse(payload) as RouteOutput<N>;
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
