import { createParser } from 'eventsource-parser';
import { STREAM_PATH, StreamMessage } from './contract.js';

const RECONNECT_MS = 2000;

/**
 * The engine's live stream (`GET /api/stream`), read with fetch because
 * EventSource cannot send the bearer token. Each message is parsed with the
 * contract; a dropped connection is retried after a pause. Used by the
 * dashboard and by the desktop tray alike. Returns the function that stops it.
 */
export function openStream(
  target: { baseUrl: string; token: string },
  onMessage: (message: StreamMessage) => void,
  onConnected: (connected: boolean) => void,
  /** The engine refused the token (it restarted with a new one): signing in again is needed. */
  onRefused?: () => void,
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  const parser = createParser({
    onEvent: (event) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = StreamMessage.safeParse(data);
      if (parsed.success) onMessage(parsed.data);
    },
  });
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      parser.reset();
      try {
        const response = await fetch(new URL(STREAM_PATH, target.baseUrl), {
          headers: { authorization: `Bearer ${target.token}` },
          signal: controller.signal,
        });
        if (response.status === 401) onRefused?.();
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // The engine stopped or restarted: say so and try again shortly.
      }
      if (stopped) return;
      onConnected(false);
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
