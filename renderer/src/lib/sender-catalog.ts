import { useQuery } from '@tanstack/react-query';
import type { SenderCatalogEntry } from '../../../main/api/contract';
import { useApp } from '../context';
import { senderCatalogQuery } from '../data/queries';

/** The sender kinds as the engine describes them (`GET /api/catalog/senders`); null until it has answered. */
export function useSenderCatalog(): SenderCatalogEntry[] | null {
  return useQuery(senderCatalogQuery(useApp().engine)).data ?? null;
}

/** Every event some sender's groups name: the destination editor shows these as checkboxes, the rest as patterns. */
export function knownEventsOf(catalog: SenderCatalogEntry[]): Set<string> {
  return new Set(catalog.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
}
