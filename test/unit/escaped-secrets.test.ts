import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../main/delivery/scrub-secrets.js';

/**
 * A receiver that answers its request's headers as JSON writes the destination's secrets escaped (PHP's json_encode
 * writes `/` as `\/`, JSON.stringify a quote as `\"` and a backslash as `\\`, Python and PHP `é` as `\u00e9`): each
 * of those is hidden like the value as sent.
 */

const KEY = 'Xk9+/aB==longvalue';
const TOKEN = 'Bearer tok"en\\slash-9999';
const CLIENT = 'zsecret/with+slash==';
const ACCENTED = 'mật-khẩu-bí-mật';
const CONTROL = 'ab\u0001cd\tef';

/** JSON.stringify's escaping (no quotes around), and PHP's default: `/` as `\/`, beyond ASCII as `\uxxxx`. */
const asJson = (value: string) => JSON.stringify(value).slice(1, -1);
const asPhp = (value: string) =>
  asJson(value)
    .replaceAll('/', '\\/')
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

function scrub(snippet: string, secrets = [KEY, TOKEN, CLIENT, ACCENTED, CONTROL]) {
  return withoutSecrets({ error: null, reason: null, responseSnippet: snippet }, secrets).responseSnippet;
}

describe('secrets said back escaped as JSON', () => {
  it('hides each secret written the way JSON.stringify and PHP write it', () => {
    for (const secret of [KEY, TOKEN, CLIENT, ACCENTED, CONTROL])
      for (const written of [
        asJson(secret),
        asPhp(secret),
        asPhp(secret).replace(/\\u[0-9a-f]{4}/g, (escape) => `\\u${escape.slice(2).toUpperCase()}`),
      ]) {
        const said = scrub(`{"headers":{"x":"${written}"},"next":1}`);
        expect(said, written).toBe('{"headers":{"x":"[redacted]"},"next":1}');
      }
  });

  it('hides the attacker’s answer: PHP’s headers with the key and the token escaped', () => {
    const answer = JSON.stringify({ 'x-api-key': KEY, authorization: TOKEN }).replaceAll('/', '\\/');
    expect(answer).toContain('"x-api-key":"Xk9+\\/aB==longvalue"');
    expect(answer).toContain('tok\\"en\\\\slash-9999');
    expect(scrub(answer)).toBe('{"x-api-key":"[redacted]","authorization":"[redacted]"}');
    // The part after "Bearer ", a value of its own (as the webhook kind lists it), is hidden on its own too.
    expect(scrub(`{"t":"${asJson('tok"en\\slash-9999')}"}`, ['tok"en\\slash-9999'])).toBe('{"t":"[redacted]"}');
  });

  it('hides a secret escaped twice (JSON text quoted in JSON) and a percent-encoded one escaped', () => {
    const twice = JSON.stringify({ log: JSON.stringify({ key: KEY }).replaceAll('/', '\\/') });
    expect(scrub(twice)).toBe('{"log":"{\\"key\\":\\"[redacted]\\"}"}');
    expect(scrub(`{"q":"${asPhp(`key=${encodeURIComponent(CLIENT)}`)}"}`)).toBe('{"q":"key=[redacted]"}');
  });

  it('hides the start of an escaped secret where the snippet ends, even inside an escape', () => {
    const escaped = asPhp(KEY);
    for (const cut of [escaped.slice(0, 6), escaped.slice(0, 5), asPhp(ACCENTED).slice(0, 13)])
      expect(scrub(`${'.'.repeat(30)}"${cut}`), cut).toBe(`${'.'.repeat(30)}"[redacted]`);
  });

  it('hides it in the sentence and its values too, and leaves other escapes as they were', () => {
    const said = withoutSecrets(
      {
        error: `Zithara said: secret ${asPhp(CLIENT)}`,
        reason: { code: 'zithara.refusedData', params: { said: `secret ${asPhp(CLIENT)}` } },
        responseSnippet: `{"message":"a\\/b \\"quoted\\" secret ${asPhp(CLIENT)}\\n"}`,
      },
      [CLIENT],
    );
    expect(said).toEqual({
      error: 'Zithara said: secret [redacted]',
      reason: { code: 'zithara.refusedData', params: { said: 'secret [redacted]' } },
      responseSnippet: '{"message":"a\\/b \\"quoted\\" secret [redacted]\\n"}',
    });
  });
});

describe('secrets said back in other writings a receiver uses', () => {
  const SECRET = 'S3cr3tV@lue/+=<&>"x';
  const htmlDecimal = [...SECRET].map((char) => `&#${char.codePointAt(0)};`).join('');
  const htmlHex = [...SECRET].map((char) => `&#x${char.codePointAt(0)!.toString(16)};`).join('');
  const named = 'S3cr3tV@lue/+=&lt;&amp;&gt;&quot;x';

  it('hides one percent-encoded in lower case, in base64, as HTML or XML references, and split by a CDATA section', () => {
    for (const written of [
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      Buffer.from(SECRET).toString('base64'),
      htmlDecimal,
      htmlHex,
      named,
    ])
      expect(scrub(`<p>got ${written} here</p>`, [SECRET]), written).toBe('<p>got [redacted] here</p>');
    // The section's opening stays; nothing of the value does.
    expect(scrub('<v><![CDATA[S3cr3]]>tV@lue/+=&lt;&amp;&gt;&quot;x</v>', [SECRET])).toBe('<v><![CDATA[[redacted]</v>');
  });

  it('leaves references that spell no secret as they were', () => {
    const page = '<p>Tom &amp; Jerry &lt;3 &#169; 2026 &unknown; &</p>';
    expect(scrub(page, [SECRET])).toBe(page);
  });
});
