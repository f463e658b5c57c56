import { z } from 'zod';
import { say } from '../i18n/contract-messages.js';
import { MAX_MESSAGE_CHARS } from '../lib/bounded-text.js';

/**
 * The admin API contract: every request and answer the dashboard, the desktop
 * shell and the tests exchange with the engine, as zod schemas. The TypeScript
 * types come from these schemas; the server validates against them and the
 * client parses with them, so both sides share one definition.
 */

/**
 * Why something happened, for the merchant: a code and its parameters, rendered by the dashboard in the
 * chosen language (`reasons.<code>` in the i18n resources). The English sentence beside it stays for logs
 * and the API.
 */
export const Reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reason = z.infer<typeof Reason>;

export const sourceKinds = ['teamcrop', 'shopify', 'woocommerce', 'magento', 'generic'] as const;
export const SourceKind = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKind>;

/** A text in each of the dashboard's languages. */
const Localized = z.object({ en: z.string(), vi: z.string() });

/**
 * What the dashboard knows of a sender kind (`GET /api/catalog/senders`): its
 * name, setup guide, verification defaults, and its events grouped the way the
 * sender names them, for the destination editor's checklist.
 */
export const SenderCatalogEntry = z.object({
  kind: SourceKind,
  label: Localized,
  guide: Localized,
  verification: z.object({
    /** What the setup guide advises for this kind. */
    recommended: z.enum(['none', 'hmac', 'header']),
    /** Where the kind signs its webhooks, when it does: with HMAC chosen, the merchant only pastes the secret. */
    signature: z.object({ header: z.string(), encoding: z.enum(['hex', 'base64']) }).nullable(),
    /** A header name to suggest for required-header verification. */
    headerExample: z.string().nullable(),
  }),
  groups: z.array(z.object({ id: z.string(), label: Localized, events: z.array(z.string()) })),
});
export type SenderCatalogEntry = z.infer<typeof SenderCatalogEntry>;

/**
 * `__proto__` is a token HTTP allows, but a header of that name is dropped by every JavaScript object it passes
 * through (Node's, got's): saved, it would be silently never sent, or never found on a request.
 */
const sendableHeaderName = (name: string) => name.toLowerCase() !== '__proto__';

/** The header a source's verification reads (only verification uses this one). */
const headerName = z
  .string()
  .trim()
  .min(1, say.verificationHeaderMissing)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, say.headerNameChars)
  .refine(sendableHeaderName, say.headerNameUnsendable);

/** What the API accepts for verification; the secret parts are write-only. */
export const VerificationInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('hmac'),
    /** Defaults to where the kind signs (its catalogue entry's `verification.signature`). */
    header: headerName.optional(),
    encoding: z.enum(['hex', 'base64']).optional(),
    /** Omit on update to keep the stored secret. Spaces around it (pasted) are dropped: no sender signs with them. */
    secret: z.string().trim().min(6).max(500).optional(),
  }),
  z.object({
    type: z.literal('header'),
    header: headerName,
    /** Omit on update to keep the stored value. Spaces around it are dropped, as HTTP drops them from the header. */
    value: z.string().trim().min(1).max(500).optional(),
  }),
]);
export type VerificationInput = z.infer<typeof VerificationInput>;

/** What the API answers: it says whether a secret is set, never what it is. */
export const Verification = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('hmac'),
    header: z.string(),
    encoding: z.enum(['hex', 'base64']),
    secretSet: z.boolean(),
  }),
  z.object({ type: z.literal('header'), header: z.string(), valueSet: z.boolean() }),
]);
export type Verification = z.infer<typeof Verification>;

export const Source = z.object({
  id: z.string(),
  name: z.string(),
  kind: SourceKind,
  /** The address on this PC (or the shop's network). */
  ingestUrl: z.string(),
  /** The address senders outside the shop use: the public address + `/in/<token>`; null without one. */
  publicUrl: z.string().nullable(),
  verification: Verification,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Source = z.infer<typeof Source>;

/**
 * Control characters (a line break, a tab, NUL) and the invisible marks that turn text's direction around (U+202E
 * shows `Shop\u202Eredro` as `Shopordre`): a name shown in a list, a header and a spreadsheet holds neither.
 */
const PLAIN_NAME = /^[^\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]*$/u;

const sourceName = z.string().trim().regex(PLAIN_NAME, say.nameHidden).min(1, say.sourceName).max(80);

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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The default is Teamcrop's own schedule: 1 min, doubling, 12 attempts in all; no wait longer than 6 h. */
type PatchShape<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.ZodOptional<S[K]> };

/**
 * Every field optional and without its default. Zod 4 applies a default even
 * inside `.partial()`, so a patch built that way would reset every field it
 * does not mention.
 */
function patchShape<S extends Record<string, z.ZodType>>(shape: S): PatchShape<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
    ]),
  ) as PatchShape<S>;
}

export const RetryPolicy = z.object({
  maxAttempts: z.number().int().min(1).max(50).default(12),
  initialDelayMs: z
    .number()
    .int()
    .min(100, say.firstRetryRange)
    .max(24 * HOUR, say.firstRetryRange)
    .default(MINUTE),
  multiplier: z.number().min(1).max(10).default(2),
  maxDelayMs: z
    .number()
    .int()
    .min(100, say.longestWaitRange)
    .max(7 * 24 * HOUR, say.longestWaitRange)
    .default(6 * HOUR),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** `*` alone, a prefix such as `order.*` or `orders/*`, or an exact event type. */
const EventPattern = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\s]+$/, say.eventPattern);

/**
 * What an HTTP header can carry: control characters (CR and LF above all) would split a request; characters beyond
 * Latin-1 cannot be sent at all. Every setting sent as a header is checked by it when saved.
 */
export const HEADER_SAFE = /^[\x20-\x7e\x80-\xff]*$/;

/**
 * One header a destination sends. Checked before trimming, so a name or value with a line break
 * is refused with a sentence rather than quietly cut.
 */
export const DestinationHeaderInput = z.object({
  name: z
    .string()
    .regex(HEADER_SAFE, say.headerNameUnsafe)
    .trim()
    .min(1, say.headerNameMissing)
    .max(100)
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, say.headerNameChars)
    .refine(sendableHeaderName, say.headerNameUnsendable),
  /** A secret header's value may be omitted (or null) on update to keep the stored one. */
  value: z.string().max(4000).regex(HEADER_SAFE, say.headerValueUnsafe).nullable().optional(),
  secret: z.boolean().default(false),
});
export type DestinationHeaderInput = z.infer<typeof DestinationHeaderInput>;

/** Standard Webhooks secrets are `whsec_` and base64. */
export const SigningSecret = z.string().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, say.signingSecret);

/**
 * A JSONata expression applied to the parsed body before sending, kept as written (not trimmed): a mistake's
 * position is counted in the text the merchant sees, the same when saving and in a preview.
 */
export const TransformExpression = z.string().max(20_000);

const destinationName = z.string().trim().regex(PLAIN_NAME, say.nameHidden).min(1, say.destinationName).max(80);
/** A password in the address would be shown and exported with it: Hookferry keeps secrets only where it hides them. */
const httpUrl = z
  .url({ protocol: /^https?$/, error: say.httpUrl })
  .refine((url) => !hasCredentials(url), say.urlCredentials)
  // URL parsing turns a space inside an address into %20 without a word, and a secret hidden in the query hides the
  // mistake too: a pasted token with a space would be sent wrong for ever.
  .refine((url) => !/\s/.test(url.trim()), say.urlSpaces);

function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** A kind the engine knows (GET /api/catalog/destinations lists them); `webhook` sends to any URL. */
const DestinationKindName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, say.destinationKind);

/** A kind's own settings, checked by the kind (see the catalogue); a secret one left out on update keeps its stored value, null removes it. */
const KindSettings = z.record(z.string(), z.unknown());

const destinationFields = {
  name: destinationName,
  kind: DestinationKindName.default('webhook'),
  url: httpUrl,
  events: z.array(EventPattern).min(1, say.noEvents).max(200).default(['*']),
  /** Only events from these sources; empty means every source. */
  sourceIds: z.array(z.string()).max(100).default([]),
  timeoutMs: z.number().int().min(1000, say.timeoutRange).max(120_000, say.timeoutRange).default(15_000),
  retry: RetryPolicy.default(RetryPolicy.parse({})),
  concurrency: z.number().int().min(1).max(32).default(4),
  /** One delivery in flight, strictly in the order events arrived. */
  ordered: z.boolean().default(false),
  paused: z.boolean().default(false),
  settings: KindSettings.default({}),
};

export const DestinationCreate = z.object(destinationFields).strict();
export type DestinationCreate = z.infer<typeof DestinationCreate>;

/**
 * Fields left out stay as they are; `settings` keys given replace the stored ones (a changed kind starts from its
 * defaults). `secretsForNewAddress` answers for a `url` on another site (scheme, host or port) while secret
 * headers or hidden address values entered for the old one are not given anew: `keep` sends them to the new site
 * too, `remove` takes them out; left out, such an update is refused (409) naming them.
 */
export const DestinationPatch = z
  .object({
    ...patchShape(destinationFields),
    retry: z.object(patchShape(RetryPolicy.shape)).optional(),
    secretsForNewAddress: z.enum(['keep', 'remove']).optional(),
  })
  .strict();
export type DestinationPatch = z.infer<typeof DestinationPatch>;

export const Destination = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  sourceIds: z.array(z.string()),
  timeoutMs: z.number().int(),
  retry: RetryPolicy,
  concurrency: z.number().int(),
  ordered: z.boolean(),
  paused: z.boolean(),
  /** The kind's settings without any secret value. */
  settings: KindSettings,
  /** For each of the kind's secret settings: whether a value is stored (the value itself never leaves the engine). */
  secretsSet: z.record(z.string(), z.boolean()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Destination = z.infer<typeof Destination>;

/** A sentence in the dashboard's languages. */
export const Texts = z.object({ en: z.string(), vi: z.string() });
export type Texts = z.infer<typeof Texts>;

/** One destination kind, as the dashboard's editor needs it (`GET /api/catalog/destinations`). */
export const DestinationKindInfo = z.object({
  kind: z.string(),
  label: Texts,
  /** Settings that are write-only. */
  secretFields: z.array(z.string()),
  defaults: z.object({ url: z.string().nullable(), settings: KindSettings }),
  /** The event types the kind has a use for; null: any event. */
  events: z.array(z.string()).nullable(),
  /** What the URL field holds for this kind, when not a plain address to post to. */
  urlLabel: Texts.nullable(),
  /** What to put in the URL field, said under it, when the kind fills in no address of its own. */
  urlHelp: Texts.nullable(),
  /** Plain text settings the dashboard draws as fields (a kind with a fieldset of its own draws that instead). */
  fields: z.array(
    z.object({
      key: z.string(),
      label: Texts,
      secret: z.boolean(),
      required: z.boolean(),
      placeholder: z.string().nullable(),
    }),
  ),
  help: Texts.nullable(),
  /** Said of the last "Send test event" that went through; null: the kind's test is a sample event, said generically. */
  testOk: Texts.nullable(),
});
export type DestinationKindInfo = z.infer<typeof DestinationKindInfo>;

export const PreviewRequest = z
  .object({
    /** Preview on this stored event; or on `body`; or, with neither, on the newest event. */
    eventId: z.string().optional(),
    body: z.unknown().optional(),
    /** The event type of `body`: some kinds (a CRM) decide what to send by it. */
    type: z.string().max(200).optional(),
    /** An expression being edited; defaults to the destination's saved one. */
    expression: TransformExpression.optional(),
  })
  .strict();
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const PreviewResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown(), eventId: z.string().nullable() }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    /** The same as `error`, as a code and parameters the dashboard says in the merchant's language. */
    reason: Reason.nullable(),
    position: z.number().int().nullable(),
    eventId: z.string().nullable(),
  }),
]);
export type PreviewResult = z.infer<typeof PreviewResult>;

export const TestResult = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  /** The same as `error`, as a code and parameters the dashboard says in the merchant's language. */
  reason: Reason.nullable(),
  responseSnippet: z.string().nullable(),
});
export type TestResult = z.infer<typeof TestResult>;

/**
 * An event's status sums up its deliveries, by precedence (see `eventStatusOf` in event-status.ts):
 * `failed` (one gave up and waits for the merchant, even while others still wait) > `pending` (some
 * delivery still to go) > `discarded` (all done, at least one discarded) > `delivered` > `skipped`
 * (every destination passed it by) > `received` (no destination wanted it); `rejected`: refused at intake.
 */
export const eventStatuses = [
  'received',
  'pending',
  'delivered',
  'failed',
  'discarded',
  'skipped',
  'rejected',
] as const;
export const EventStatus = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof EventStatus>;

/**
 * An event's status as the overview counts it and every page names it (see `DayCounts`): its status, except an event
 * failed at one destination and still on its way to another, `pending`, one failed at one and delivered to
 * another, `partlyDelivered`, and one discarded at one and delivered to another, `partlyDiscarded`. `status` stays
 * what the filters and Failed go by: the first two still wait in Failed, the last is listed under Discarded.
 */
export const eventOutcomes = [...eventStatuses, 'partlyDelivered', 'partlyDiscarded'] as const;
export const EventOutcome = z.enum(eventOutcomes);
export type EventOutcome = z.infer<typeof EventOutcome>;

export const deliveryStatuses = [
  'pending',
  'delivering',
  'retrying',
  'delivered',
  'failed',
  'skipped',
  'discarded',
] as const;
export const DeliveryStatus = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * What one try came to: `delivered` (2xx), `http` (another status), `network`, `timeout`, `gone` (410),
 * `invalid` (the event cannot be sent as it is: a transformation error, a field the CRM requires), or
 * `skipped` (the destination has no use for this event). The last three are not retried. `interrupted`: Hookferry
 * stopped (closed or crashed) while the try was on the wire; no answer, nothing learnt of the destination. `busy`:
 * Hookferry could not make the event ready in time (the PC had too much to do) or its helper process stopped under
 * it; nothing was sent, nothing is wrong with the event or the destination, and it is always tried again.
 */
export const AttemptCategory = z.enum([
  'delivered',
  'http',
  'network',
  'timeout',
  'gone',
  'invalid',
  'skipped',
  'interrupted',
  'busy',
]);
export type AttemptCategory = z.infer<typeof AttemptCategory>;

export const Attempt = z.object({
  at: z.string(),
  durationMs: z.number().int(),
  category: AttemptCategory,
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  /** `error` as a code and parameters, for the dashboard to say in the merchant's language; null when delivered. */
  reason: Reason.nullable(),
  responseSnippet: z.string().nullable(),
});
export type Attempt = z.infer<typeof Attempt>;

/** Ordered mode: the event at the head of a destination's line, named as the merchant knows it. */
export const HeldBy = z.object({
  eventId: z.string(),
  /** The event's reference (an invoice such as SPIRAL-170623-1017-DC92), or its type when it has none. */
  label: z.string(),
  status: DeliveryStatus,
});
export type HeldBy = z.infer<typeof HeldBy>;

export const DeliverySummary = z.object({
  id: z.string(),
  eventId: z.string(),
  destinationId: z.string(),
  destinationName: z.string(),
  /** Its destination was deleted: the delivery stays in the event's history, and nothing more is sent there. */
  destinationDeleted: z.boolean(),
  status: DeliveryStatus,
  attemptCount: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** `lastError` as a code and parameters, for the dashboard to say in the merchant's language. */
  lastReason: Reason.nullable(),
  /** Its destination (or every delivery) is paused: it sends when resumed, and has no next-try time. */
  paused: z.boolean(),
  /** Ordered mode: the event whose delivery must succeed (or be discarded) before this one goes. */
  heldBy: HeldBy.nullable(),
});
export type DeliverySummary = z.infer<typeof DeliverySummary>;

export const Delivery = DeliverySummary.extend({ attempts: z.array(Attempt) });
export type Delivery = z.infer<typeof Delivery>;

/**
 * The `rejection` codes of a request refused for its key or signature (main/intake/verify.ts refuses with these
 * alone): the fix is the key, then the order sent again from the POS or shop.
 */
export const keyRefusalCodes = [
  'intake.headerMissing',
  'intake.headerWrong',
  'intake.signatureMissing',
  'intake.signatureWrong',
  'intake.secretLost',
] as const;
export type KeyRefusalCode = (typeof keyRefusalCodes)[number];

export const EventListItem = z.object({
  id: z.string(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  type: z.string(),
  status: EventStatus,
  /** What the dashboard names it by (see `EventOutcome`). */
  outcome: EventOutcome,
  receivedAt: z.string(),
  summary: z.string(),
  httpStatus: z.number().int(),
  reason: z.string().nullable(),
  /** Why a rejected request was refused, for the dashboard to say in the merchant's language (`reason` is the English). */
  rejection: Reason.nullable(),
  bodySize: z.number().int(),
  duplicates: z.number().int(),
  /** A test event sent from a destination's "Send test event", not from a sender. */
  test: z.boolean(),
  /**
   * Ordered mode: none of its deliveries still to go is on its way, and one waits in an ordered line behind another
   * event (see `DeliverySummary.heldBy`) for that one to go through or be discarded (any other waits for a pause):
   * none is sent or tried now. Whatever its other deliveries did: a failed event (`outcome` pending) too.
   */
  heldBehind: z.boolean(),
  /**
   * Every delivery of it still to go waits for a paused destination (or for all sending to resume), none behind a
   * failed event: it goes once resumed. Whatever its other deliveries did: a failed event (`outcome` pending) too.
   */
  waitsPaused: z.boolean(),
});
export type EventListItem = z.infer<typeof EventListItem>;

/**
 * What the live log's Status filter finds, by the word each badge shows: `pending` (On its way), `waiting`
 * (`heldBehind`), `waitsPaused`, `delivered`, `partlyDelivered`, `partlyDiscarded` and the rest as `outcome` names
 * them, but `failed` (failed at any destination, what Failed holds) and `discarded` (given up at any destination). With
 * a destination chosen, `pending`, `waiting`, `waitsPaused`, `delivered`, `failed`, `discarded` and `skipped` are the
 * state of the event's delivery there.
 */
export const eventFilterStatuses = [
  'pending',
  'waiting',
  'waitsPaused',
  'delivered',
  'partlyDelivered',
  'failed',
  'partlyDiscarded',
  'discarded',
  'skipped',
  'received',
  'rejected',
] as const;
export const EventFilterStatus = z.enum(eventFilterStatuses);
export type EventFilterStatus = z.infer<typeof EventFilterStatus>;
/** The filter's statuses that name a delivery's state at the chosen destination (see `eventFilterStatuses`). */
export const deliveryFilterStatuses = [
  'pending',
  'waiting',
  'waitsPaused',
  'delivered',
  'failed',
  'discarded',
  'skipped',
] as const satisfies readonly EventFilterStatus[];

export const EventListQuery = z.object({
  status: EventFilterStatus.optional(),
  sourceId: z.string().optional(),
  /** Events that have a delivery to this destination (in the state `status` names, when one is chosen). */
  destinationId: z.string().optional(),
  type: z.string().optional(),
  /** Words to find, however typed: case, accents and đ do not matter; each word matches the start of one. */
  q: z.string().trim().max(200).optional(),
  /** The `next` cursor of the previous page. */
  before: z.string().regex(/^\d+$/, say.pageCursor).optional(),
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
  deliveries: z.array(Delivery),
  /** When no destination took the event: why, as a sentence, and its code for the dashboard. */
  routing: z.string().nullable(),
  routingReason: Reason.nullable(),
});
export type EventDetail = z.infer<typeof EventDetail>;

/** Delivery statuses as stored (`delivering` is only ever in memory). */
export const StoredDeliveryStatus = DeliveryStatus.exclude(['delivering']);

export const DeliveryListQuery = z.object({
  status: StoredDeliveryStatus.optional(),
  destinationId: z.string().optional(),
  /** Only deliveries whose last error is this sentence (one reason on the Failed page). */
  lastError: z.string().max(MAX_MESSAGE_CHARS).optional(),
  /** The `next` cursor of the previous page. */
  before: z
    .string()
    .regex(/^\d+:\d+$/, say.pageCursor)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export const DeliveryListItem = DeliverySummary.extend({
  lastAttemptAt: z.string().nullable(),
  event: z.object({ type: z.string(), summary: z.string(), receivedAt: z.string() }),
});
export type DeliveryListItem = z.infer<typeof DeliveryListItem>;

export const DeliveryListPage = z.object({ items: z.array(DeliveryListItem), next: z.string().nullable() });
export type DeliveryListPage = z.infer<typeof DeliveryListPage>;

export const DeliveryCountsQuery = z.object({ status: StoredDeliveryStatus.default('failed') });

/**
 * Deliveries of one status by destination, then by reason (their last error), newest first: ordered by the
 * latest time one of their events was received (`newestAt`), the time the Failed page's rows show.
 */
export const DeliveryCounts = z.object({
  destinations: z.array(
    z.object({
      destinationId: z.string(),
      destinationName: z.string(),
      count: z.number().int(),
      reasons: z.array(
        z.object({
          lastError: z.string().nullable(),
          reason: Reason.nullable(),
          count: z.number().int(),
          newestAt: z.string(),
        }),
      ),
    }),
  ),
});
export type DeliveryCounts = z.infer<typeof DeliveryCounts>;

/**
 * A bulk resend and how it went, counted from its deliveries' statuses now (so it survives leaving the page):
 * delivered (or skipped by the destination), failed again, discarded meanwhile, or still waiting.
 */
export const ResendBatch = z.object({
  id: z.string(),
  destinationId: z.string(),
  destinationName: z.string(),
  /** The reason resent (a last error), or null for every failure of the destination. */
  lastError: z.string().nullable(),
  total: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  discarded: z.number().int(),
  waiting: z.number().int(),
  /**
   * Its events as they stand now, counted the same ways: once it finished, one of them resent (or discarded) since
   * has moved on, while the figures above keep what this resend did. While it runs, the same as those.
   */
  now: z.object({
    delivered: z.number().int(),
    failed: z.number().int(),
    discarded: z.number().int(),
    waiting: z.number().int(),
  }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ResendBatch = z.infer<typeof ResendBatch>;

export const FailedViewQuery = z.object({
  /** The newest failed deliveries of each reason given, at most this many. */
  rows: z.coerce.number().int().min(1).max(500).default(10),
});

const FailedReason = DeliveryCounts.shape.destinations.element.shape.reasons.element;

/**
 * The Failed page in one answer, read at one moment: recent resends, failed deliveries by destination and reason
 * with counts, and each reason's newest rows. Read apart, a resend said finished beside rows and counts of before.
 */
export const FailedView = z.object({
  batches: z.array(ResendBatch),
  /** Events waiting in Failed (the stats' `open.failed`, the menu's count), read with the rest. */
  failedEvents: z.number().int(),
  /**
   * Deliveries a person resent (one try each, see DeliveryStore.requeue) whose try has not ended yet: out of Failed
   * while they are tried, and back in it if that try fails.
   */
  resending: z.number().int(),
  /** Of `resending`, those whose destination is paused (or all sending is): none is tried until resumed. */
  resendingPaused: z.number().int(),
  destinations: z.array(
    DeliveryCounts.shape.destinations.element.extend({
      reasons: z.array(FailedReason.extend({ rows: z.array(DeliveryListItem) })),
    }),
  ),
});
export type FailedView = z.infer<typeof FailedView>;

/** Resend or discard a destination's failures: all of them, or those of one reason. */
export const FailedSelection = z
  .object({ lastError: z.string().max(MAX_MESSAGE_CHARS).optional() })
  .strict()
  .optional();

const Counts = z.object(
  Object.fromEntries(eventStatuses.map((status) => [status, z.number().int()])) as Record<EventStatus, z.ZodNumber>,
);
export type Counts = z.infer<typeof Counts>;

/**
 * Events by what happened to them, each counted once, as the overview's day and chart count them: by status, except
 * an event failed at one destination and still on its way to another (pending or retrying there), counted under
 * `pending`, and `partlyDelivered`, an event delivered to some destinations and failed at another (it waits in
 * Failed), counted there; neither is under `failed`. So `failed` is an event no destination has nor is still being
 * sent, and `delivered` one every destination that takes it has. Likewise `partlyDiscarded`, an event delivered to
 * some destinations and discarded (given up) at the others, is not under `discarded`: that one went nowhere.
 */
const DayCounts = Counts.extend({ partlyDelivered: z.number().int(), partlyDiscarded: z.number().int() });
export type DayCounts = z.infer<typeof DayCounts>;

/**
 * `retrying`: some of its events failed a try and wait for the next, but fewer tries in a row failed than
 * make it `failing`. `failing`: 5 tries in a row failed, or its latest try failed and none of its events
 * waits for another. Never `healthy` while events wait to be tried again, nor once its latest try failed; with no
 * try in the day before a restart, `failing` while something of it waits in Failed. Once nothing of it waits (its
 * failed events resent or discarded), a test event that went through after its latest failed try makes it `healthy`
 * again: no order is left to prove the receiver mended, and "failing" with nothing to try would be a false alarm.
 * `untried`: nothing was ever sent to it, nor tried, so there is nothing to call healthy yet.
 * Test events ("Send test event") move nothing else: a test to an address not ready yet says nothing about how
 * the orders go. The latest test is `lastTest`, apart.
 */
export const DestinationHealth = z.enum(['untried', 'healthy', 'retrying', 'failing', 'paused']);

export const DestinationStats = z.object({
  id: z.string(),
  name: z.string(),
  health: DestinationHealth,
  /** Something was ever sent to it, or tried (test events aside): false for a new or imported one, paused or not. */
  tried: z.boolean(),
  /** Deliveries still to go: pending, retrying or in flight. */
  backlog: z.number().int(),
  /** Of `backlog`, the tries on the wire now: with `tried` false, its first event is being sent. */
  sending: z.number().int(),
  failed: z.number().int(),
  lastError: z.string().nullable(),
  /** `lastError` as a code and parameters, for the dashboard to say in the merchant's language. */
  lastReason: Reason.nullable(),
  /** When that try was. */
  lastErrorAt: z.string().nullable(),
  /**
   * When its next try is due: its soonest delivery waiting to go (in ordered mode, the head of its line); null when
   * nothing of it waits to be tried. In the past while a try is out or due now.
   */
  nextTryAt: z.string().nullable(),
  /**
   * Its latest try (test events aside) failed, and no test went through since with nothing of it waiting: what makes
   * it `failing` unless it is paused. A paused destination's banner says its tries failed by this.
   */
  lastTryFailed: z.boolean(),
  /** Share of attempts in the last 24 h that succeeded (test events aside); null without attempts. */
  successRate: z.number().nullable(),
  /** How long its answers took over 24 h (the 95th percentile), answers only (not timeouts); null without one. */
  p95Ms: z.number().nullable(),
  /** Ordered mode: the event whose delivery holds the line, while it is retrying or failed. */
  heldBy: HeldBy.nullable(),
  /**
   * `healthy` only because nothing of it waits and a test went through after its latest failed try (see
   * DestinationHealth): the card says the earlier error was followed by a test, not by orders.
   */
  mendedByTest: z.boolean(),
  /**
   * Its latest test event in the last 24 h (since the start, or before it): said apart, out of every figure above
   * (but `health`, as `mendedByTest` says).
   */
  lastTest: z
    .object({
      at: z.string(),
      ok: z.boolean(),
      httpStatus: z.number().int().nullable(),
      error: z.string().nullable(),
      reason: Reason.nullable(),
      /** Made before what a test tries (kind, address, settings, secrets, timeout) last changed: it says nothing of it. */
      beforeChange: z.boolean(),
    })
    .nullable(),
  /**
   * `lastTest` failed and no order went through since: the card says so in place of "healthy" or "untried" (`health`
   * stays as the orders make it, and so does every count: a test is no order), until an order or a test goes through.
   */
  testFailing: z.boolean(),
});
export type DestinationStats = z.infer<typeof DestinationStats>;

const port = z.number().int().min(0).max(65535);

/**
 * Where this run of the engine listens. The command line (`--host`, `--port`, `--admin-port`) wins
 * over Settings for the run, so Settings can hold other numbers than the running ones. Each flag is
 * told apart: Settings names exactly what the command line fixed, not "both ports" when one was given.
 */
/**
 * The saved port this run could not open at its start (`code`: EADDRINUSE when another program holds it, EACCES when
 * the system does not allow it): rather than not start at all, the engine listens on a free port meanwhile.
 */
const PortRefusal = z.object({ port, code: z.string() });
export type PortRefusal = z.infer<typeof PortRefusal>;

export const Listening = z.object({
  intake: z.object({
    host: z.string(),
    port,
    /** The port came from `--port`. */
    fromCommandLine: z.boolean(),
    /** The address came from `--host`, so the network choice in Settings waits for a start without it. */
    hostFromCommandLine: z.boolean(),
    savedPortRefused: PortRefusal.nullable(),
  }),
  admin: z.object({ port, fromCommandLine: z.boolean(), savedPortRefused: PortRefusal.nullable() }),
});
export type Listening = z.infer<typeof Listening>;

/** How far back a source's refusals are looked at for `Stats.refusingSources`. */
export const REFUSING_WINDOW_HOURS = 24;

/**
 * A source whose requests were refused in the last `REFUSING_WINDOW_HOURS` hours, none taken since: a sender with a
 * wrong key or a body Hookferry cannot read, whose orders are all being lost until the merchant acts. Only refusals
 * that would come again the same way are counted (a key, a signature, a body: not a rate limit, a busy or slow moment,
 * a page opened in a browser, Hookferry's own delivery coming back), and only those kept in the live log.
 */
export const RefusingSource = z.object({
  id: z.string(),
  name: z.string(),
  refused: z.number().int(),
  /** The first of them in the window. */
  since: z.string(),
  latestAt: z.string(),
  latestStatus: z.number().int(),
  /** The latest refusal's sentence in English (the sender's answer), and its reason for the merchant's language. */
  latestError: z.string(),
  latestReason: Reason.nullable(),
});
export type RefusingSource = z.infer<typeof RefusingSource>;

export const Stats = z.object({
  /**
   * Since midnight (this PC's time), by what happened to each so far: the events received, and under `rejected` the
   * requests refused at the door, which are no event received (dayReceived in day-counts.ts says the two apart).
   */
  today: DayCounts,
  /** Events that still need something, whenever they came: being delivered, or failed and waiting for the merchant. */
  open: z.object({ pending: z.number().int(), failed: z.number().int() }),
  /** The last 24 hours, oldest first, one entry per hour, counted as `today` is. */
  hourly: z.array(DayCounts.extend({ hour: z.string() })),
  /**
   * Deliveries still to go or waiting for the merchant, over every destination, each counted once: those on the
   * wire now are `delivering`, not also `pending` or `retrying`; those of a paused destination (or while every
   * delivery is paused) are `waitingForPaused`, not on their way; those held in an ordered line behind an event that
   * failed for good are `heldBehindFailed` (paused or not): they go only once that event is resent or discarded.
   */
  deliveries: z.object({
    pending: z.number().int(),
    retrying: z.number().int(),
    delivering: z.number().int(),
    waitingForPaused: z.number().int(),
    heldBehindFailed: z.number().int(),
    failed: z.number().int(),
  }),
  deliveriesPaused: z.boolean(),
  destinations: z.array(DestinationStats),
  /** Sources refusing what they are sent, the most refused first: each an alarm until one of its requests is taken. */
  refusingSources: z.array(RefusingSource),
  listening: Listening,
  /** The disk holding the data folder has almost no room left: new events may be refused (503) until it has. */
  diskFull: z.boolean(),
});
export type Stats = z.infer<typeof Stats>;

/** The highest body limit a merchant may set. */
export const MAX_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * An IPv6 address in its one short form, as the checks and the listener compare it: `0:0:0:0:0:0:0:0` is `::`,
 * every address, and was refused as an address this PC does not have.
 */
const shortIpv6 = z.ipv6().transform((address) => new URL(`http://[${address}]/`).hostname.slice(1, -1));

export const IntakeSettings = z.object({
  /** 127.0.0.1 keeps the listener on this PC; 0.0.0.0 opens it to the shop's network. */
  host: z.union([z.ipv4(), shortIpv6]).default('127.0.0.1'),
  port: port.default(8780),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024, say.bodyLimitRange)
    .max(MAX_BODY_LIMIT_BYTES, say.bodyLimitRange)
    .default(5 * 1024 * 1024),
  rateLimitPerMinute: z.number().int().min(1).max(10_000_000).default(1200),
});

/**
 * How senders in the cloud reach this PC: `off`; `ngrok`, a tunnel Hookferry opens itself with the
 * merchant's ngrok account; or `own`, the base URL of the shop's own tunnel or port forward.
 */
export const publicAddressModes = ['off', 'ngrok', 'own'] as const;
export const PublicAddressMode = z.enum(publicAddressModes);
export type PublicAddressMode = z.infer<typeof PublicAddressMode>;

/** The base of the shop's own tunnel or forwarding: scheme and host (and port), nothing after; kept without the trailing slash. */
export const PublicBaseUrl = z
  .url({ protocol: /^https?$/, error: say.publicUrl })
  .refine((value) => {
    // zod runs this even when the address check above failed: that one has said what is wrong.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, say.publicUrlBaseOnly)
  .transform((value) => new URL(value).origin);

/** An ngrok domain as the dashboard shows it (`name.ngrok-free.dev`); a pasted https:// or trailing slash is dropped. */
export const NgrokDomain = z
  .string()
  .trim()
  .transform((value) =>
    value
      .replace(/^https?:\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase(),
  )
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, say.ngrokDomain),
  );

export const PublicAddressSettings = z.object({
  mode: PublicAddressMode.default('off'),
  /** Mode `own`: the base URL senders use. */
  url: PublicBaseUrl.nullable().default(null),
  ngrok: z
    .object({
      /** The authtoken itself is write-only: stored encrypted, never sent back. */
      authtokenSet: z.boolean().default(false),
      /** The account's static (dev) domain; null lets ngrok choose. */
      domain: NgrokDomain.nullable().default(null),
    })
    .default({ authtokenSet: false, domain: null }),
});
export type PublicAddressSettings = z.infer<typeof PublicAddressSettings>;

/** What a settings update may say about the public address; omitted fields are kept. */
export const PublicAddressUpdate = z.object({
  mode: PublicAddressMode.optional(),
  url: PublicBaseUrl.nullable().optional(),
  ngrok: z
    .object({
      /** A new authtoken; null removes the stored one; omitted keeps it. */
      authtoken: z
        .string()
        .trim()
        .min(10, say.ngrokAuthtokenShort)
        .max(500)
        .regex(/^[A-Za-z0-9_-]+$/, say.ngrokAuthtokenChars)
        .nullable()
        .optional(),
      domain: NgrokDomain.nullable().optional(),
    })
    .optional(),
});
export type PublicAddressUpdate = z.infer<typeof PublicAddressUpdate>;

/** `unverified`: the shop's own address, which Hookferry could not reach itself through from this PC (that may still work from outside). */
export const publicAddressStates = ['off', 'connecting', 'online', 'unverified', 'error'] as const;

/** Where the public address stands: `GET /api/public-address`, and on the stream as `public-address`. */
export const PublicAddressStatus = z.object({
  mode: PublicAddressMode,
  status: z.enum(publicAddressStates),
  /** The public base URL when it is known (online, or a fixed ngrok domain or the shop's own address). */
  url: z.string().nullable(),
  /** What went wrong and what to do, as a sentence; null when nothing is wrong. */
  error: z.string().nullable(),
  reason: Reason.nullable(),
});
export type PublicAddressStatus = z.infer<typeof PublicAddressStatus>;

export const Settings = z.object({
  intake: IntakeSettings.default(IntakeSettings.parse({})),
  adminPort: port.default(8781),
  publicAddress: PublicAddressSettings.default(PublicAddressSettings.parse({})),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  language: z.enum(['en', 'vi']).default('en'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  debugLogging: z.boolean().default(false),
  /** Every destination waits (the tray's Pause deliveries); nothing is dropped. */
  deliveriesPaused: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

/**
 * The intake's port as saved: 0 (any free port) would move the intake at every start, and every sender set up with
 * its address would be refused from the next start on. The command line's `--port 0` (tests) is not saved.
 */
const savedIntakePort = port.min(1, say.intakePortZero);
/** The same of the dashboard's port: its address, bookmarked or printed, would change at every start. */
const savedAdminPort = port.min(1, say.adminPortZero);

export const SettingsUpdate = z
  .object({
    ...patchShape(Settings.omit({ intake: true, publicAddress: true }).shape),
    adminPort: savedAdminPort.optional(),
    intake: z.object({ ...patchShape(IntakeSettings.shape), port: savedIntakePort.optional() }).optional(),
    publicAddress: PublicAddressUpdate.optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/**
 * What the dashboard and the tray refetch when the `changed` stream message names it; `disk`: the disk holding
 * the data folder became full, or has room again (the figures say which).
 */
export const changeKinds = ['settings', 'sources', 'destinations', 'disk'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const StreamMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('event'),
    event: EventListItem,
    /** What search looks in, folded (search-fold.ts), so the live log matches new rows as the engine would. */
    searchText: z.string(),
  }),
  z.object({
    type: z.literal('delivery'),
    eventId: z.string(),
    eventStatus: EventStatus,
    eventOutcome: EventOutcome,
    delivery: DeliverySummary,
    attempt: Attempt.nullable(),
  }),
  PublicAddressStatus.extend({ type: z.literal('public-address') }),
  z.object({
    type: z.literal('notice'),
    level: z.enum(['info', 'warn', 'error']),
    /** In English, for logs and the API; `reason` says it in the merchant's language. */
    message: z.string(),
    reason: Reason,
    /** The reason inside the notice (why a delivery failed), filled into its `{{cause}}`; null without one. */
    cause: Reason.nullable(),
    at: z.string(),
  }),
  /** Settings, sources or destinations were saved (from the tray, the API, another tab): read them again. */
  z.object({ type: z.literal('changed'), what: z.enum(changeKinds) }),
  z.object({ type: z.literal('resend-batch'), batch: ResendBatch }),
  /** A sender sent this event again (a retry, a replay): its duplicate count went up. */
  z.object({ type: z.literal('duplicate'), eventId: z.string() }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;

/** The version mark of a configuration file; a file without it is not one of ours. */
export const CONFIG_FILE_VERSION = 1;

/** A source in a configuration file: how it verifies, never the secret itself. */
const ConfigSource = z.object({
  name: sourceName,
  kind: SourceKind,
  verification: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('none') }),
      z.object({ type: z.literal('hmac'), header: headerName, encoding: z.enum(['hex', 'base64']).default('hex') }),
      z.object({ type: z.literal('header'), header: headerName }),
    ])
    .default({ type: 'none' }),
});
export type ConfigSource = z.infer<typeof ConfigSource>;

/** A destination in a configuration file: sources by name (ids differ between computers), secrets left out. */
const { sourceIds: _sourceIds, ...portableDestinationFields } = destinationFields;
/**
 * A destination in a configuration file: sources by name (ids differ between computers), the kind's
 * settings as stored (secret values left out), and the names of the secrets to enter again.
 */
const ConfigDestination = z.object({
  ...portableDestinationFields,
  sourceNames: z.array(z.string()).max(100).default([]),
  secrets: z.array(z.string()).max(100).default([]),
});
export type ConfigDestination = z.infer<typeof ConfigDestination>;

/** Two names that are the same to a shopkeeper: spaces around them and letter case aside. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function uniqueNames(items: { name: string }[], what: string, ctx: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = nameKey(item.name);
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: [path, index, 'name'], message: `Two ${what} are named “${item.name}”.` });
    seen.add(key);
  });
}

/** `GET /api/config/export` answers this; `POST /api/config/import` takes it back, on this or another computer. */
export const ConfigFile = z
  .object({
    hookferry: z.literal(CONFIG_FILE_VERSION),
    exportedAt: z.string().optional(),
    settings: SettingsUpdate.omit({ deliveriesPaused: true, publicAddress: true }).optional(),
    sources: z.array(ConfigSource).max(200).default([]),
    destinations: z.array(ConfigDestination).max(200).default([]),
  })
  .superRefine((file, ctx) => {
    uniqueNames(file.sources, 'sources', ctx, 'sources');
    uniqueNames(file.destinations, 'destinations', ctx, 'destinations');
  });
export type ConfigFile = z.infer<typeof ConfigFile>;

/** The file as read: its text, so the engine can say plainly when it is not JSON at all. */
export const ConfigImportBody = z.object({ text: z.string().max(10 * 1024 * 1024) }).strict();
export const ConfigImportQuery = z.object({ dryRun: z.enum(['1', '0']).default('1') });

/** What an import does (or, on a dry run, would do) with one part of the file, and why. */
export const ImportItem = z.object({
  what: z.enum(['settings', 'source', 'destination']),
  name: z.string(),
  action: z.enum(['create', 'update', 'skip']),
  /** The English sentence; `reason` renders it in the merchant's language. */
  why: z.string(),
  reason: Reason,
});
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportAnswer = z.object({ applied: z.boolean(), items: z.array(ImportItem) });
export type ImportAnswer = z.infer<typeof ImportAnswer>;

/** One refused field: `path` in dots (`verification.header`), zod's `code` and its numbers, and the English sentence. */
export const FieldProblem = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/** A refused call: one sentence, and for a request that did not validate, each problem by field. */
export const ApiError = z.object({
  error: z.string(),
  fields: z.array(FieldProblem).optional(),
  /** The sentence's code, for the dashboard to say it in the merchant's language. */
  reason: Reason.optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const IdParams = z.object({ id: z.string().min(1).max(100) });
const Deleted = z.object({ deleted: z.literal(true) });
const Queued = z.object({ queued: z.number().int() });
const Discarded = z.object({ discarded: z.number().int() });
/**
 * A resend of one event: `queued` destinations this call queued it for (again, or for the first time), `sending` ones
 * it was not queued for because a try of it is on the wire to them right now (that try is the send; its result
 * follows on the stream), and `waiting` ones it was not queued for because it already waits to be sent there (queued
 * by an earlier resend, a bulk one from Failed included, or not sent yet: a paused destination, an ordered line).
 */
const EventResent = Queued.extend({ sending: z.number().int(), waiting: z.number().int() });
/** No shop has a thousand destinations: a longer list is a mistake or an attack, refused before it is read. */
export const ResendEventBody = z
  .object({
    destinationIds: z.array(z.string().max(100)).min(1).max(1000).optional(),
    /**
     * Send it again where the destination confirmed it (a second copy there): without it such a resend is refused
     * (409), so a page read before the event was delivered cannot send an order twice unasked.
     */
    evenIfDelivered: z.boolean().optional(),
  })
  .strict();

/**
 * Earlier events for one destination: those it takes now that came before it took them. The window the merchant
 * picks counts back from now: `day` the last 24 hours, `week` the last 7 days, `all` everything still kept.
 */
export const EarlierWindow = z.enum(['day', 'week', 'all']);
export type EarlierWindow = z.infer<typeof EarlierWindow>;
/** How many stored events of the kinds it takes now have no delivery to it at all, in each window. */
export const EarlierCounts = z.object({ day: z.number().int(), week: z.number().int(), all: z.number().int() });
export type EarlierCounts = z.infer<typeof EarlierCounts>;
export const SendEarlierBody = z.object({ window: EarlierWindow }).strict();
/**
 * `queued` events sent to this destination only, each once; `paused` when they wait for a resume (its own pause or
 * everyone's) rather than go now.
 */
export const EarlierSent = Queued.extend({ paused: z.boolean() });
export type EarlierSent = z.infer<typeof EarlierSent>;

export const ExportQuery = z.object({
  /**
   * `xlsx`: the Excel workbook a person opens (always in words, as `lang` below); `csv`: the same for other programs,
   * or the data file; `ndjson`: the full backup.
   */
  format: z.enum(['xlsx', 'csv', 'ndjson']).default('ndjson'),
  /** `0` leaves the bodies out of a workbook or CSV, which then opens quickly in a spreadsheet. */
  bodies: z.enum(['1', '0']).default('1'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /**
   * A CSV for a person, in this language: named columns, times on the shop's clock (`tz`, an IANA zone such
   * as Asia/Ho_Chi_Minh; this PC's by default), statuses and reasons in words, then the code columns. Without
   * it, the CSV is the data file it always was (codes, UTC times), and a workbook is in the dashboard's language.
   */
  lang: z.enum(['en', 'vi']).optional(),
  tz: z
    .string()
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone: use an IANA name such as Asia/Ho_Chi_Minh.')
    .optional(),
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
  listSenders: { method: 'GET', path: '/api/catalog/senders', response: z.array(SenderCatalogEntry) },
  listSources: { method: 'GET', path: '/api/sources', response: z.array(Source) },
  createSource: { method: 'POST', path: '/api/sources', body: SourceCreate, response: Source },
  updateSource: { method: 'PATCH', path: '/api/sources/:id', params: IdParams, body: SourcePatch, response: Source },
  deleteSource: { method: 'DELETE', path: '/api/sources/:id', params: IdParams, response: Deleted },
  listEvents: { method: 'GET', path: '/api/events', query: EventListQuery, response: EventListPage },
  getEvent: { method: 'GET', path: '/api/events/:id', params: IdParams, response: EventDetail },
  getStats: { method: 'GET', path: '/api/stats', response: Stats },
  resendEvent: {
    method: 'POST',
    path: '/api/events/:id/resend',
    params: IdParams,
    body: ResendEventBody,
    response: EventResent,
  },
  listDestinationKinds: {
    method: 'GET',
    path: '/api/catalog/destinations',
    response: z.array(DestinationKindInfo),
  },
  listDestinations: { method: 'GET', path: '/api/destinations', response: z.array(Destination) },
  createDestination: { method: 'POST', path: '/api/destinations', body: DestinationCreate, response: Destination },
  updateDestination: {
    method: 'PATCH',
    path: '/api/destinations/:id',
    params: IdParams,
    body: DestinationPatch,
    response: Destination,
  },
  deleteDestination: { method: 'DELETE', path: '/api/destinations/:id', params: IdParams, response: Deleted },
  testDestination: { method: 'POST', path: '/api/destinations/:id/test', params: IdParams, response: TestResult },
  previewDestination: {
    method: 'POST',
    path: '/api/destinations/:id/preview',
    params: IdParams,
    body: PreviewRequest,
    response: PreviewResult,
  },
  resendFailed: {
    method: 'POST',
    path: '/api/destinations/:id/resend-failed',
    params: IdParams,
    body: FailedSelection,
    response: Queued.extend({ batchId: z.string().nullable() }),
  },
  discardFailed: {
    method: 'POST',
    path: '/api/destinations/:id/discard-failed',
    params: IdParams,
    body: FailedSelection,
    response: Discarded,
  },
  earlierEvents: {
    method: 'GET',
    path: '/api/destinations/:id/earlier',
    params: IdParams,
    response: EarlierCounts,
  },
  sendEarlier: {
    method: 'POST',
    path: '/api/destinations/:id/send-earlier',
    params: IdParams,
    body: SendEarlierBody,
    response: EarlierSent,
  },
  listDeliveries: { method: 'GET', path: '/api/deliveries', query: DeliveryListQuery, response: DeliveryListPage },
  deliveryCounts: {
    method: 'GET',
    path: '/api/deliveries/counts',
    query: DeliveryCountsQuery,
    response: DeliveryCounts,
  },
  listResendBatches: { method: 'GET', path: '/api/resend-batches', response: z.array(ResendBatch) },
  failedView: { method: 'GET', path: '/api/deliveries/failed', query: FailedViewQuery, response: FailedView },
  resendDelivery: { method: 'POST', path: '/api/deliveries/:id/resend', params: IdParams, response: Delivery },
  discardDelivery: { method: 'POST', path: '/api/deliveries/:id/discard', params: IdParams, response: Delivery },
  getPublicAddress: { method: 'GET', path: '/api/public-address', response: PublicAddressStatus },
  getSettings: { method: 'GET', path: '/api/settings', response: Settings },
  putSettings: { method: 'PUT', path: '/api/settings', body: SettingsUpdate, response: Settings },
  exportConfig: { method: 'GET', path: '/api/config/export', response: ConfigFile },
  importConfig: {
    method: 'POST',
    path: '/api/config/import',
    query: ConfigImportQuery,
    body: ConfigImportBody,
    response: ImportAnswer,
  },
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
/** The stream says it is still there at least this often, so a reader can tell a quiet engine from a hung one. */
export const STREAM_HEARTBEAT_MS = 15_000;
export const EXPORT_PATH = '/api/export';
