import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** How long a sender has to read a refusal before a connection it keeps writing to is dropped. */
const GRACE_MS = 5_000;

/**
 * Closes the connections of requests refused before their body was read to the
 * end (too large, unknown address), so that the sender always reads the answer.
 *
 * Closing a socket with unread bytes makes the kernel send a reset, which
 * throws away the answer if it is still on its way, and a sender still writing
 * gets EPIPE and gives up before reading it. So, once the answer is flushed,
 * reading stops (the kernel's window closes and the sender's writes stall; no
 * more of the body reaches this process) and only the sending side is closed:
 * the sender reads the answer, then the end of the stream. The connection is
 * dropped after a grace period, long after a sender that reads has its answer.
 */
export class HangUps {
  private readonly waiting = new Set<Socket>();

  /** Call it from the answer's `finish`; the answer goes with `Connection: close`. */
  afterAnswer(request: IncomingMessage): void {
    if (request.complete) return;
    const socket = request.socket;
    // For `Connection: close` Node half-closes the socket and destroys it once the
    // closing is flushed: that destroy is the reset described above, taken back here.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- removes the listener Node added, never calls it
    socket.off('finish', socket.destroy);
    request.pause();
    socket.pause();
    const timer = setTimeout(() => socket.destroy(), GRACE_MS);
    this.waiting.add(socket);
    socket.once('close', () => {
      clearTimeout(timer);
      this.waiting.delete(socket);
    });
  }

  /** Drops the connections still in their grace period, so closing the listener does not wait for them. */
  dropAll(): void {
    for (const socket of this.waiting) socket.destroy();
  }
}
