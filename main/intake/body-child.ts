import { endWhenOrphaned } from '../lib/node-child.js';
import { type LargeBody, type LargeBodyRead, readLargeBody } from './large-body.js';
import { refusal } from './refusal.js';

/**
 * Reads large bodies for the engine in a process of its own (see large-body-reader.ts): a body that takes seconds
 * to parse holds up only this process, and one that needs more memory than its heap limit ends only this process.
 * Bodies come one at a time.
 */
process.on('message', ({ id, job }: { id: number; job: LargeBody }) => {
  let result: LargeBodyRead;
  try {
    result = readLargeBody(job);
  } catch (error) {
    // Past what parseBody catches itself: a text too long for JSON.stringify, a stack too deep for a walk.
    result = { ok: false, refusal: refusal(400, 'intake.unreadable', { problem: (error as Error).message }) };
  }
  process.send?.({ id, result });
});
endWhenOrphaned();
// Loaded (the parsers included): from here on, a body's time is its own.
process.send?.('ready');
