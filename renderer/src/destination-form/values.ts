import type { z } from 'zod';
import {
  type Destination,
  DestinationCreate,
  type DestinationKindInfo,
  type DestinationPatch,
  RetryPolicy,
} from '../../../main/api/contract';
import { changedValues } from '../forms/changed';

/** The editor's values are the contract's create body, so its schema checks them as the merchant types. */
export type DestinationValues = z.input<typeof DestinationCreate>;
export type DestinationOutput = z.output<typeof DestinationCreate>;
export const destinationSchema = DestinationCreate;

/** A webhook header as the editor holds it: a stored secret's value is never sent back, so it starts empty. */
interface HeaderValue {
  name: string;
  value: string;
  secret: boolean;
  /** Loaded as a secret with a value saved: unticked, its value must be typed (it is never shown). */
  savedSecret?: boolean;
}

/** A kind's starting settings, with the stored secrets' values left empty. */
function settingsOf(destination: Destination): Record<string, unknown> {
  const settings = { ...destination.settings };
  if (Array.isArray(settings.headers))
    settings.headers = (
      settings.headers as { name: string; value: string | null; secret: boolean; valueSet: boolean }[]
    ).map(({ name, value, secret, valueSet }): HeaderValue => ({
      name,
      secret,
      value: value ?? '',
      savedSecret: secret && valueSet,
    }));
  return settings;
}

/** `show` writes the address's hidden-secret markers as the merchant's language shows them. */
export function valuesOf(
  destination: Destination | null,
  info: DestinationKindInfo | undefined,
  show: (text: string) => string,
): DestinationValues {
  if (!destination)
    return {
      name: '',
      kind: info?.kind ?? 'webhook',
      url: info?.defaults.url ?? '',
      events: [],
      sourceIds: [],
      timeoutMs: 15_000,
      retry: RetryPolicy.parse({}),
      concurrency: 4,
      ordered: false,
      paused: false,
      settings: { ...info?.defaults.settings },
    };
  return {
    name: destination.name,
    kind: destination.kind,
    url: show(destination.url),
    events: destination.events,
    sourceIds: destination.sourceIds,
    timeoutMs: destination.timeoutMs,
    retry: destination.retry,
    concurrency: destination.concurrency,
    ordered: destination.ordered,
    paused: destination.paused,
    settings: settingsOf(destination),
  };
}

/** The body as the engine takes it: a secret left empty is left out, so the stored one is kept. */
function bodyOf(output: DestinationOutput, info: DestinationKindInfo | undefined): DestinationOutput {
  const secret = new Set(info?.secretFields ?? []);
  const settings = Object.fromEntries(
    Object.entries(output.settings).flatMap(([key, value]): [string, unknown][] => {
      if (secret.has(key) && (value === '' || value === undefined)) return [];
      if (key === 'headers' && Array.isArray(value))
        return [
          [
            key,
            (value as HeaderValue[]).map(({ name, value: headerValue, secret: isSecret }) => ({
              name,
              secret: isSecret,
              ...(isSecret && !headerValue ? {} : { value: headerValue }),
            })),
          ],
        ];
      if (key === 'transform') return [[key, typeof value === 'string' && value.trim() ? value : null]];
      return [[key, value]];
    }),
  );
  return { ...output, settings };
}

export function createBody(output: DestinationOutput, info: DestinationKindInfo | undefined): DestinationCreate {
  return bodyOf(output, info);
}

/** Only what the merchant touched: a pause from the card or the API meanwhile stays as it is. */
export function patchBody(
  dirty: object,
  output: DestinationOutput,
  info: DestinationKindInfo | undefined,
): DestinationPatch {
  // A changed kind starts from its defaults, so its settings go whole; otherwise only the touched ones.
  const whole = (dirty as { kind?: boolean }).kind === true;
  return changedValues(dirty, bodyOf(output, info), whole ? ['retry'] : ['retry', 'settings']);
}
