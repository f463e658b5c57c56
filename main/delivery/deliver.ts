import type { TestResult } from '../api/contract.js';
import { textOf } from '../lib/values.js';
import type { ActiveDestination } from '../store/destinations.js';
import type { EventReader } from '../store/events-read.js';
import { localOutcome, type Outcome, type Sender } from './send.js';
import { applyTransform } from './transform.js';
import { testEvent, type OutgoingEvent, webhookRequest } from './webhook-request.js';
import { deliverToZithara } from './zithara/deliver.js';
import { type Mapped, type MappingContext, mapForZithara } from './zithara/mapping.js';
import { ZitharaTokens } from './zithara/token.js';

/** How far back a Teamcrop order line looks for its order. */
const ORDER_LOOKBACK_MS = 30 * 24 * 3_600_000;

/** Sends one event to one destination, whatever its kind. */
export class Deliverer {
  private readonly tokens: ZitharaTokens;

  constructor(
    private readonly sender: Sender,
    private readonly events: EventReader,
  ) {
    this.tokens = new ZitharaTokens(sender);
  }

  async deliver(destination: ActiveDestination, event: OutgoingEvent): Promise<Outcome> {
    if (destination.kind === 'zithara')
      return deliverToZithara(this.sender, this.tokens, this.mappingContext(destination), destination, event);
    let outgoing = event;
    if (destination.transform) {
      const result = await applyTransform(destination.transform, event.parsed);
      if (!result.ok) return localOutcome('invalid', result.error);
      const body = Buffer.from(JSON.stringify(result.output));
      outgoing = { ...event, parsed: result.output, body, contentType: 'application/json' };
    }
    return this.sender.send(destination.id, destination.concurrency, webhookRequest(destination, outgoing));
  }

  /** "Send test event": a sample to a webhook; for Zithara, a fresh token (proof the credentials work). */
  async test(destination: ActiveDestination): Promise<TestResult> {
    if (destination.kind === 'zithara') {
      this.tokens.invalidate(destination.id);
      const started = performance.now();
      const token = await this.tokens.get(destination);
      if (!('failure' in token))
        return {
          ok: true,
          httpStatus: 200,
          durationMs: Math.round(performance.now() - started),
          error: null,
          responseSnippet: null,
        };
      return resultOf(token.failure);
    }
    return resultOf(await this.deliver(destination, testEvent()));
  }

  /** What Zithara would be sent for this event, for the preview. */
  previewZithara(destination: ActiveDestination, type: string, parsed: unknown): Mapped {
    return mapForZithara(type, parsed, this.mappingContext(destination));
  }

  private mappingContext(destination: ActiveDestination): MappingContext {
    const since = () => Date.now() - ORDER_LOOKBACK_MS;
    return {
      currency: destination.zithara?.currency ?? 'VND',
      phoneCountryCode: destination.zithara?.phoneCountryCode ?? '',
      storedOrder: (orderId) =>
        this.events.bodiesWhere(['order.add', 'order.edit'], 'id', orderId, since()).at(-1) ?? null,
      storedLines: (orderId) =>
        latestPerLine(this.events.bodiesWhere(['order.additem', 'order.edititem'], 'order_id', orderId, since())),
    };
  }
}

function resultOf(outcome: Outcome): TestResult {
  return {
    ok: outcome.category === 'delivered',
    httpStatus: outcome.httpStatus,
    durationMs: outcome.durationMs,
    error: outcome.error,
    responseSnippet: outcome.responseSnippet,
  };
}

/** An edited line replaces the earlier version of the same line. */
function latestPerLine(lines: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const line of lines) byId.set(textOf(line.id) ?? textOf(line.item_id) ?? String(byId.size), line);
  return [...byId.values()];
}
