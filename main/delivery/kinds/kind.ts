import type { DestinationKindInfo, PreviewResult, TestResult } from '../../api/contract.js';
import type { ActiveDestination, KindStorage, SecretMap } from '../../store/destinations.js';
import type { EventReader } from '../../store/events-read.js';
import type { OutgoingEvent } from '../outgoing.js';
import type { Outcome, Sender } from '../send.js';
import { type Said, said } from '../said.js';
import type { StoredBody } from '../../store/body-format.js';
import type { DeliveryBodies } from '../body-runner.js';
import type { TransformText } from '../transform.js';
import { type TransformInput, transformInput } from '../transform-runner.js';

/** What every kind may use to do its work. */
export interface KindTools {
  sender: Sender;
  events: EventReader;
  /**
   * Runs a JSONata expression on a body for a preview, off the engine's event loop: its output written as JSON,
   * which the engine answers as it is (see PreviewAnswer).
   */
  transform: (expression: string, input: TransformInput) => Promise<TransformText>;
  /**
   * The same, answering the output written as JSON: what a delivery sends. Its destination's id shares the process
   * between destinations, so one's expression that loops does not hold back another's deliveries.
   */
  transformToText: (expression: string, input: TransformInput, destinationId: string) => Promise<TransformText>;
  /** Prepares a body a destination does not send as it came, a large one off the engine's thread. */
  bodies: DeliveryBodies;
}

/** The event a preview works on: a stored event's body as stored, or a given body. */
export interface Sample {
  eventId: string | null;
  type: string;
  /** Read only where needed: parsing a large stored body holds the engine up. */
  readonly parsed: unknown;
  stored: StoredBody | null;
}

/**
 * A preview's answer; a transformation's output as its process wrote it (`outputJson`), which the admin API sends in
 * place of `output` without reading it: parsing and writing it again cost the engine's thread for a large output,
 * and its stack for a deeply nested one.
 */
export type PreviewAnswer = PreviewResult | { ok: true; outputJson: string; eventId: string | null };

/** What one kind does for the engine's lifetime (it may keep state, such as access tokens). */
export interface KindDriver {
  deliver(destination: ActiveDestination, event: OutgoingEvent): Promise<Outcome>;
  /** "Send test event": proof the destination works, without a stored event. */
  test(destination: ActiveDestination, sample: OutgoingEvent): Promise<TestResult>;
  /** What the destination would be sent for this event, without sending it. */
  preview(destination: ActiveDestination, sample: Sample): Promise<PreviewAnswer>;
}

/**
 * A destination kind: its settings and which of them are secrets (for the
 * store), what the dashboard needs to draw its editor (the catalogue), and how
 * it delivers, tests and previews. Adding a kind is one module implementing
 * this and one line in `./index.ts`.
 */
export interface DestinationKind extends KindStorage {
  info: Omit<DestinationKindInfo, 'kind' | 'secretFields'>;
  connect(tools: KindTools): KindDriver;
}

/**
 * The usual way to keep secrets: each secret field's value goes into the sealed
 * map under its own name; left out (or empty) keeps the stored value, null
 * removes it. Answers the settings without the secrets.
 */
export function sealFields(
  input: Record<string, unknown>,
  previous: SecretMap,
  fields: readonly string[],
): { settings: Record<string, unknown>; secrets: SecretMap } {
  const settings = { ...input };
  const secrets: SecretMap = {};
  for (const field of fields) {
    const given = settings[field];
    delete settings[field];
    if (given === null) continue;
    const value = typeof given === 'string' && given !== '' ? given : previous[field];
    if (value !== undefined) secrets[field] = value;
  }
  return { settings, secrets };
}

/** The outcome of a kind's test as the API answers it. */
export function testResultOf(outcome: Outcome): TestResult {
  return {
    ok: outcome.category === 'delivered',
    httpStatus: outcome.httpStatus,
    durationMs: outcome.durationMs,
    error: outcome.error,
    reason: outcome.reason,
    responseSnippet: outcome.responseSnippet,
  };
}

/** A preview answer saying what went wrong, in a sentence. */
export function previewFailed(sample: Sample, why: Said): PreviewAnswer {
  return { ok: false, error: why.text, reason: why.reason, position: null, eventId: sample.eventId };
}

/** What a JSONata expression makes of the sample. */
export async function previewTransform(
  tools: KindTools,
  sample: Sample,
  expression: string | null | undefined,
): Promise<PreviewAnswer> {
  if (!expression) return previewFailed(sample, said('preview.noTransform'));
  const result = await tools.transform(expression, transformInput(sample));
  if (!result.ok) return { ...result, eventId: sample.eventId };
  return { ok: true, outputJson: result.text, eventId: sample.eventId };
}
