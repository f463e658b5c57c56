import type { TestResult } from '../api/contract.js';
import type { ActiveDestination } from '../store/destinations.js';
import { kindNamed } from './kinds/index.js';
import {
  type KindDriver,
  type KindTools,
  type PreviewAnswer,
  previewFailed,
  previewTransform,
  type Sample,
} from './kinds/kind.js';
import type { OutgoingEvent } from './outgoing.js';
import { localOutcome, type Outcome } from './send.js';

/** Sends, tests and previews for any destination, through its kind. */
export class Deliverer {
  private readonly drivers = new Map<string, KindDriver>();

  constructor(private readonly tools: KindTools) {}

  deliver(destination: ActiveDestination, event: OutgoingEvent): Promise<Outcome> {
    const driver = this.driverFor(destination);
    return driver
      ? driver.deliver(destination, event)
      : Promise.resolve(localOutcome('invalid', unknownKind(destination)));
  }

  async test(destination: ActiveDestination): Promise<TestResult> {
    const driver = this.driverFor(destination);
    if (driver) return driver.test(destination);
    return { ok: false, httpStatus: null, durationMs: 0, error: unknownKind(destination), responseSnippet: null };
  }

  /** With an expression being edited, what it makes of the sample; otherwise what the kind would send. */
  preview(destination: ActiveDestination, sample: Sample, expression: string | undefined): Promise<PreviewAnswer> {
    if (expression !== undefined) return previewTransform(this.tools, sample, expression);
    const driver = this.driverFor(destination);
    return driver
      ? driver.preview(destination, sample)
      : Promise.resolve(previewFailed(sample, unknownKind(destination)));
  }

  private driverFor(destination: ActiveDestination): KindDriver | null {
    let driver = this.drivers.get(destination.kind);
    if (!driver) {
      const kind = kindNamed(destination.kind);
      if (!kind) return null;
      driver = kind.connect(this.tools);
      this.drivers.set(destination.kind, driver);
    }
    return driver;
  }
}

function unknownKind(destination: ActiveDestination): string {
  return `“${destination.name}” is a ${destination.kind} destination, which this version of Hookferry cannot send to. Update Hookferry or delete the destination.`;
}
