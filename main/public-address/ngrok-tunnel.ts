import type * as NgrokModule from '@ngrok/ngrok';

type NgrokSdk = typeof NgrokModule;

export interface NgrokTunnelOptions {
  authtoken: string;
  /** The account's static domain; null lets ngrok choose. */
  domain: string | null;
  /** The tunnel's own intake listener (on 127.0.0.1): the only thing the tunnel ever forwards to. */
  forwardTo: string;
  /** ngrok's agent ingress (`host:port`) when not ngrok's own, for a custom ingress. */
  serverAddr: string | null;
  /** The session to ngrok was lost; the SDK reconnects by itself. */
  onDown: (error: string) => void;
  /** ngrok answered a heartbeat: the session is up. */
  onHeartbeat: () => void;
}

export interface NgrokTunnel {
  url: string;
  forwardTo: string;
  close(): Promise<void>;
}

let sdk: Promise<NgrokSdk> | null = null;

/** The native SDK, loaded on first use only: an engine without ngrok never maps it. */
export function loadNgrok(): Promise<NgrokSdk> {
  // A CommonJS module: its exports arrive as the namespace's default.
  sdk ??= import('@ngrok/ngrok').then((module): NgrokSdk => ('default' in module ? module.default : module));
  sdk.catch(() => (sdk = null));
  return sdk;
}

/** One ngrok session with one HTTPS endpoint forwarding to the tunnel's intake listener. */
export async function openNgrokTunnel(options: NgrokTunnelOptions): Promise<NgrokTunnel> {
  const ngrok = await loadNgrok();
  let builder = new ngrok.SessionBuilder()
    .authtoken(options.authtoken)
    .handleDisconnection((_address, error) => {
      options.onDown(error);
      return true;
    })
    .handleHeartbeat(() => options.onHeartbeat());
  if (options.serverAddr) builder = builder.serverAddr(options.serverAddr);
  const session = await builder.connect();
  try {
    let endpoint = session.httpEndpoint().metadata('Hookferry intake');
    if (options.domain) endpoint = endpoint.domain(options.domain);
    const listener = await endpoint.listenAndForward(options.forwardTo);
    const url = listener.url();
    if (!url) throw new Error('ngrok opened the endpoint without an address.');
    return { url, forwardTo: options.forwardTo, close: () => session.close() };
  } catch (error) {
    session.close().catch(() => {});
    throw error;
  }
}
