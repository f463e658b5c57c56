import type { StreamMessage } from '../../../main/api/contract';
import { openStream } from '../../../main/api/stream-client';
import type { Engine } from '../lib/engine';

/** What the tab reading the stream tells the others, and what a tab that opens asks it. */
type Relayed =
  | { kind: 'message'; message: StreamMessage }
  | { kind: 'connected'; up: boolean }
  | { kind: 'state'; up: boolean }
  | { kind: 'refused' }
  | { kind: 'hello' };

/**
 * The engine's live stream, read by one tab of this browser for all its dashboard tabs of that engine. A browser opens
 * at most six connections to one address and a stream holds one for as long as its tab is open: with six tabs, the
 * sixth never loaded and every tab's reads waited behind the streams for good, so no count, banner or row moved while
 * the stream still said connected. The tab holding the lock reads the stream and passes each message, and whether it
 * is connected, to the others; when that tab closes, another takes the lock and opens the stream (reading everything
 * again, as after any reconnect). Where the browser has no locks or channels, each tab reads its own stream.
 */
export function openSharedStream(
  engine: Engine,
  onMessage: (message: StreamMessage) => void,
  onConnected: (connected: boolean) => void,
  onRefused: () => void,
): () => void {
  if (!('locks' in navigator) || typeof BroadcastChannel === 'undefined')
    return openStream(engine, onMessage, onConnected, onRefused);
  // The address and token name the engine: a tab signed in to another engine (or after a restart) reads its own.
  const name = `hookferry-stream ${engine.baseUrl} ${engine.token}`;
  const channel = new BroadcastChannel(name);
  const relay = (relayed: Relayed) => channel.postMessage(relayed);
  const held = new AbortController();
  let reading: { connected: boolean } | null = null;
  // What this tab was last told; a tab starts as connected, as the page does.
  let told = true;

  channel.onmessage = ({ data }: MessageEvent<Relayed>) => {
    if (data.kind === 'message') onMessage(data.message);
    else if (data.kind === 'refused') onRefused();
    else if (data.kind === 'hello') {
      // A tab that just opened learns whether the stream is up now, not at its next change.
      if (reading) relay({ kind: 'state', up: reading.connected });
    } else if (data.kind === 'connected' || data.up !== told) {
      // A reconnect is told every time (the page reads everything again); the answer to a newcomer, only if new here.
      told = data.up;
      onConnected(data.up);
    }
  };
  relay({ kind: 'hello' });

  navigator.locks
    .request(name, { signal: held.signal }, () => {
      reading = { connected: false };
      const state = reading;
      const stop = openStream(
        engine,
        (message) => {
          onMessage(message);
          relay({ kind: 'message', message });
        },
        (up) => {
          state.connected = up;
          onConnected(up);
          relay({ kind: 'connected', up });
        },
        () => {
          onRefused();
          relay({ kind: 'refused' });
        },
      );
      // Held until this tab stops reading (it closes, or signs in to another engine).
      return new Promise<void>((release) =>
        held.signal.addEventListener('abort', () => {
          stop();
          release();
        }),
      );
    })
    // Stopped while still waiting for the lock: nothing to release.
    .catch(() => undefined);

  return () => {
    held.abort();
    channel.close();
  };
}
