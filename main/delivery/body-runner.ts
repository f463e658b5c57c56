import { LARGE_BODY_BYTES } from '../intake/large-body.js';
import { HelperLanes } from '../lib/helper-lanes.js';
import { parsedOf, type StoredBody } from '../store/body-format.js';
import type { StoredScope } from '../store/events-read.js';
import { type BodyJob, type BodyText, jsonTextOf, sentAsItCame, unmappable, unpreparable } from './body-work.js';
import { contextOf, type StoredRows, type ZitharaOptions } from './kinds/zithara/context.js';
import { mapForZithara, type MappedText, mapsType, written } from './kinds/zithara/mapping.js';
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
 * The time a body may take to prepare. `HOOKFERRY_TEST_BODY_WORK_MS` sets it for every body, so a test sees a try
 * run out of time for real (as on a PC too busy to prepare it) in a moment; read here only, set only by tests.
 */
export function deliveryBodyTime(env: NodeJS.ProcessEnv): (bytes: number) => number {
  const override = Number(env.HOOKFERRY_TEST_BODY_WORK_MS);
  return Number.isInteger(override) && override > 0 ? () => override : bodyWorkMs;
}

/**
 * What a person waits on (a large event opened in the dashboard, an export's line) waiting beside the one being
 * written (see HelperLanes): one more is answered at once, without its parsed body (the dashboard shows the body as
 * it came).
 */
const PEOPLE_WAITING = 4;

/**
 * Prepares an event's body for a destination that does not send it as it came. A large body (16 KB and more) is
 * parsed and written in a body process of the deliveries' own (the intake's script, its own process, so deliveries
 * never fill intake's waiting line): on the engine's thread, 5 MB of nested arrays held every request and delivery
 * up for 2.6 s, at every try. Smaller bodies are prepared here, as before: the trip would cost them more.
 *
 * Two lanes, as for JSONata (see HelperLanes): deliveries in one, what a person opens in the other; opening large
 * events in the dashboard, or a loop of it, held back every order whose body is written out when they shared one.
 */
export class DeliveryBodies {
  private readonly lanes: HelperLanes<BodyJob, BodyText | MappedText>;

  constructor(
    script: URL | null,
    /** The database file the process reads stored orders from (Zithara); null where there is none to share. */
    private readonly database: string | null = null,
    private readonly timeMs: (bytes: number) => number = bodyWorkMs,
  ) {
    // Only running out of memory is the body's own doing (the same body would do it again): a body intake read in
    // time can always be prepared in time on a quiet PC, so running out of time means the PC was busy, and a
    // process that stopped or could not be reached says nothing of the body. Those tries are made again later.
    const busy = (why: Said): BodyText => ({ ok: false, why, busy: true });
    const stopped = (message: string) => busy(said('delivery.bodyInterrupted', { message }));
    const failures = {
      unavailable: () => stopped('there is no body process'),
      closing: () => stopped('Hookferry was stopping'),
      tooLong: (seconds: number) => busy(said('delivery.bodyBusy', { seconds })),
      tooBig: (mb: number): BodyText => ({ ok: false, why: said('delivery.bodyTooBig', { mb }) }),
      cannotHand: stopped,
      cannotRead: stopped,
      stopped,
    };
    // A person is told to ask again, not that Hookferry will.
    const forPeople = { ...failures, tooLong: (seconds: number) => busy(said('preview.bodyBusy', { seconds })) };
    this.lanes = new HelperLanes<BodyJob, BodyText | MappedText>(
      script,
      MEMORY_MB,
      { deliveries: failures, people: forPeople },
      { max: PEOPLE_WAITING, busy: (waiting) => busy(said('preview.busy', { count: waiting + 1 })) },
    );
  }

  /** Whether a stored body is prepared in the body process (without the built script, `npm run dev`, never). */
  takes(stored: StoredBody | null): boolean {
    return this.lanes.available && stored !== null && (stored.body?.byteLength ?? 0) >= LARGE_BODY_BYTES;
  }

  /** The body in the JSON body mode. */
  async json(event: OutgoingEvent): Promise<BodyText> {
    const { stored } = event;
    if (!stored) return here(() => JSON.stringify(event.parsed ?? event.body.toString('utf8')));
    if (!this.takes(stored) || sentAsItCame(stored)) return here(() => jsonTextOf(stored));
    return (await this.lanes.deliveries.run({ json: stored }, this.timeMs(event.body.byteLength))) as BodyText;
  }

  /**
   * The parsed body written as JSON (`null` when it has none), as the admin API answers it; a large one parsed and
   * written in the body process: on the engine's thread, opening 5 MB of nested arrays in the dashboard held it up
   * 2 s, an export 1 s for each such event.
   */
  async parsedJson(stored: StoredBody): Promise<BodyText> {
    if (!this.takes(stored)) return here(() => JSON.stringify(parsedOf(stored)));
    const bytes = stored.body?.byteLength ?? 0;
    // A person waits on it (the dashboard, an export): in their own lane, never before a delivery.
    return (await this.lanes.people.run({ parsedJson: stored }, this.timeMs(bytes))) as BodyText;
  }

  /**
   * What Zithara is sent for an event. Mapped in the body process when the event's body is large, or when the
   * mapping reads stored orders or lines: SQLite reads each candidate whole to find them (0.4 s for 5 MB), and
   * parsing one took as long. On the engine's thread, 5 MB of either held it up 2-3 s a try.
   */
  async zithara(
    event: { type: string; readonly parsed: unknown; stored: StoredBody | null },
    options: ZitharaOptions,
    scope: StoredScope,
    rows: StoredRows,
    /** A preview's: in the lane of what people wait on, not the deliveries'. */
    preview = false,
  ): Promise<MappedText> {
    if (!mapsType(event.type)) return { skip: said('zithara.noUse', { type: event.type }) };
    const { stored } = event;
    const away = stored !== null && this.database !== null && this.lanes.available;
    if (!away || !this.takes(stored)) {
      const context = contextOf(options, (orderId, which) => {
        if (away) throw new ReadsStoredBodies();
        return rows(orderId, which);
      });
      try {
        return written(mapForZithara(event.type, event.parsed, context));
      } catch (error) {
        if (!(error instanceof ReadsStoredBodies)) return { invalid: unmappable(error) };
      }
    }
    const job = { type: event.type, stored: stored!, options, database: this.database!, scope };
    const lane = preview ? this.lanes.people : this.lanes.deliveries;
    const answer = await lane.run({ zithara: job }, this.timeMs(stored!.body?.byteLength ?? 0));
    // A BodyText here is the process's own failure (its time, its memory).
    if (!('why' in answer)) return answer as MappedText;
    return answer.busy ? { busy: answer.why } : { invalid: answer.why };
  }

  async close(): Promise<void> {
    await this.lanes.close();
  }
}

/** The mapping reads stored orders or lines: it goes to the body process, which finds them itself. */
class ReadsStoredBodies extends Error {}

function here(write: () => string): BodyText {
  try {
    return { ok: true, text: write() };
  } catch (error) {
    return { ok: false, why: unpreparable(error) };
  }
}
