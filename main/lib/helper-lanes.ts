import { type HelperFailures, HelperProcess } from './helper-process.js';

/**
 * Two processes of one script (see HelperProcess), two lanes: deliveries in one, what a person waits on (a preview,
 * a large event opened in the dashboard, an export's line) in the other. In one line, what people asked for (or
 * anyone with the admin token, in a loop) went ahead of the deliveries and held back every order behind it for
 * seconds each; now nothing a person asks for stands before an order, and a person does not wait behind deliveries
 * that take their full time either.
 *
 * The people's lane holds only so many waiting: one more is answered at once that it is busy, or a loop of requests
 * would hold the engine's memory with every one it sent. Deliveries wait without a bound: each is an order stored.
 */
export class HelperLanes<Input, Result> {
  readonly deliveries: HelperProcess<Input, Result>;
  readonly people: HelperProcess<Input, Result>;

  constructor(
    script: URL | null,
    memoryMb: number,
    /** How each lane words what its process could not do (a person is told to ask again, not that Hookferry will). */
    failures: { deliveries: HelperFailures<Result>; people: HelperFailures<Result> },
    /** The people's lane: jobs waiting weigh at most `max` together beside the one running; one more is `busy`. */
    waiting: { max: number; busy: (waiting: number) => Result },
  ) {
    this.deliveries = new HelperProcess<Input, Result>(script, memoryMb, failures.deliveries);
    this.people = new HelperProcess<Input, Result>(script, memoryMb, failures.people, waiting);
  }

  /** Whether jobs run at all: without the built script every job fails as `unavailable`. */
  get available(): boolean {
    return this.deliveries.available;
  }

  async close(): Promise<void> {
    await Promise.all([this.deliveries.close(), this.people.close()]);
  }
}
