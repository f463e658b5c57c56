import { createParser } from 'eventsource-parser';
import { STREAM_HEARTBEAT_MS, STREAM_PATH, StreamMessage } from './contract.js';

const RECONNECT_MS = 2000;
/**
 * Nothing at all (not even the heartbeat) for this long: the engine is hung (a stopped process keeps its connections
 * open, and its port still takes new ones), and the reader says it is not connected instead of waiting for good.
 */
const SILENCE_MS = 2 * STREAM_HEARTBEAT_MS + 5_000;

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
      const current = new AbortController();
      controller = current;
      parser.reset();
      let silence: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(() => current.abort(), SILENCE_MS);
      };
      heard();
      try {
        const response = await fetch(new URL(STREAM_PATH, target.baseUrl), {
          headers: { authorization: `Bearer ${target.token}` },
          signal: current.signal,
        });
        if (response.status === 401) onRefused?.();
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onConnected(true);
        heard();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          heard();
          parser.feed(value);
        }
      } catch {
        // The engine stopped, restarted or hung: say so and try again shortly.
      } finally {
        clearTimeout(silence);
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
