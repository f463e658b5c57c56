import { LARGE_BODY_BYTES } from '../intake/large-body.js';
import { HelperProcess } from '../lib/helper-process.js';
import { type BodyJob, type BodyText, jsonTextOf, unpreparable } from './body-work.js';
import type { OutgoingEvent } from './outgoing.js';
import { type Said, said } from './said.js';

/** The heap of the deliveries' body process: as much as intake's, which parsed the same bodies once. */
const MEMORY_MB = 1024;

/**
 * The time a body of `bytes` may take: 10 s per 5 MB, never less than 5 s, in whole seconds. Twice what intake
 * gives a body to be read (5 MB of nested arrays took 3.3 s to parse on a busy two-core machine, 0.7 s to write).
 */
export function bodyWorkMs(bytes: number): number {
  return Math.max(5, Math.ceil((10 * bytes) / (5 * 1024 * 1024))) * 1000;
}

/**
 * Prepares an event's body for a destination that does not send it as it came. A large body (16 KB and more) is
 * parsed and written in a body process of the deliveries' own (the intake's script, its own process, so deliveries
 * never fill intake's waiting line): on the engine's thread, 5 MB of nested arrays held every request and delivery
 * up for 2.6 s, at every try. Smaller bodies are prepared here, as before: the trip would cost them more.
 */
export class DeliveryBodies {
  private readonly helper: HelperProcess<BodyJob, BodyText>;

  constructor(script: URL | null) {
    const failed = (why: Said): BodyText => ({ ok: false, why });
    const stopped = (message: string) => failed(said('delivery.bodyStopped', { message }));
    this.helper = new HelperProcess(script, MEMORY_MB, {
      unavailable: () => stopped('there is no body process'),
      closing: () => stopped('Hookferry was stopping'),
      tooLong: (seconds) => failed(said('delivery.bodyTooLong', { seconds })),
      tooBig: (mb) => failed(said('delivery.bodyTooBig', { mb })),
      cannotHand: stopped,
      stopped,
    });
  }

  /** Whether this event's body is prepared in the body process (without the built script, `npm run dev`, never). */
  takes(event: OutgoingEvent): boolean {
    return this.helper.available && event.stored !== null && event.body.byteLength >= LARGE_BODY_BYTES;
  }

  /** The body in the JSON body mode. */
  json(event: OutgoingEvent): Promise<BodyText> {
    const { stored } = event;
    if (!stored) return Promise.resolve(here(() => JSON.stringify(event.parsed ?? event.body.toString('utf8'))));
    // A stored parsed copy is the text itself: nothing to parse.
    if (stored.parsed !== null || !this.takes(event)) return Promise.resolve(here(() => jsonTextOf(stored)));
    return this.helper.run({ json: stored }, bodyWorkMs(event.body.byteLength));
  }

  close(): Promise<void> {
    return this.helper.close();
  }
}

function here(write: () => string): BodyText {
  try {
    return { ok: true, text: write() };
  } catch (error) {
    return { ok: false, why: unpreparable(error) };
  }
}
