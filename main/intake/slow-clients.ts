import type { Server, Socket } from 'node:net';

/** How long a client may take, and how many connections one address may hold open. */
export interface SlowClientLimits {
  /** From a request's first byte to its last: a sender trickling its body is cut off with 408. */
  requestMs: number;
  /** For the request line and headers alone. */
  headersMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
  /**
   * Connections open at once from one client address (behind the ngrok tunnel, requests under way per
   * sender); more are closed as they arrive.
   */
  connectionsPerAddress: number;
  /** Slow or crowding clients are written to the live log once per address in this long, with their count. */
  tallyMs: number;
}

/**
 * The intake's limits. `HOOKFERRY_TEST_INTAKE_TIMEOUT_MS` shortens the request
 * timeout (the others shrink with it) so a test can watch a trickling client be
 * cut off in seconds; it is read here only, and nothing but tests sets it.
 */
export function slowClientLimits(env: NodeJS.ProcessEnv): SlowClientLimits {
  const override = Number(env.HOOKFERRY_TEST_INTAKE_TIMEOUT_MS);
  const requestMs = Number.isInteger(override) && override > 0 ? override : 30_000;
  return {
    requestMs,
    headersMs: Math.min(10_000, requestMs),
    keepAliveMs: Math.min(5_000, requestMs),
    connectionsPerAddress: 64,
    tallyMs: Math.min(60_000, requestMs * 2),
  };
}

/** Fastify's options for the limits; Node checks its timeouts every `connectionsCheckingInterval`. */
export function timeoutOptions(limits: SlowClientLimits) {
  return {
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    http: {
      headersTimeout: limits.headersMs,
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(limits.headersMs / 4)),
    },
  };
}

/**
 * Closes a connection at once when its address already holds the most allowed,
 * so one client cannot take every socket. Not on the ngrok tunnel's listener,
 * where every connection comes from the agent (see tunnel-senders.ts). A tunnel
 * of the shop's own that runs on this PC (cloudflared) still brings every sender
 * from one address, which is why the cap is well above what shops need.
 */
export function capConnectionsPerAddress(server: Server, max: number, onRefused: (address: string) => void): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      onRefused(address);
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
