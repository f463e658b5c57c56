import { endWhenOrphaned, takeJobs, tell } from '../lib/node-child.js';
import { type BodyJob, doBodyWork } from '../delivery/body-work.js';
import { type LargeBody, type LargeBodyRead, readLargeBody } from './large-body.js';
import { refusal } from './refusal.js';

/**
 * Reads large bodies for the engine in a process of its own (see large-body-reader.ts): a body that takes seconds
 * to parse holds up only this process, and one that needs more memory than its heap limit ends only this process.
 * The deliveries run their own process of this script to prepare large bodies for a destination (see
 * DeliveryBodies). Bodies come one at a time.
 */
takeJobs((job: { read: LargeBody } | BodyJob) => ('read' in job ? read(job.read) : doBodyWork(job)));

function read(body: LargeBody): LargeBodyRead {
  try {
    return readLargeBody(body);
  } catch (error) {
    // Past what parseBody catches itself: a text too long for JSON.stringify, a stack too deep for a walk.
    if (error instanceof RangeError) return { ok: false, refusal: refusal(400, 'intake.tooIntricate') };
    return { ok: false, refusal: refusal(400, 'intake.unreadable', { problem: (error as Error).message }) };
  }
}
endWhenOrphaned();
// Loaded (the parsers included): from here on, a body's time is its own.
tell('ready');
