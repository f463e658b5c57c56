import { isIPv6 } from 'node:net';

/*
 * How senders are told apart behind the ngrok tunnel.
 *
 * The ngrok agent runs in the engine and connects from 127.0.0.1 for every sender on the internet, so
 * everything the intake keys by client address (the connection cap, the failed-verification limit, the
 * slow-client tallies, the address written on each event) would be one bucket shared by the cloud POS and
 * any stranger who found the public URL: 64 slow connections from one of them would shut out the rest.
 *
 * Decision: the tunnel forwards to a listener of its own, bound to 127.0.0.1 (same routes and handlers as
 * the intake), and only there is the sender taken from `X-Forwarded-For`. ngrok appends the address it saw
 * to that header; whatever stands left of it the sender wrote itself. So the one trusted hop is the agent,
 * and the sender is the right-most entry. The intake listener never reads forwarding headers: a device on
 * the shop's network must not choose its own address.
 *
 * Not PROXY protocol, which the SDK also offers (`proxyProto`): Node's HTTP server does not read it (a
 * hand-written parser in front of it would be needed), and its header names a connection while
 * `X-Forwarded-For` names each request.
 *
 * ngrok reads a request's headers before it forwards it, so the sender is known once a request is under
 * way; a connection itself says nothing. The per-address connection cap therefore becomes, here, a cap on
 * the requests one sender has under way at once.
 *
 * ngrok's edge takes IPv6, and one home line or server gets a whole /64 of addresses: counted address by
 * address, one stranger would be 2^64 senders. So here a sender is an IPv4 address or an IPv6 /64 (the
 * event still records the full address). Not on the intake listener, where the shop's own devices share
 * one /64.
 */

/** Fastify's `trustProxy` for the tunnel's listener: trust the immediate peer (the agent) and no hop beyond it. */
export const trustTheAgentOnly = (_address: string, hop: number): boolean => hop === 0;

/** What the tunnel's listener calls its peer when no request says who the sender is (headers still arriving). */
export const TUNNEL_AGENT = 'ngrok';

/** Requests under way per sender, refused past `max`; the sender whose request ends gives its place back. */
export class RequestsPerSender {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a place for one request of `sender`; null when it already has `max` under way, else how to give it back. */
  take(sender: string): (() => void) | null {
    const count = (this.open.get(sender) ?? 0) + 1;
    if (count > this.max) return null;
    this.open.set(sender, count);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.open.get(sender) ?? 1) - 1;
      if (left > 0) this.open.set(sender, left);
      else this.open.delete(sender);
    };
  }
}

/** What the limits behind the tunnel count by: an IPv4 address as it is, an IPv6 address by its /64. */
export function senderKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return mapped;
  const [head = '', tail = ''] = bare.split('::');
  const groupsOf = (part: string) => (part ? part.split(':') : []);
  // A dotted IPv4 ending stands for the last two groups.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const zeros = Array<string>(8 - width(groupsOf(head)) - width(groupsOf(tail))).fill('0');
  const groups = [...groupsOf(head), ...zeros, ...groupsOf(tail)];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
