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
