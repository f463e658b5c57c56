import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { z } from 'zod';

/*
 * A fake of the Zithara CRM API on 127.0.0.1, strict where docs/zithara-api.md is:
 * token by client_id/client_secret headers (GET or POST), the bare token in
 * Authorization, JSON content type and accept, X-Webhook-Event, and the body
 * shapes of /customer, /order (POST whole, PATCH the order object alone) and
 * /cart. A request that breaks a rule gets Zithara's error body and is kept in
 * `refused` so a test can say which rule.
 */

const address = z
  .object({
    address1: z.string(),
    city: z.string(),
    province: z.string(),
    zip: z.string(),
    country: z.string(),
    phone: z.string(),
  })
  .strict();
const customer = z
  .object({
    platform_customer_id: z.string().min(1),
    first_name: z.string(),
    last_name: z.string(),
    name: z.string(),
    phone_number: z.string(),
    whatsapp_phone_number: z.string(),
    email: z.union([z.string().min(1), z.literal(false)]),
    custom_attributes: z.record(z.string(), z.unknown()),
  })
  .strict();
const orderObject = z
  .object({
    status: z.enum(['pending', 'processing', 'completed', 'cancelled']),
    current_subtotal_price: z.number(),
    billing_address: address,
    payment_status: z.enum(['paid', '']),
    currency: z.string().length(3),
    platform_order_id: z.string().min(1),
    name: z.string(),
    current_total_tax: z.number(),
    created_at: z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    custom_attributes: z.object({ pos_reference: z.string() }).passthrough(),
    note: z.union([z.string(), z.literal(false)]),
    fulfillment_status: z.string(),
    current_total_discounts: z.number(),
    current_total_price: z.number(),
    shipping_address: address,
  })
  .strict();
const lineItem = z
  .object({
    status: z.string(),
    platform_line_item_id: z.string().min(1),
    price: z.number(),
    taxable: z.boolean(),
    discount_amount: z.number(),
    sku: z.string(),
    product_id: z.string(),
    gift_card: z.boolean(),
    custom_attributes: z.record(z.string(), z.unknown()),
    product_name: z.string(),
    quantity: z.number(),
  })
  .strict();
const transaction = z
  .object({
    status: z.string(),
    transaction_final_amount: z.number(),
    custom_attributes: z.record(z.string(), z.unknown()),
    transaction_mode: z.string(),
    created_at: z.string(),
    platform_transaction_id: z.string(),
    transaction_original_amount: z.number(),
    financial_status: z.string(),
    transaction_type: z.string(),
  })
  .strict();

export const zitharaShapes = {
  'POST /customer': customer,
  'POST /order': z
    .object({ customer, order_line_item: z.array(lineItem), order: orderObject, transactions: z.array(transaction) })
    .strict(),
  'PATCH /order': orderObject,
  'POST /cart': z
    .object({
      customer: customer.partial().extend({ email: z.union([z.string(), z.literal(false)]) }),
      cart_item: z.array(
        z.object({
          platform_cart_item_id: z.string(),
          price: z.number(),
          product_id: z.number(),
          quantity: z.number(),
        }),
      ),
      cart: z.object({
        currency: z.string(),
        platform_cart_id: z.string(),
        name: z.string(),
        created_at: z.string(),
        total_tax: z.number(),
        total_price: z.number(),
      }),
    })
    .passthrough(),
} as const;

export interface ZitharaCallSeen {
  method: string;
  path: string;
  event: string;
  body: unknown;
  token: string;
}

export interface FakeZithara {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Token fetches, in order. */
  tokenFetches: { method: string; at: number }[];
  /** Every token it issued. */
  issued: string[];
  /** Calls that passed every check. */
  accepted: ZitharaCallSeen[];
  /** Calls refused, with the reason it gave. */
  refused: { path: string; status: number; reason: string }[];
  /** Lifetime of the next tokens, in seconds; undefined leaves `expires_in` out. */
  tokenTtlS: number | undefined;
  /** The next n calls get 401 whatever their token. */
  unauthorizeNext: number;
  /** The next n calls get a 500 with Zithara's error body. */
  failNext: number;
  /** Answer accepted calls with HTTP 200 and `{status: 201}` (true) or with HTTP 201 (false). */
  answerWithBodyStatus: boolean;
  close(): Promise<void>;
}

const running: FakeZithara[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

export async function startFakeZithara(): Promise<FakeZithara> {
  const valid = new Map<string, number>();
  const fake: FakeZithara = {
    baseUrl: '',
    clientId: `client-${randomBytes(4).toString('hex')}`,
    clientSecret: `CLIENT-SECRET-${randomBytes(8).toString('hex')}`,
    tokenFetches: [],
    issued: [],
    accepted: [],
    refused: [],
    tokenTtlS: 3600,
    unauthorizeNext: 0,
    failNext: 0,
    answerWithBodyStatus: true,
    close: async () => {},
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/v1/, '');
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const refuse = (status: number, reason: string) => {
        fake.refused.push({ path, status, reason });
        answer(status, { status, error: status === 401 ? 'Unauthorized' : 'Bad Request', message: reason });
      };

      if (path === '/generate-access-token') {
        if (request.method !== 'GET' && request.method !== 'POST') return refuse(405, 'token: GET or POST only');
        if (request.headers.client_id !== fake.clientId || request.headers.client_secret !== fake.clientSecret)
          return refuse(401, 'token: wrong client_id or client_secret');
        fake.tokenFetches.push({ method: request.method, at: Date.now() });
        const token = `ZTOKEN-${randomBytes(12).toString('hex')}`;
        fake.issued.push(token);
        valid.set(token, Date.now() + (fake.tokenTtlS ?? 3600) * 1000);
        return answer(
          200,
          fake.tokenTtlS === undefined ? { access_token: token } : { access_token: token, expires_in: fake.tokenTtlS },
        );
      }

      const problem = headerProblem(request.headers, valid);
      if (fake.unauthorizeNext > 0) {
        fake.unauthorizeNext--;
        return refuse(401, 'forced 401');
      }
      if (problem) return refuse(problem.startsWith('token') ? 401 : 400, problem);
      const shape = zitharaShapes[`${request.method} ${path}` as keyof typeof zitharaShapes];
      if (!shape) return refuse(404, `no endpoint ${request.method} ${path}`);
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return refuse(400, 'body is not JSON');
      }
      const checked = shape.safeParse(body);
      if (!checked.success)
        return refuse(
          400,
          `${request.method} ${path}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        );
      if (fake.failNext > 0) {
        fake.failNext--;
        return answer(500, { status: 500, error: 'Internal Server Error', message: 'database is busy' });
      }
      fake.accepted.push({
        method: request.method!,
        path,
        event: String(request.headers['x-webhook-event']),
        body,
        token: String(request.headers.authorization),
      });
      if (fake.answerWithBodyStatus) answer(200, { status: 201, message: 'Created' });
      else answer(201, { id: fake.accepted.length });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  running.push(fake);
  return fake;
}

function headerProblem(headers: IncomingHttpHeaders, valid: Map<string, number>): string | null {
  const token = headers.authorization ?? '';
  if (token.startsWith('Bearer ')) return 'token: Authorization must be the bare token, not Bearer';
  const expiresAt = valid.get(token);
  if (expiresAt === undefined) return 'token: unknown';
  if (expiresAt <= Date.now()) return 'token: expired';
  if (headers['content-type'] !== 'application/json') return 'Content-Type must be application/json';
  if (headers.accept !== 'application/json') return 'Accept must be application/json';
  if (!headers['x-webhook-event']) return 'X-Webhook-Event is missing';
  return null;
}
