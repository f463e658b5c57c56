import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AppState } from '../context';
import type { Engine } from '../lib/engine';
import { liveCache } from './live-cache';
import type { Notices } from './notices';
import { openSharedStream } from './shared-stream';

/**
 * Keeps the cache current from the engine's live stream while the dashboard is open; the engine's
 * warnings and errors are shown with `say` (a failing destination's banner is not one: it is read from the
 * figures, see FailingBanners); an event that leaves Failed is told to `leftFailed`; a refused token is reported. Answers whether the stream is
 * connected.
 */
export function useLiveStream(
  engine: Engine,
  say: AppState['say'],
  leftFailed: Notices['leftFailed'],
  onRefused: () => void,
): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    const cache = liveCache(client);
    const stop = openSharedStream(
      engine,
      (message) => {
        cache.onMessage(message);
        // An event that went through to one destination is no longer that destination's failure, even while it
        // still waits in Failed for another.
        if (message.type === 'delivery' && message.eventStatus !== 'failed') leftFailed(message.eventId);
        else if (message.type === 'delivery' && message.delivery.status !== 'failed')
          leftFailed(message.eventId, message.delivery.destinationId);
        if (message.type !== 'notice') return;
        // Warnings stay until closed, as errors do: "a destination is failing" must not pass unseen.
        if (message.level !== 'info')
          say({ reason: message.reason, english: message.message, cause: message.cause }, 'error');
        // A sender's address check (WooCommerce's ping when its webhook is saved) is no event and gets no row in
        // the live log: this notice is the merchant's sign that the sender reached Hookferry.
        else if (message.reason.code === 'notice.addressChecked')
          say({ reason: message.reason, english: message.message, cause: message.cause }, 'info');
      },
      (up) => {
        setConnected(up);
        if (up) cache.onConnected();
      },
      onRefused,
    );
    return () => {
      stop();
      cache.stop();
    };
  }, [client, engine, say, leftFailed, onRefused]);
  return connected;
}
