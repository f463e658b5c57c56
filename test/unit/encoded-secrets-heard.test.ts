import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../main/delivery/scrub-secrets.js';

/**
 * A secret a receiver says back in an encoding of its own: form-encoded (spaces as `+`), base64 without its padding
 * or in its URL alphabet, percent-encoded twice, and a hidden address value as the receiver read it (its `+` a space,
 * its escapes decoded, then that in base64).
 */

const scrub = (snippet: string, secrets: string[]) =>
  withoutSecrets({ error: snippet, reason: null, responseSnippet: snippet }, secrets).responseSnippet;

describe('secrets said back in another encoding', () => {
  it('hides a value form-encoded, spaces as `+`', () => {
    expect(scrub('body: secret=zsecret+value%2B%2F%3D+42&x=1', ['zsecret value+/= 42'])).toBe(
      'body: secret=[redacted]&x=1',
    );
  });

  it('hides a value in base64 without padding and in base64url', () => {
    expect(scrub('sig QWJDL2RFZitHaEk9aks.', ['AbC/dEf+GhI=jK'])).toBe('sig [redacted].');
    // The URL alphabet: `-` and `_` for `+` and `/`.
    const url = Buffer.from('k?>~k?>~zz').toString('base64url');
    expect(url).toMatch(/[-_]/);
    expect(scrub(`token ${url} refused`, ['k?>~k?>~zz'])).toBe('token [redacted] refused');
  });

  it('hides a value percent-encoded twice', () => {
    expect(scrub('next=%2Fcb%3Fkey%253DAbC%252FdEf%253D', ['AbC/dEf='])).toBe('next=%2Fcb%3Fkey%253D[redacted]');
  });

  it('hides an address value as the receiver read it: `+` a space, escapes decoded, and that in base64', () => {
    const value = 'tok+en%2Fq99';
    const read = 'tok en/q99';
    expect(scrub(`token "${read}" refused`, [value])).toBe('token "[redacted]" refused');
    expect(scrub(`seen ${Buffer.from(read).toString('base64')}`, [value])).toBe('seen [redacted]');
    // A `+` beside an escape that is no escape (`%zz`): the receiver still reads the `+` as a space.
    expect(scrub('token "ab cd%zz9" refused', ['ab+cd%zz9'])).toBe('token "[redacted]" refused');
  });

  it('leaves text that holds none of them', () => {
    expect(scrub('HTTP 500 + 42 = QWJD, ok', ['zsecret value+/= 42', 'AbC/dEf+GhI=jK'])).toBe(
      'HTTP 500 + 42 = QWJD, ok',
    );
  });
});
