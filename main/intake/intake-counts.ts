import { BODY_BUDGET_BYTES, BodyBudget } from './body-budget.js';
import { RefusalTally } from './refusal-tally.js';
import { WindowCounter } from './window-counter.js';

/**
 * What the intake counts across its listeners (the one senders reach directly, and the tunnel's): a source's
 * rate limit, an address's failed verifications and the live log's share of refusals hold however a request
 * arrived, and across a listener reopened on another port.
 */
export class IntakeCounts {
  /** Refusals written to the live log per source (or unknown token). */
  readonly traces = new WindowCounter(10_000);
  /** The bytes those refusals keep on disk per source (or unknown token), by the hour (see REFUSALS_KEPT_PER_HOUR). */
  readonly keptPerHour = new WindowCounter(3_600_000);
  readonly verifiedPerSource = new WindowCounter(60_000);
  readonly failuresPerAddress = new WindowCounter(60_000);
  /** The live log's notice of an address over the connection cap, once a minute per address. */
  readonly capNotices = new WindowCounter(60_000);
  /** Refusals without a request (a connection closed, a request cut off), per address and window. */
  readonly tally: RefusalTally;
  /** The body bytes held in memory by both listeners together. */
  readonly bodies: BodyBudget;

  constructor(tallyMs: number, bodyBudgetBytes = BODY_BUDGET_BYTES) {
    this.tally = new RefusalTally(tallyMs);
    this.bodies = new BodyBudget(bodyBudgetBytes);
  }
}
