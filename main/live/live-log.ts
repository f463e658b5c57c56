import { EventEmitter } from 'node:events';
import type { Reason, StreamMessage } from '../api/contract.js';
import { inEnglish } from '../i18n/english.js';
import { type NoticeCode, noticeReasons } from '../i18n/reasons/notice.js';
import { boundedParams, boundedReason } from '../lib/bounded-text.js';

/** Another reason a notice gives as its cause (why a delivery failed): its English sentence and its code. */
export interface Cause {
  text: string;
  reason: Reason | null;
}

/** The in-process feed behind `GET /api/stream`: what arrives, what is refused, what the engine wants said. */
export class LiveLog {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(message: StreamMessage): void {
    this.emitter.emit('message', message);
    // Written once for all readers: per reader, 300 open streams cost each order 300 JSON.stringify calls.
    if (this.emitter.listenerCount('frame') > 0) this.emitter.emit('frame', `data: ${JSON.stringify(message)}\n\n`);
  }

  /** Says something to every open dashboard: the English sentence, and the code it is shown by in the merchant's language. */
  notice(level: 'info' | 'warn' | 'error', code: NoticeCode, params: Reason['params'] = {}, cause?: Cause): void {
    const message = inEnglish(noticeReasons, code, cause ? { ...params, cause: cause.text } : params);
    // Bounded like every reason (bounded-text.ts): a stream message over the stream's limit drops every dashboard.
    const reason = { code, params: boundedParams(params) };
    this.publish({
      type: 'notice',
      level,
      message,
      reason,
      cause: cause?.reason ? boundedReason(cause.reason) : null,
      at: new Date().toISOString(),
    });
  }

  subscribe(listener: (message: StreamMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  /** The same messages as server-sent events' `data:` frames, for the stream's readers. */
  subscribeFrames(listener: (frame: string) => void): () => void {
    this.emitter.on('frame', listener);
    return () => this.emitter.off('frame', listener);
  }
}
