import type { StreamMessage } from '../../main/api/contract.js';
import type { ServeProcess } from './serve-process.js';

/** The live stream's messages, collected from now on, as parsed and as the raw text that came. */
export async function listen(engine: ServeProcess) {
  const messages: StreamMessage[] = [];
  let text = '';
  const controller = new AbortController();
  const response = await fetch(`${engine.runtime.adminUrl}/api/stream`, {
    headers: { authorization: `Bearer ${engine.runtime.adminToken}` },
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      text += value;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines.filter((l) => l.startsWith('data: ')))
        messages.push(JSON.parse(line.slice(6)) as StreamMessage);
    }
  })();
  return { messages, text: () => text, stop: () => controller.abort() };
}
