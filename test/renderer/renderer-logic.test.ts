import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RetryPolicy, SourceCreate } from '../../main/api/contract.js';
import { contractMessageInVietnamese } from '../../main/i18n/contract-messages.js';
import { resources } from '../../main/i18n/resources.js';
import { parseBody } from '../../main/intake/parse-body.js';
import { formattedBody } from '../../renderer/src/lib/body-view.js';
import { roundTicks } from '../../renderer/src/lib/chart-ticks.js';
import { asCurl } from '../../renderer/src/lib/curl.js';
import { describeSchedule, waits } from '../../main/api/retry-schedule.js';
import type { Destination, DestinationStats } from '../../main/api/contract.js';
import { failingState } from '../../renderer/src/lib/failing-banner.js';

const say = (unit: string, n: number) => `${n} ${{ seconds: 's', minutes: 'min', hours: 'h', days: 'd' }[unit]}`;
const sentence = (list: string, total: string) => `retries after ${list}, gives up after ${total}`;

describe('retry schedule in words', () => {
  it('spells Teamcrop’s own schedule the way the product describes it', () => {
    const uncapped = RetryPolicy.parse({ maxDelayMs: 7 * 24 * 3_600_000 });
    expect(describeSchedule(uncapped, say, sentence, 'once')).toBe(
      'retries after 1 min, 2 min, 4 min, …, gives up after 34.1 h',
    );
  });

  it('counts the cap on the longest wait', () => {
    const capped = RetryPolicy.parse({});
    expect(waits(capped).at(-1)).toBe(6 * 3_600_000);
    expect(describeSchedule(capped, say, sentence, 'once')).toBe(
      'retries after 1 min, 2 min, 4 min, …, gives up after 20.5 h',
    );
  });

  it('tells its sentence how many waits there are: with one, "between tries" would speak of several', () => {
    const counted = (list: string, total: string, count: number) => `${count} wait(s): ${list}, last after ${total}`;
    const two = RetryPolicy.parse({ maxAttempts: 2, initialDelayMs: 10_000 });
    expect(describeSchedule(two, say, counted, 'once')).toBe('1 wait(s): 10 s, last after 10 s');
    expect(describeSchedule(RetryPolicy.parse({}), say, counted, 'once')).toMatch(/^\d+ wait\(s\): 1 min/);
  });

  it('says when there is no retry at all', () => {
    expect(describeSchedule(RetryPolicy.parse({ maxAttempts: 1 }), say, sentence, 'one try')).toBe('one try');
  });
});

describe('copy as cURL', () => {
  it('replays the body and headers, a redacted one as a placeholder naming it, leaving out hop-by-hop ones, quoting safely', () => {
    const command = asCurl(
      {
        headers: {
          host: 'x',
          'content-type': 'application/json',
          'x-shop-key': '[redacted]',
          'tc-webhook-event': 'order.add',
        },
        body: `{"name":"O'Neil"}`,
        bodyEncoding: 'utf8',
      } as never,
      'http://127.0.0.1:8780/in/tok',
      (name) => `paste the ${name} value`,
    );
    expect(command).toBe(
      [
        'curl -X POST',
        `'http://127.0.0.1:8780/in/tok'`,
        `-H 'content-type: application/json'`,
        `-H 'x-shop-key: <paste the X-Shop-Key value>'`,
        `-H 'tc-webhook-event: order.add'`,
        `--data-binary '{"name":"O'\\''Neil"}'`,
      ].join(' \\\n  '),
    );
  });

  it('writes what a sender wrote so that pasted into cmd.exe nothing of it runs, and bash still gets it exact', () => {
    const body = `{"name":"Linh & calc.exe | x <y> ^z %PATH% !a\n'q' \\ đơn"}`;
    const command = asCurl(
      {
        headers: { 'content-type': 'application/json', 'x-note': 'a & b', 'x-shop-key': '[redacted]' },
        body,
        bodyEncoding: 'utf8',
      } as never,
      'http://127.0.0.1:8780/in/tok',
      (name) => `paste the ${name} value`,
    );
    const lines = command.split(' \\\n  ');
    expect(lines.filter((line) => /[&|^%!\n]/.test(line))).toEqual([]);
    expect(lines).toContain(`-H 'x-shop-key: <paste the X-Shop-Key value>'`);
    // bash runs the command as it is, with a curl that prints the arguments it was given.
    const args = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`]).toString('utf8');
    expect(args.split('\0').slice(0, -1)).toEqual([
      '-X',
      'POST',
      'http://127.0.0.1:8780/in/tok',
      '-H',
      'content-type: application/json',
      '-H',
      'x-note: a & b',
      '-H',
      'x-shop-key: <paste the X-Shop-Key value>',
      '--data-binary',
      body,
    ]);
  });
});

describe('hourly chart axis', () => {
  it('marks a few round numbers that reach the busiest hour', () => {
    expect(roundTicks(1)).toEqual([0, 1]);
    expect(roundTicks(3)).toEqual([0, 1, 2, 3]);
    expect(roundTicks(5)).toEqual([0, 2, 4, 6]);
    expect(roundTicks(47)).toEqual([0, 20, 40, 60]);
    expect(roundTicks(1200)).toEqual([0, 500, 1000, 1500]);
  });
});

describe('formatted body', () => {
  it('shows XML as indented XML without its declaration, attributes and leading zeros kept', () => {
    const raw =
      '<?xml version="1.0" encoding="UTF-8"?><order id="A1"><phone>0938474843</phone><total>120000</total></order>';
    const parsed = parseBody(Buffer.from(raw), 'application/xml');
    expect(parsed.ok).toBe(true);
    expect(formattedBody({ parsed: parsed.ok ? parsed.parsed : null, body: raw, contentType: 'application/xml' })).toBe(
      ['<order id="A1">', '  <phone>0938474843</phone>', '  <total>120000</total>', '</order>'].join('\n'),
    );
  });

  it('indents JSON', () => {
    expect(formattedBody({ parsed: { a: 1 }, body: '{"a":1}', contentType: 'application/json' })).toBe(
      '{\n  "a": 1\n}',
    );
  });

  it('indents the JSON of a refused request, kept unparsed, and leaves broken JSON as it came', () => {
    expect(formattedBody({ parsed: null, body: '{"a":1}', contentType: 'application/json' })).toBe('{\n  "a": 1\n}');
    // An id past 2^53 reaches the page as a string of its digits; the Formatted tab shows it as it came.
    const long = '\uFEFF{"id":820982911946154508,"a":1,"a":2}';
    expect(
      formattedBody({ parsed: { id: '820982911946154508', a: 2 }, body: long, contentType: 'application/json' }),
    ).toBe('{\n  "id": 820982911946154508,\n  "a": 2\n}');
    expect(formattedBody({ parsed: null, body: '{"a":', contentType: 'application/json' })).toBe('{"a":');
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

describe('a source’s verification header left empty', () => {
  it('asks for the header’s name, saying the grey example is not one, in both languages', () => {
    const result = SourceCreate.safeParse({ name: 'POS', verification: { type: 'header', header: ' ' } });
    expect(result.success).toBe(false);
    const message = result.error!.issues.find((issue) => issue.path.join('.') === 'verification.header')!.message;
    expect(message).toContain('for example X-Shop-Key (the grey text in the box is only an example)');
    expect(contractMessageInVietnamese(message)).toContain('chữ màu xám trong ô chỉ là ví dụ');
  });
});

describe('what a failing destination’s banner says', () => {
  const destination = { id: 'd', name: 'Books', paused: false } as Destination;
  const figures = (stats: Partial<DestinationStats>) =>
    ({ health: 'failing', nextTryAt: null, failed: 0, lastTryFailed: true, ...stats }) as DestinationStats;

  it('says Hookferry keeps trying only while something of it is due for another try', () => {
    const at = '2026-12-01T23:00:00.000Z';
    expect(failingState(destination, figures({ nextTryAt: at, failed: 1 }))).toEqual({
      kind: 'retrying',
      nextTryAt: at,
      failed: 1,
    });
    // Failed for good (a refused key), or a line held by a failed event: nothing is tried by itself.
    expect(failingState(destination, figures({ failed: 2 }))).toEqual({ kind: 'notRetried', failed: 2 });
    // Nothing of it waits (discarded, or resent and delivered): no banner; the card says the latest try failed, calmly.
    expect(failingState(destination, figures({}))).toBe(null);
  });

  it('is there exactly when the card says failing, or paused after a failed try', () => {
    expect(failingState(destination, figures({ health: 'retrying', nextTryAt: '2026-12-01T23:00:00.000Z' }))).toBe(
      null,
    );
    expect(failingState(destination, figures({ health: 'healthy', lastTryFailed: false }))).toBe(null);
    expect(failingState({ ...destination, paused: true }, figures({ failed: 3 }))).toEqual({
      kind: 'paused',
      failed: 3,
      allPaused: false,
    });
    // Paused only by "Pause all deliveries": it is not this destination that is paused, and the banner says so.
    expect(failingState(destination, figures({ health: 'paused', failed: 1 }))).toEqual({
      kind: 'paused',
      failed: 1,
      allPaused: true,
    });
    expect(failingState(destination, figures({ health: 'paused', lastTryFailed: false }))).toBe(null);
  });
});
