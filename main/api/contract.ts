import { z } from 'zod';

/**
 * The admin API contract: every request and answer the dashboard, the desktop
 * shell and the tests exchange with the engine, as zod schemas. The TypeScript
 * types come from these schemas; the server validates against them and the
 * client parses with them, so both sides share one definition.
 */

export const sourceKinds = ['teamcrop', 'shopify', 'woocommerce', 'magento', 'generic'] as const;
export const SourceKind = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKind>;

const headerName = z.string().trim().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'A header name uses letters, digits and dashes only.');

/** What the API accepts for verification; the secret parts are write-only. */
export const VerificationInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('hmac'),
    /** Defaults by kind: Shopify `X-Shopify-Hmac-Sha256`, WooCommerce `X-WC-Webhook-Signature`. */
    header: headerName.optional(),
    encoding: z.enum(['hex', 'base64']).optional(),
    /** Omit on update to keep the stored secret. */
    secret: z.string().min(6).max(500).optional(),
  }),
  z.object({
    type: z.literal('header'),
    header: headerName,
    /** Omit on update to keep the stored value. */
    value: z.string().min(1).max(500).optional(),
  }),
]);
export type VerificationInput = z.infer<typeof VerificationInput>;

/** What the API answers: it says whether a secret is set, never what it is. */
export const Verification = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('hmac'), header: z.string(), encoding: z.enum(['hex', 'base64']), secretSet: z.boolean() }),
  z.object({ type: z.literal('header'), header: z.string(), valueSet: z.boolean() }),
]);
export type Verification = z.infer<typeof Verification>;

export const Source = z.object({
  id: z.string(),
  name: z.string(),
  kind: SourceKind,
  ingestUrl: z.string(),
  verification: Verification,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Source = z.infer<typeof Source>;

const sourceName = z.string().trim().min(1, 'Give the source a name.').max(80);

export const SourceCreate = z.object({
  name: sourceName,
  kind: SourceKind.default('generic'),
  verification: VerificationInput.default({ type: 'none' }),
});
export type SourceCreate = z.infer<typeof SourceCreate>;

export const SourcePatch = z.object({
  name: sourceName.optional(),
  kind: SourceKind.optional(),
  verification: VerificationInput.optional(),
  /** A new intake address; the old one stops working at once. */
  regenerateToken: z.boolean().optional(),
});
export type SourcePatch = z.infer<typeof SourcePatch>;

export const eventStatuses = ['received', 'rejected'] as const;
export const EventStatus = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof EventStatus>;

export const EventListItem = z.object({
  id: z.string(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  type: z.string(),
  status: EventStatus,
  receivedAt: z.string(),
  summary: z.string(),
  httpStatus: z.number().int(),
  reason: z.string().nullable(),
  bodySize: z.number().int(),
  duplicates: z.number().int(),
});
export type EventListItem = z.infer<typeof EventListItem>;

export const EventListQuery = z.object({
  status: EventStatus.optional(),
  sourceId: z.string().optional(),
  type: z.string().optional(),
  q: z.string().trim().max(200).optional(),
  /** The `next` cursor of the previous page. */
  before: z.string().regex(/^\d+$/, 'The page cursor is not valid; start again from the first page.').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventListPage = z.object({ items: z.array(EventListItem), next: z.string().nullable() });
export type EventListPage = z.infer<typeof EventListPage>;

export const EventDetail = EventListItem.extend({
  headers: z.record(z.string(), z.string()),
  contentType: z.string().nullable(),
  /** The raw body: text when it is UTF-8, otherwise base64 (see `bodyEncoding`). */
  body: z.string().nullable(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  parsed: z.unknown(),
  providerEventId: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  deliveries: z.array(z.unknown()),
});
export type EventDetail = z.infer<typeof EventDetail>;

const Counts = z.object({ received: z.number().int(), rejected: z.number().int() });

export const Stats = z.object({
  total: Counts,
  today: Counts,
  /** The last 24 hours, oldest first, one entry per hour. */
  hourly: z.array(Counts.extend({ hour: z.string() })),
});
export type Stats = z.infer<typeof Stats>;

const port = z.number().int().min(0).max(65535);

/** The highest body limit a merchant may set. */
export const MAX_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

export const IntakeSettings = z.object({
  /** 127.0.0.1 keeps the listener on this PC; 0.0.0.0 opens it to the shop's network. */
  host: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
  port: port.default(8780),
  bodyLimitBytes: z.number().int().min(1024).max(MAX_BODY_LIMIT_BYTES).default(5 * 1024 * 1024),
  rateLimitPerMinute: z.number().int().min(1).max(10_000_000).default(1200),
});

export const Settings = z.object({
  intake: IntakeSettings.default(IntakeSettings.parse({})),
  adminPort: port.default(8781),
  /** The tunnel address (ngrok, cloudflared) senders outside the shop use, if any. */
  publicUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  language: z.enum(['en', 'vi']).default('en'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  debugLogging: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = Settings.omit({ intake: true })
  .partial()
  .extend({ intake: IntakeSettings.partial().optional() })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const StreamMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: EventListItem }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warn', 'error']), message: z.string(), at: z.string() }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;

export const ApiError = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const IdParams = z.object({ id: z.string().min(1).max(100) });
const Deleted = z.object({ deleted: z.literal(true) });

export const ExportQuery = z.object({
  format: z.enum(['csv', 'ndjson']).default('ndjson'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

/** The JSON routes. The live stream (`GET /api/stream`) and `GET /api/export` are not JSON and are served beside these. */
export const routes = {
  listSources: { method: 'GET', path: '/api/sources', response: z.array(Source) },
  createSource: { method: 'POST', path: '/api/sources', body: SourceCreate, response: Source },
  updateSource: { method: 'PATCH', path: '/api/sources/:id', params: IdParams, body: SourcePatch, response: Source },
  deleteSource: { method: 'DELETE', path: '/api/sources/:id', params: IdParams, response: Deleted },
  listEvents: { method: 'GET', path: '/api/events', query: EventListQuery, response: EventListPage },
  getEvent: { method: 'GET', path: '/api/events/:id', params: IdParams, response: EventDetail },
  getStats: { method: 'GET', path: '/api/stats', response: Stats },
  getSettings: { method: 'GET', path: '/api/settings', response: Settings },
  putSettings: { method: 'PUT', path: '/api/settings', body: SettingsUpdate, response: Settings },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
type Field<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? z.input<S> : undefined;
export type RouteInput<N extends RouteName> = {
  params: Field<Routes[N], 'params'>;
  query: Field<Routes[N], 'query'>;
  body: Field<Routes[N], 'body'>;
};
export type RouteOutput<N extends RouteName> = z.infer<Routes[N]['response']>;

export const STREAM_PATH = '/api/stream';
export const EXPORT_PATH = '/api/export';
