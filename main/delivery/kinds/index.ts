import type { DestinationKindInfo } from '../../api/contract.js';
import type { DestinationKind } from './kind.js';
import { webhookKind } from './webhook.js';
import { zitharaKind } from './zithara.js';

/** Every destination kind, one line each; the first is the default. */
export const destinationKinds: readonly DestinationKind[] = [webhookKind, zitharaKind];

export function kindNamed(name: string): DestinationKind | null {
  return destinationKinds.find((kind) => kind.kind === name) ?? null;
}

/** The kinds as the dashboard's editor needs them (`GET /api/catalog/destinations`). */
export function destinationCatalog(): DestinationKindInfo[] {
  return destinationKinds.map((kind) => ({ kind: kind.kind, secretFields: [...kind.secretFields], ...kind.info }));
}
