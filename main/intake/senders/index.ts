import type { SenderCatalogEntry, SourceKind } from '../../api/contract.js';
import { generic } from './generic.js';
import { magento } from './magento.js';
import type { Sender } from './sender.js';
import { shopify } from './shopify.js';
import { teamcrop } from './teamcrop.js';
import { woocommerce } from './woocommerce.js';

/**
 * Every sender kind, one line each. Keyed by the contract's `sourceKinds`, so a
 * kind named there without a module here (or the reverse) does not compile.
 * The order is the order a generic source tries their event headers in.
 */
const senders: Record<SourceKind, Sender> = { teamcrop, shopify, woocommerce, magento, generic };

export function senderOf(kind: SourceKind): Sender {
  return senders[kind];
}

export const allSenders: readonly Sender[] = Object.values(senders);

/** Every sender's delivery-id headers: a source of any kind may be called by any sender. */
export const deliveryIdHeaders: readonly string[] = allSenders.flatMap((sender) => sender.deliveryIdHeaders);

/** Every sender's own credential and signature headers, for redaction whatever the source's kind. */
export const senderSecretHeaders: readonly string[] = allSenders.flatMap((sender) => sender.secretHeaders);

/** What the dashboard is told about each kind (`GET /api/catalog/senders`). */
export function senderCatalog(): SenderCatalogEntry[] {
  return allSenders.map(({ kind, label, guide, verification, groups }) => ({
    kind,
    label,
    guide,
    verification,
    groups,
  }));
}
