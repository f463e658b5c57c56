import { describe, expect, it } from 'vitest';
import { RetryPolicy } from '../../main/api/contract.js';
import { resources } from '../../main/i18n/resources.js';
import { asCurl } from '../../renderer/src/lib/curl.js';
import { describeSchedule, waits } from '../../main/api/retry-schedule.js';

const say = (unit: string, n: number) => `${n} ${{ seconds: 's', minutes: 'min', hours: 'h', days: 'd' }[unit]}`;
const gaveUp = (total: string) => `gives up after ${total}`;

describe('retry schedule in words', () => {
  it('spells Teamcrop’s own schedule the way the product describes it', () => {
    const uncapped = RetryPolicy.parse({ maxDelayMs: 7 * 24 * 3_600_000 });
    expect(describeSchedule(uncapped, say, gaveUp, 'once')).toBe('1 min, 2 min, 4 min … gives up after 34.1 h');
  });

  it('counts the cap on the longest wait', () => {
    const capped = RetryPolicy.parse({});
    expect(waits(capped).at(-1)).toBe(6 * 3_600_000);
    expect(describeSchedule(capped, say, gaveUp, 'once')).toBe('1 min, 2 min, 4 min … gives up after 20.5 h');
  });

  it('says when there is no retry at all', () => {
    expect(describeSchedule(RetryPolicy.parse({ maxAttempts: 1 }), say, gaveUp, 'one try')).toBe('one try');
  });
});

describe('copy as cURL', () => {
  it('replays the body and headers, leaving out redacted and hop-by-hop headers, quoting safely', () => {
    const command = asCurl(
      {
        headers: {
          host: 'x',
          'content-type': 'application/json',
          authorization: '[redacted]',
          'tc-webhook-event': 'order.add',
        },
        body: `{"name":"O'Neil"}`,
        bodyEncoding: 'utf8',
      } as never,
      'http://127.0.0.1:8780/in/tok',
    );
    expect(command).toBe(
      [
        'curl -X POST',
        `'http://127.0.0.1:8780/in/tok'`,
        `-H 'content-type: application/json'`,
        `-H 'tc-webhook-event: order.add'`,
        `--data-binary '{"name":"O'\\''Neil"}'`,
      ].join(' \\\n  '),
    );
  });
});

describe('translations', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it('has every English string in Vietnamese too, none left empty: the dashboard’s, the tray’s and every reason', () => {
    const english = resources.en.translation;
    const vietnamese = resources.vi.translation;
    expect(keys(vietnamese).sort()).toEqual(keys(english).sort());
    expect(
      keys(vietnamese).filter(
        (key) => !key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], vietnamese),
      ),
    ).toEqual([]);
  });
});
