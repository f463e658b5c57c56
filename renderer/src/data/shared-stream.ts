import type { StreamMessage } from '../../../main/api/contract';
import { openStream } from '../../../main/api/stream-client';
import type { Engine } from '../lib/engine';

/** What the tab reading the stream tells the others, and what a tab that opens asks it. */
type Relayed =
  | { kind: 'message'; message: StreamMessage }
  | { kind: 'connected'; up: boolean }
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

  channel.onmessage = ({ data }: MessageEvent<Relayed>) => {
    if (data.kind === 'message') onMessage(data.message);
    else if (data.kind === 'connected') onConnected(data.up);
    else if (data.kind === 'refused') onRefused();
    // A tab that just opened learns whether the stream is up now, not at its next change.
    else if (reading) relay({ kind: 'connected', up: reading.connected });
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
