import type { TestResult } from '../api/contract.js';
import { en } from '../i18n/en.js';
import { testReasonText } from '../i18n/reason-text.js';
import { translatorFor } from '../i18n/translator.js';
import type { ActiveDestination } from '../store/destinations.js';
import { unpreparable } from './body-work.js';
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
import { type Said, said } from './said.js';
import { withoutSecrets } from './scrub-secrets.js';
import { localOutcome, type Outcome } from './send.js';

/** Sends, tests and previews for any destination, through its kind. */
export class Deliverer {
  private readonly drivers = new Map<string, KindDriver>();

  constructor(private readonly tools: KindTools) {}

  /**
   * Never throws: an event a kind cannot even prepare (a body nested so deep that
   * writing it as JSON overflows the stack) fails at once with the reason,
   * rather than leaving the delivery unrecorded and due again for ever.
   */
  async deliver(destination: ActiveDestination, event: OutgoingEvent): Promise<Outcome> {
    const driver = this.driverFor(destination);
    if (!driver) return localOutcome('invalid', unknownKind(destination));
    const lacking = urlSecretMissing(destination);
    if (lacking) return localOutcome('invalid', lacking);
    try {
      return withoutSecrets(await driver.deliver(destination, event), Object.values(destination.secrets));
    } catch (error) {
      return localOutcome('invalid', unpreparable(error));
    }
  }

  /** "Send test event" with this sample (stored by the caller, so the live log shows what was sent). */
  async test(destination: ActiveDestination, sample: OutgoingEvent): Promise<TestResult> {
    const driver = this.driverFor(destination);
    if (!driver) return failedTest(unknownKind(destination));
    const lacking = urlSecretMissing(destination);
    if (lacking) return failedTest(lacking);
    return inTestWords(withoutSecrets(await driver.test(destination, sample), Object.values(destination.secrets)));
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

/**
 * A test is tried once and never waits in Failed: where a delivery's sentence speaks of tries or of resending from
 * Failed, the test's own words (i18n `testReasons`, as the dashboard says them) are the sentence the API answers.
 */
function inTestWords(result: TestResult): TestResult {
  const [group, name] = result.reason?.code.split('.') ?? [];
  const words: Record<string, Record<string, string>> = en.testReasons;
  if (!result.reason || !group || !name || !Object.hasOwn(words, group) || !Object.hasOwn(words[group]!, name))
    return result;
  return { ...result, error: testReasonText(translatorFor('en'), result.reason, result.error ?? '') };
}

function failedTest(why: Said): TestResult {
  return { ok: false, httpStatus: null, durationMs: 0, error: why.text, reason: why.reason, responseSnippet: null };
}

/** An address whose hidden query value this Hookferry does not have is not sent to with `[redacted]` in it. */
function urlSecretMissing(destination: ActiveDestination): Said | null {
  const [param] = destination.urlSecretsMissing;
  return param === undefined ? null : said('delivery.urlSecretMissing', { name: destination.name, param });
}

function unknownKind(destination: ActiveDestination): Said {
  return said('delivery.unknownKind', { name: destination.name, kind: destination.kind });
}
