import type { SenderCatalogEntry, Source } from '../../../main/api/contract';

/** The systems the shop has a source for, of those that send the `taken` events. */
export function shopSendersOf(taken: string[], catalog: SenderCatalogEntry[], sources: Source[]): SenderCatalogEntry[] {
  const used = new Set(sources.map((source) => source.kind));
  return catalog.filter(
    (sender) => used.has(sender.kind) && sender.groups.some((group) => group.events.some((e) => taken.includes(e))),
  );
}

/**
 * The events ticked when a kind that takes only some (Zithara) is chosen: what the owner already ticked of them;
 * else those of the systems the shop has sources for (no Magento event for a shop without Magento); else, when no
 * source says its system, all of them, so no order is left out (the form says why they are all ticked).
 */
export function startingEvents(
  taken: string[],
  ticked: string[],
  catalog: SenderCatalogEntry[],
  sources: Source[],
): string[] {
  const kept = ticked.filter((event) => taken.includes(event));
  if (kept.length > 0) return kept;
  const sent = new Set(
    shopSendersOf(taken, catalog, sources).flatMap((sender) => sender.groups.flatMap((group) => group.events)),
  );
  const fromShop = taken.filter((event) => sent.has(event));
  return fromShop.length > 0 ? fromShop : [...taken];
}
