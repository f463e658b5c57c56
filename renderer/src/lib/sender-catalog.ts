import { useEffect, useState } from 'react';
import type { SenderCatalogEntry } from '../../../main/api/contract';
import { useApp } from '../context';

/** The sender kinds as the engine describes them (`GET /api/catalog/senders`); null until it has answered. */
export function useSenderCatalog(): SenderCatalogEntry[] | null {
  const { engine, say } = useApp();
  const [catalog, setCatalog] = useState<SenderCatalogEntry[] | null>(null);
  useEffect(() => {
    let current = true;
    engine.api('listSenders').then(
      (answer) => current && setCatalog(answer),
      (error: Error) => current && say(error.message, 'error'),
    );
    return () => {
      current = false;
    };
  }, [engine, say]);
  return catalog;
}

/** Every event some sender's groups name: the destination editor shows these as checkboxes, the rest as patterns. */
export function knownEventsOf(catalog: SenderCatalogEntry[]): Set<string> {
  return new Set(catalog.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
}
