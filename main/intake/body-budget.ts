import { LARGE_BODY_BYTES } from './large-body.js';

/**
 * The body bytes both intake listeners may hold in memory at once: 256 MB. A body is held whole until it is stored,
 * and the caps per address (64 connections) and per body (the limit, 5 MB by default, up to 100 MB) bound one
 * address only: 4 addresses at the body limit made the engine's memory 1.38 GB, and behind the tunnel every
 * internet sender is an address. 256 MB is a fixed share of a shop PC (most have 4–16 GB, shared with the POS and a
 * browser) that still takes two bodies at the largest limit together, or fifty at the default: far more than any
 * shop sends at once, where the PC's own size would let a flood take more of the PC the larger it is.
 */
export const BODY_BUDGET_BYTES = 256 * 1024 * 1024;

/**
 * Kept for bodies under LARGE_BODY_BYTES from the shop's own network (a POS order is a few KB): bodies from the
 * tunnel and large bodies may hold the budget only up to this much short of it, so a flood of either never
 * turns away the shop's own orders.
 */
const RESERVED_FOR_SMALL_BODIES = 1 / 8;

/**
 * The budget's size. `HOOKFERRY_TEST_BODY_BUDGET_MB` lowers it so a test fills it with a few bodies of a
 * megabyte; read here only, set only by tests.
 */
export function bodyBudgetBytes(env: NodeJS.ProcessEnv): number {
  const override = Number(env.HOOKFERRY_TEST_BODY_BUDGET_MB);
  return Number.isInteger(override) && override > 0 ? override * 1024 * 1024 : BODY_BUDGET_BYTES;
}

/** The body bytes held across the intake's listeners; each request's bytes are counted by its BodyHold. */
export class BodyBudget {
  private held = 0;

  constructor(readonly bytes: number) {}

  /** `fromTunnel`: the request came through the ngrok tunnel (anyone on the internet). */
  hold(fromTunnel: boolean): BodyHold {
    return new BodyHold(this, fromTunnel);
  }

  /** Takes `more` bytes for a body of `bodyBytes` if the total stays within what such a body may use. */
  take(more: number, bodyBytes: number, fromTunnel: boolean): boolean {
    const ceiling =
      fromTunnel || bodyBytes >= LARGE_BODY_BYTES
        ? Math.floor(this.bytes * (1 - RESERVED_FOR_SMALL_BODIES))
        : this.bytes;
    if (this.held + more > ceiling) return false;
    this.held += more;
    return true;
  }

  giveBack(bytes: number): void {
    this.held -= bytes;
  }
}

/**
 * One request's share of the budget: taken as its body is announced (`Content-Length`) or arrives, given back
 * once when its answer is sent or its connection closes, whichever comes first.
 */
export class BodyHold {
  private bytes = 0;
  private released = false;

  constructor(
    private readonly budget: BodyBudget,
    private readonly fromTunnel: boolean,
  ) {}

  /** Makes the hold cover a body of `total` bytes; false, and nothing taken, when the budget has no room for it. */
  cover(total: number): boolean {
    if (this.released || total <= this.bytes) return !this.released;
    if (!this.budget.take(total - this.bytes, total, this.fromTunnel)) return false;
    this.bytes = total;
    return true;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.budget.giveBack(this.bytes);
    this.bytes = 0;
  }
}
