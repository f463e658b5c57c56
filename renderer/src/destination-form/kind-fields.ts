import type { Destination, DestinationKindInfo } from '../../../main/api/contract';
import type { DestinationValues } from './values';

/**
 * The kind's required fields left empty, checked with the rest of the form so every problem shows at the first Save
 * (the engine checks a kind's settings only once the common fields pass). A stored secret left empty is kept.
 */
export function missingKindFields(
  info: DestinationKindInfo | undefined,
  values: DestinationValues,
  destination: Destination | null,
): string[] {
  const settings = values.settings ?? {};
  const stored = (key: string) =>
    destination !== null && destination.kind === values.kind && !!destination.secretsSet[key];
  const empty = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'string' && !value.trim());
  return (info?.fields ?? [])
    .filter((field) => field.required && empty(settings[field.key]))
    .filter((field) => !(field.secret && stored(field.key)))
    .map((field) => `settings.${field.key}`);
}
