import { networkInterfaces } from 'node:os';

/** Listening on every address: other devices on the shop's network can send. `::` is the same for IPv6. */
const EVERY_ADDRESS = ['0.0.0.0', '::'];
const THIS_PC = '127.0.0.1';

/**
 * Whether the intake may listen on `host`: this PC alone, the whole shop's network, or one address this PC has.
 * Any other (a broadcast, a multicast group, 127.0.0.2, another computer's address) nobody could send to.
 */
export function intakeHostAllowed(host: string): boolean {
  if (host === THIS_PC || EVERY_ADDRESS.includes(host)) return true;
  return Object.values(networkInterfaces()).some((addresses) =>
    (addresses ?? []).some((address) => address.address === host),
  );
}

/** Private ranges first (192.168/16, 10/8, 172.16/12): a shop's router hands those out; others are VPNs and the like. */
const PRIVATE = /^(192\.168\.|10\.|172\.(1[6-9]|2\d|3[01])\.)/;

/**
 * The address a device on the shop's network sends to when the intake listens on every address: this PC's own
 * IPv4 address there, read when asked (a router may hand the PC another one while it runs). Loopback only when the
 * PC has no network address at all; a link-local 169.254 address (no router answered) is never one to give out.
 */
export function addressForSenders(bound: string): string {
  if (!EVERY_ADDRESS.includes(bound)) return bound;
  const candidates = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal && !address.address.startsWith('169.254.'))
    .map((address) => address.address);
  return candidates.find((address) => PRIVATE.test(address)) ?? candidates[0] ?? THIS_PC;
}

/** Addresses only this PC or the shop's network can reach: loopback, private and link-local ranges, `.local` names. */
const LOCAL_ONLY = [
  /^localhost$/,
  /\.localhost$/,
  /\.local$/,
  /^127\./,
  /^0\.0\.0\.0$/,
  /^169\.254\./,
  PRIVATE,
  /^\[(::1?|::ffff:.*|f[cd][0-9a-f]{2}:.*|fe[89ab][0-9a-f]:.*)\]$/,
];

/**
 * Whether a public address's host is one only this PC or the shop's own network can reach: a cloud POS or Shopify
 * sending there would reach nothing, while Hookferry, trying it from here, would find itself and call it online.
 */
export function reachableOnlyNearby(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOCAL_ONLY.some((pattern) => pattern.test(host));
}
