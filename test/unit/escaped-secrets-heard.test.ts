import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../main/delivery/scrub-secrets.js';

/**
 * What a receiver says back of a secret header without the whole value: the credential after its scheme
 * (`bad token X` for `Authorization: Bearer X`), what a `Basic` credential encodes and each part of it, and any of
 * these in another case than sent (a receiver lower-casing the header it logs).
 */

const scrub = (snippet: string, secrets: string[]) =>
  withoutSecrets({ error: snippet, reason: null, responseSnippet: snippet }, secrets).responseSnippet;

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;

describe('secrets said back in part or in another case', () => {
  it('hides the credential after any authentication scheme', () => {
    expect(scrub('bad token ECHOAUTHSECRET6', ['Bearer ECHOAUTHSECRET6'])).toBe('bad token [redacted]');
    expect(scrub('{"token":"tk_8c1f0e77"}', ['Token tk_8c1f0e77'])).toBe('{"token":"[redacted]"}');
    expect(scrub('key ApiKey-991aa refused', ['SSWS   ApiKey-991aa'])).toBe('key [redacted] refused');
    expect(scrub('no Bearer ECHOAUTHSECRET6 here', ['Bearer ECHOAUTHSECRET6'])).toBe('no [redacted] here');
  });

  it('hides what a Basic credential encodes: user:password, the password alone, the user alone', () => {
    const secret = basic('shop-api-user:Pa55-word-9z');
    expect(scrub('denied shop-api-user:Pa55-word-9z', [secret])).toBe('denied [redacted]');
    expect(scrub('wrong password Pa55-word-9z for shop-api-user', [secret])).toBe(
      'wrong password [redacted] for [redacted]',
    );
    // An API key sent as the user name with no password (a common Basic use).
    expect(scrub('unknown key sk_live_51Habc', [basic('sk_live_51Habc:')])).toBe('unknown key [redacted]');
  });

  it('matches in any case', () => {
    expect(scrub('bad token echoauthsecret6', ['Bearer ECHOAUTHSECRET6'])).toBe('bad token [redacted]');
    expect(scrub('TOKEN ZTOKEN-5D5D5D EXPIRED', ['ztoken-5d5d5d'])).toBe('TOKEN [redacted] EXPIRED');
    expect(scrub('authorization: bearer echoauthsecret6', ['Bearer ECHOAUTHSECRET6'])).toBe(
      'authorization: [redacted]',
    );
    expect(scrub('pass pa55-WORD-9Z', [basic('shop-api-user:Pa55-word-9z')])).toBe('pass [redacted]');
  });

  it('keeps the minimum length and leaves what is not a secret’s', () => {
    // `ab` and `xyz` are too short to look for alone; the pair is not.
    expect(scrub('user ab, password xyz; ab:xyz', [basic('ab:xyz')])).toBe('user ab, password xyz; [redacted]');
    // Not base64 of text, or nothing but a scheme: nothing more is looked for.
    expect(scrub('Basic is fine', ['Basic !!notbase64'])).toBe('Basic is fine');
    // The scheme's name is no secret.
    expect(scrub('HTTP 401: Bearer realm="api"', ['Bearer ECHOAUTHSECRET6'])).toBe('HTTP 401: Bearer realm="api"');
    // A value under 16 characters said back in part is not looked for (see the next test).
    expect(scrub('token ECHOAUTHS… refused', ['Bearer ECHOAUTHSECRET6'])).toBe('token ECHOAUTHS… refused');
  });

  it('hides the first 8 or more characters of a secret of 16 or more said back alone, not a word it starts with', () => {
    const token = 'Bearer abcd1234efgh5678ijkl';
    expect(scrub('invalid token abcd1234… refused', [token])).toBe('invalid token [redacted]… refused');
    expect(scrub('invalid token abcd1234efgh... refused', [token])).toBe('invalid token [redacted]... refused');
    expect(scrub('key "ABCD1234EF****" is not valid', [token])).toBe('key "[redacted]****" is not valid');
    expect(scrub('{"hint":"abcd1234e"}', [token])).toBe('{"hint":"[redacted]"}');
    // Letters alone are a cut only where the receiver marks one: else they may be the answer's own word.
    const worded = 'passwordRESETtoken99';
    expect(scrub('password reset: token expired', [worded])).toBe('password reset: token expired');
    expect(scrub('the key passwordRESET… is not known', [worded])).toBe('the key [redacted]… is not known');
    // Fewer than 8, a secret shorter than 16, or a run inside another word: not hidden.
    expect(scrub('token abcd123… refused', [token])).toBe('token abcd123… refused');
    expect(scrub('token abcd1234… refused', ['abcd1234efgh567'])).toBe('token abcd1234… refused');
    expect(scrub('id xabcd1234 unknown', [token])).toBe('id xabcd1234 unknown');
  });
});
