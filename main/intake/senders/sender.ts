import type { SenderCatalogEntry } from '../../api/contract.js';
import type { Headers } from '../headers.js';

/**
 * How the one-line summary of an event is made for a type of event: per part,
 * the fields to try in order; a field written as `a b` joins several with a
 * space (first and last names). Currency is a fixed code or a field holding one.
 */
export interface SummaryRule {
  type: RegExp;
  reference: string[];
  amount?: { fields: string[]; currency: { code: string } | { field: string } };
  who?: string[];
  /**
   * Fields holding the customer's country code: when one says VN (or, with none, the amount is in VND), a name
   * joined from first and last name fields is written family name first, as Vietnamese names are read.
   */
  countries?: string[];
  /**
   * The reference names an order by this field of the body (an order line's `order_id`): where the body has none of
   * `reference`'s other fields, the order's own reference is said instead (its `reference` fields, e.g. the invoice
   * number), when the order is stored (see summarize's `storedOrder`).
   */
  order?: { field: string; reference: string[] };
}

/**
 * Everything Hookferry knows about one kind of sender, in one module. The
 * catalogue part (label, guide, verification defaults, event groups) is served
 * to the dashboard as it is; the rest is what the intake does with requests.
 */
export interface Sender extends SenderCatalogEntry {
  /** Headers that name the event type (lower-case), tried in order. */
  eventTypeHeaders: string[];
  /** A generic source is called by anything: it also tries every other kind's event-type headers. */
  recognisesOtherSenders?: boolean;
  /** Headers carrying the sender's own delivery id (lower-case); a repeat of one is a retry. */
  deliveryIdHeaders: string[];
  /** Headers this sender puts credentials or signatures in that the common name rule does not catch. */
  secretHeaders: string[];
  summaries: SummaryRule[];
  /** A request the sender makes only to check the address is reachable: answered 200, not stored. */
  isAddressCheck?: (headers: Headers, raw: Buffer) => boolean;
}
