import { z, ZodError } from 'zod';
import { DestinationHeaderInput, SigningSecret, TransformExpression } from '../../api/contract.js';
import { fieldRefused } from '../../lib/errors.js';
import { isSecretName } from '../../lib/redact.js';
import type { ActiveDestination, SecretMap } from '../../store/destinations.js';
import type { OutgoingEvent } from '../outgoing.js';
import { localOutcome, type OutgoingRequest } from '../send.js';
import { saidForNextStep } from '../next-step.js';
import type { Said } from '../said.js';
import { transformInput } from '../transform-runner.js';
import { type DestinationKind, previewTransform, testResultOf } from './kind.js';
import { reservedHeader } from './reserved-headers.js';
import { standardWebhookHeaders } from './sign.js';

const WebhookSettings = z
  .object({
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    headers: z.array(DestinationHeaderInput).max(30).default([]),
    /** Standard Webhooks signing; null removes the stored secret, left out keeps it. */
    signingSecret: SigningSecret.nullable().optional(),
    /** `raw`: the body exactly as received, with its content type; `json`: the parsed body as JSON. */
    bodyMode: z.enum(['raw', 'json']).default('raw'),
    /** A JSONata expression applied to the parsed body before sending. */
    transform: TransformExpression.nullable().default(null),
  })
  .strict();
type WebhookSettings = z.infer<typeof WebhookSettings>;

/** As stored: a secret header keeps only its name here; its value is sealed under `header:<name>`. */
type StoredSettings = Omit<WebhookSettings, 'signingSecret'>;

const headerSecret = (name: string) => `header:${name.toLowerCase()}`;

/**
 * A header is kept secret when ticked, and whatever the tick says when its name is one the secret-header rule
 * (lib/redact.ts) finds secret: an `Authorization` or `X-Api-Key` left unticked would otherwise be stored, shown,
 * exported and said back in the open.
 */
const isSecretHeader = ({ name, secret }: { name: string; secret?: boolean }) =>
  secret === true || isSecretName(String(name).trim());

/** The transformation these settings carry, kept as written; none when left empty. */
function transformOf(settings: Record<string, unknown>): string | null {
  const { transform } = settings;
  return typeof transform === 'string' && transform.trim() ? transform : null;
}

/** Any URL that takes a POST (or PUT, PATCH): the body as received or as JSON, optionally transformed and signed. */
export const webhookKind: DestinationKind = {
  kind: 'webhook',
  settings: WebhookSettings,
  secretFields: ['signingSecret'],
  info: {
    label: { en: 'Webhook (any URL)', vi: 'Địa chỉ web bất kỳ' },
    defaults: { url: null, settings: WebhookSettings.parse({}) },
    events: null,
    urlLabel: null,
    urlHelp: null,
    fields: [],
    help: null,
    testOk: null,
  },

  expressions(settings) {
    const transform = transformOf(settings);
    return transform ? [transform] : [];
  },

  seal(input, previous, options) {
    const settings = input as WebhookSettings;
    const transform = transformOf(input);
    const problem = transform ? options.checked.problemOf(transform) : null;
    // Every field refused at once: the transformation's mistake and each header without its value.
    const refusals: ZodError[] = problem
      ? [fieldRefused(['transform'], problem.text, problem.reason, problem.params)]
      : [];
    const secrets: SecretMap = {};
    const signing = settings.signingSecret === undefined ? previous.signingSecret : settings.signingSecret;
    if (signing) secrets.signingSecret = signing;
    const headers = settings.headers.map((header, index) => {
      const { name, value } = header;
      const secret = isSecretHeader(header);
      const reserved = reservedHeader(name);
      if (reserved === 'framing')
        refusals.push(
          fieldRefused(
            ['headers', index, 'name'],
            `Remove the ${name} header: it shapes the request itself (its length, its encoding, its connection), and a wrong value cuts the order short at the receiver. Hookferry writes it right by itself.`,
            'header_framing',
            { name },
          ),
        );
      else if (reserved === 'hookferry')
        refusals.push(
          fieldRefused(
            ['headers', index, 'name'],
            `Remove the ${name} header: Hookferry sets it itself for every order (the receiver uses it to tell orders apart and to check they came from you).`,
            'header_hookferry',
            { name },
          ),
        );
      const valuePath = ['headers', index, 'value'];
      // One sent in the open needs its value here: a secret one unticked has none to give (its value is never
      // shown), and an empty one would be sent as an empty header, the merchant told only "Saved".
      if (!secret) {
        if (!value)
          refusals.push(fieldRefused(valuePath, `Enter a value for the ${name} header.`, 'header_value', { name }));
        return { name, value: value ?? '', secret };
      }
      const kept = value || previous[headerSecret(name)];
      if (kept !== undefined) secrets[headerSecret(name)] = kept;
      else if (!options.secretsLater)
        refusals.push(
          fieldRefused(valuePath, `Enter a value for the secret ${name} header.`, 'header_value', { name }),
        );
      return { name, secret };
    });
    if (refusals.length > 0) throw new ZodError(refusals.flatMap((refusal) => refusal.issues));
    const stored: StoredSettings = { method: settings.method, headers, bodyMode: settings.bodyMode, transform };
    return { settings: stored, secrets };
  },

  keptSecretsSent(input, previous) {
    const parsed = WebhookSettings.safeParse(input);
    if (!parsed.success) return [];
    return parsed.data.headers.flatMap((header) =>
      isSecretHeader(header) && !header.value && previous[headerSecret(header.name)] !== undefined
        ? [{ key: headerSecret(header.name), name: header.name }]
        : [],
    );
  },

  withoutSecrets(input, keys) {
    const headers = Array.isArray(input.headers) ? (input.headers as DestinationHeaderInput[]) : [];
    return {
      ...input,
      headers: headers.filter(
        (header) => !(isSecretHeader(header) && keys.includes(headerSecret(String(header.name).trim()))),
      ),
    };
  },

  show(settings, secrets) {
    const stored = settings as StoredSettings;
    return {
      ...stored,
      headers: stored.headers.map((header) => {
        const secret = isSecretHeader(header);
        return {
          name: header.name,
          value: secret ? null : (header.value ?? null),
          secret,
          valueSet: secret ? secrets[headerSecret(header.name)] !== undefined : Boolean(header.value),
        };
      }),
    };
  },

  sealOpenSecrets(settings, secrets) {
    const stored = settings as StoredSettings;
    const open = stored.headers.filter((header) => !header.secret && isSecretHeader(header));
    if (open.length === 0) return null;
    const sealed = { ...secrets };
    for (const { name, value } of open) sealed[headerSecret(name)] = value ?? '';
    return {
      settings: {
        ...stored,
        headers: stored.headers.map((header) => (open.includes(header) ? { name: header.name, secret: true } : header)),
      },
      secrets: sealed,
    };
  },

  legacySecrets(old) {
    const secrets: SecretMap = {};
    if (typeof old.signingSecret === 'string') secrets.signingSecret = old.signingSecret;
    const headers = (old.headers ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(headers)) secrets[headerSecret(name)] = value;
    return secrets;
  },

  connect(tools) {
    /** What goes on the wire: the body as it came, as JSON, or the transformation's output. */
    const prepare = async (destination: ActiveDestination, event: OutgoingEvent): Promise<Prepared> => {
      const { transform, bodyMode } = destination.settings as StoredSettings;
      if (transform) {
        const result = await tools.transformToText(transform, transformInput(event), destination.id);
        return result.ok
          ? { body: Buffer.from(result.text), contentType: 'application/json' }
          : { why: { text: result.error, reason: result.reason }, ...(result.busy ? { busy: true as const } : {}) };
      }
      if (bodyMode === 'raw') return { body: event.body, contentType: event.contentType ?? 'application/octet-stream' };
      const json = await tools.bodies.json(event);
      return json.ok ? { body: Buffer.from(json.text), contentType: 'application/json' } : json;
    };
    const deliver = async (destination: ActiveDestination, event: OutgoingEvent) => {
      const prepared = await prepare(destination, event);
      if (!('body' in prepared)) return localOutcome(prepared.busy ? 'busy' : 'invalid', prepared.why);
      return tools.sender.send(destination.id, destination.concurrency, webhookRequest(destination, event, prepared));
    };
    return {
      deliver,
      // A test is tried once: its sentence promises no other try.
      test: async (destination, sample) => testResultOf(saidForNextStep(await deliver(destination, sample), null)),
      preview: (destination, sample) =>
        previewTransform(tools, sample, (destination.settings as StoredSettings).transform),
    };
  },
};

/** The body a destination is sent and its content type, or why there is none (`busy`: try again later). */
type Prepared = { body: Buffer; contentType: string } | { why: Said; busy?: true };

/**
 * The request for one webhook destination. `webhook-id` is the event id, the
 * same on every try and every resend, so receivers can de-duplicate.
 */
export function webhookRequest(
  destination: ActiveDestination,
  event: OutgoingEvent,
  { body, contentType }: { body: Buffer; contentType: string },
  now = Date.now(),
): OutgoingRequest {
  const settings = destination.settings as StoredSettings;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-hookferry-event': encodeHeader(event.type),
    'x-hookferry-source': encodeHeader(event.sourceName ?? ''),
    'webhook-id': event.id,
  };
  for (const { name, value, secret } of settings.headers) {
    // Saved before such headers were refused: never sent, so a stored one cannot reframe the request.
    if (reservedHeader(name)) continue;
    const actual = secret ? destination.secrets[headerSecret(name)] : value;
    if (typeof actual === 'string') headers[name.toLowerCase()] = actual;
  }
  const signing = destination.secrets.signingSecret;
  if (signing) Object.assign(headers, standardWebhookHeaders(signing, event.id, Math.floor(now / 1000), body));
  return { url: destination.url, method: settings.method, headers, body, timeoutMs: destination.timeoutMs };
}

/**
 * A header value must be Latin-1 without line breaks, or Node refuses to send the request at all. The source's
 * name and the event type (a sender may write its own, in Vietnamese or with a line break) are sent as they are
 * when they are printable ASCII, percent-encoded otherwise.
 */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}
