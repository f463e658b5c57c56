import type { IncomingMessage } from 'node:http';

/** How much of a refused body is read and thrown away, at most, while the sender reads the refusal. */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 5_000;

/**
 * Closes the connection of a request refused before its body was read to the
 * end (too large, unknown address). Cutting at once would reset the connection
 * under a sender still writing, and it would never see the answer; so the rest
 * is read and dropped for a moment (at most 8 MB, 5 s); past that the
 * connection closes. Nothing of it is kept.
 */
export function closeAfterLinger(request: IncomingMessage): void {
  if (request.complete) return;
  const socket = request.socket;
  let dropped = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, LINGER_MS);
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) close();
  });
  // The whole body came within the allowance: the connection is as good as any other and stays open.
  request.once('end', () => clearTimeout(timer));
  request.resume();
}
