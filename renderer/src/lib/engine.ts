import { type ApiClient, createApiClient } from '../../../main/api/client';
import { STREAM_PATH, StreamMessage } from '../../../main/api/contract';

export interface Engine {
  baseUrl: string;
  token: string;
  api: ApiClient;
}

export function connect(baseUrl: string, token: string): Engine {
  return { baseUrl, token, api: createApiClient({ baseUrl, token }) };
}

/**
 * The live log: `GET /api/stream` read with fetch (EventSource cannot send the
 * bearer token), each `data:` line parsed with the contract. Reconnects after a
 * pause if the engine goes away; returns the function that stops it.
 */
export function openStream(engine: Engine, onMessage: (message: StreamMessage) => void, onConnected: (connected: boolean) => void): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(new URL(STREAM_PATH, engine.baseUrl), { headers: { authorization: `Bearer ${engine.token}` }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.startsWith('data: ')) continue;
            const parsed = StreamMessage.safeParse(JSON.parse(line.slice(6)));
            if (parsed.success) onMessage(parsed.data);
          }
        }
      } catch {
        // The engine stopped or restarted: say so and try again shortly.
      }
      if (stopped) return;
      onConnected(false);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Downloads an authenticated URL (exports) as a file. */
export async function download(engine: Engine, path: string, filename: string): Promise<void> {
  const response = await fetch(new URL(path, engine.baseUrl), { headers: { authorization: `Bearer ${engine.token}` } });
  if (!response.ok) throw new Error(`The export failed (${response.status}).`);
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
