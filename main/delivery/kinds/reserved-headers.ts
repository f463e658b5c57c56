/**
 * Headers a destination's own list may not set. Those that frame the request (its length, its encoding, the
 * connection) would let a saved header cut the body short or smuggle a second request onto the connection; those
 * Hookferry writes itself (the event id receivers de-duplicate by, the signature, where the event came from) would
 * make a receiver trust a value that is not the event's. Content-Type and User-Agent stay open: some receivers ask
 * for their own.
 */
const FRAMING = new Set([
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);
const HOOKFERRY = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-hookferry-event',
  'x-hookferry-source',
]);

/** Why a custom header may not be sent: `framing` (it shapes the request itself), `hookferry` (Hookferry sets it), or null. */
export function reservedHeader(name: string): 'framing' | 'hookferry' | null {
  const lower = name.trim().toLowerCase();
  if (FRAMING.has(lower) || lower.startsWith('proxy-')) return 'framing';
  if (HOOKFERRY.has(lower)) return 'hookferry';
  return null;
}
