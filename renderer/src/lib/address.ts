import { useSyncExternalStore } from 'react';
import { type EventFilterStatus, eventFilterStatuses } from '../../../main/api/contract';
import type { EventFilters } from '../data/keys';

/**
 * The dashboard's address: `#/<page>?<params>`, e.g. `#/log?status=failed&q=nguyen&event=evt_…`.
 * Filters live there, so a filtered list can be bookmarked, and the live log's last filters are
 * remembered for the session, so they survive going to another page and back.
 */
const REMEMBERED = 'hookferry.log-address';
const FILTER_KEYS = ['sourceId', 'destinationId', 'type', 'q'] as const;

export function readAddress(hash = window.location.hash): { page: string; params: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { page: path, params: new URLSearchParams(query) };
}

const onHashChange = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};
const pageInAddress = () => readAddress().page;

/** The page the address names, as written (the dashboard shows the Overview for one it does not know). */
export function useAddressPage(): string {
  return useSyncExternalStore(onHashChange, pageInAddress);
}

/** Settings' Public address part, where every "Set up a public address" link lands (scrolled to and focused). */
export const PUBLIC_ADDRESS_PART = 'public-address';

/** Whether the address names a part of its page to scroll to: that page then does not start at its top. */
export function namesPart(hash = window.location.hash): string | null {
  return readAddress(hash).params.get('part');
}

export function addressOf(page: string, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}

export const PUBLIC_ADDRESS_LINK = addressOf('settings', { part: PUBLIC_ADDRESS_PART });

export interface LogAddress {
  filters: EventFilters;
  /** The event open in the drawer. */
  event: string | null;
}

/** The live log's filters and open event from the address, or the session's last ones when it names none. */
export function readLogAddress(): LogAddress {
  let { params } = readAddress();
  if (params.size === 0) params = new URLSearchParams(window.sessionStorage.getItem(REMEMBERED) ?? '');
  const filters: EventFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const status = params.get('status');
  if (status && (eventFilterStatuses as readonly string[]).includes(status))
    filters.status = status as EventFilterStatus;
  return { filters, event: params.get('event') };
}

/** Puts the live log's state in the address (without a new history entry per keystroke) and remembers it. */
export function writeLogAddress({ filters, event }: LogAddress): void {
  const address = addressOf('log', { ...filters, event });
  window.sessionStorage.setItem(REMEMBERED, readAddress(address).params.toString());
  if (window.location.hash !== address) window.history.replaceState(null, '', address);
}
