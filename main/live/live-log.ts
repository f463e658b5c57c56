import { EventEmitter } from 'node:events';
import type { StreamMessage } from '../api/contract.js';

/** The in-process feed behind `GET /api/stream`: what arrives, what is refused, what the engine wants said. */
export class LiveLog {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(message: StreamMessage): void {
    this.emitter.emit('message', message);
  }

  notice(level: 'info' | 'warn' | 'error', message: string): void {
    this.publish({ type: 'notice', level, message, at: new Date().toISOString() });
  }

  subscribe(listener: (message: StreamMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }
}
