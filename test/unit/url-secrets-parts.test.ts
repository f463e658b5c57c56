import { describe, expect, it } from 'vitest';
import {
  holdsOpenSecret,
  openUrl,
  sealUrl,
  urlSecretKeys,
  urlSecretsKept,
  withoutUrlSecrets,
} from '../../main/store/url-secrets.js';

/**
 * The secrets of a destination's address beyond `&`-parted query values: a parameter after `;`, one in the `#` part,
 * and the path of a capability address (Slack, Zapier, Make, Discord, Google Apps Script), the address being the key.
 */

const seal = (url: string) => sealUrl(url, {}, false);

describe('secret parts of an address', () => {
  it('hides a parameter parted by `;` like one parted by `&`, and gives it back byte for byte', () => {
    const url = 'https://r.example/x?a=1;token=SEMISECRET1&b=2;c';
    const sealed = seal(url);
    expect(sealed).toEqual({
      url: 'https://r.example/x?a=1;token=[redacted]&b=2;c',
      secrets: { 'url:token': 'SEMISECRET1' },
    });
    expect(openUrl(sealed.url, sealed.secrets)).toEqual({ url, missing: [] });
  });

  it('keeps a `;` inside a secret value when no parameter follows it, and opens an address stored before as it was', () => {
    const url = 'https://r.example/x?token=abc;DEF-after-semicolon&b=2;c#sig=S1;G2';
    const sealed = seal(url);
    expect(sealed).toEqual({
      url: 'https://r.example/x?token=[redacted]&b=2;c#sig=[redacted]',
      secrets: { 'url:token': 'abc;DEF-after-semicolon', 'url:sig': 'S1;G2' },
    });
    expect(openUrl(sealed.url, sealed.secrets)).toEqual({ url, missing: [] });
    // Stored before this rule: the value sealed up to the `;`, the rest of it in the open. Sent as it was.
    const before = 'https://r.example/x?token=[redacted];DEF&b=2';
    expect(holdsOpenSecret(before)).toBe(false);
    expect(openUrl(before, { 'url:token': 'abc' })).toEqual({
      url: 'https://r.example/x?token=abc;DEF&b=2',
      missing: [],
    });
  });

  it('hides a secret parameter of the `#` part, counted after the query’s', () => {
    const url = 'http://host/a?token=QTOKEN-1&x=1#token=FRAGSECRET1;sig=FRAGSIG-22&view=2';
    const sealed = seal(url);
    expect(sealed.url).toBe('http://host/a?token=[redacted]&x=1#token=[redacted];sig=[redacted]&view=2');
    expect(sealed.secrets).toEqual({ 'url:token': 'QTOKEN-1', 'url:token#2': 'FRAGSECRET1', 'url:sig': 'FRAGSIG-22' });
    expect(openUrl(sealed.url, sealed.secrets).url).toBe(url);
    expect(urlSecretsKept(sealed.url, sealed.secrets).map(({ name }) => name)).toEqual(['?token', '#token', '#sig']);
  });

  it('hides the path of a capability address past its host’s fixed prefix', () => {
    const cases: [string, string][] = [
      [
        'https://hooks.slack.com/services/T0001/B0002/PATHSECRETxyz123?x=1#token=FRAGSECRET1',
        'https://hooks.slack.com/services/[redacted]?x=1#token=[redacted]',
      ],
      ['https://hooks.zapier.com/hooks/catch/123456/abcdef/', 'https://hooks.zapier.com/hooks/catch/[redacted]'],
      ['https://hook.eu1.make.com/a1b2c3d4e5f6g7h8', 'https://hook.eu1.make.com/[redacted]'],
      ['https://HOOK.us2.Make.com:443/zzq1w2e3', 'https://HOOK.us2.Make.com:443/[redacted]'],
      ['https://discord.com/api/webhooks/1234/DiScOrDtOkEn', 'https://discord.com/api/webhooks/[redacted]'],
      ['https://discordapp.com/api/v10/webhooks/1234/tok', 'https://discordapp.com/api/v10/webhooks/[redacted]'],
      [
        'https://script.google.com/macros/s/AKfycbxSECRETID/exec?shop=1',
        'https://script.google.com/macros/s/[redacted]?shop=1',
      ],
    ];
    for (const [url, stored] of cases) {
      const sealed = seal(url);
      expect(sealed.url, url).toBe(stored);
      expect(urlSecretKeys(sealed.url), url).toContain('url:path');
      expect(holdsOpenSecret(url), url).toBe(true);
      expect(holdsOpenSecret(sealed.url), url).toBe(false);
      expect(openUrl(sealed.url, sealed.secrets), url).toEqual({ url, missing: [] });
    }
    expect(seal(cases[0]![0]).secrets).toEqual({
      'url:path': 'T0001/B0002/PATHSECRETxyz123',
      'url:token': 'FRAGSECRET1',
    });
  });

  it('keeps a capability path left as [redacted], refuses one it does not have, names it by the address', () => {
    const previous = { 'url:path': 'T0001/B0002/PATHSECRETxyz123' };
    const stored = 'https://hooks.slack.com/services/[redacted]';
    expect(sealUrl(stored, previous, false)).toEqual({ url: stored, secrets: previous });
    expect(() => sealUrl(stored, {}, false)).toThrow('the value of hooks.slack.com/services/… in this address');
    expect(openUrl(stored, {}).missing).toEqual(['hooks.slack.com/services/…']);
    expect(urlSecretsKept(stored, previous)).toEqual([{ key: 'url:path', name: 'hooks.slack.com/services/…' }]);
    expect(withoutUrlSecrets(`${stored}?token=[redacted]`, ['url:path', 'url:token'])).toBe(
      'https://hooks.slack.com/services/',
    );
  });

  it('leaves other addresses and a prefix with nothing past it as they are', () => {
    for (const url of [
      'https://hooks.slack.com/services/',
      'https://hooks.slack.com/other/T1/B2/xyz',
      'https://example.com/services/T0001/B0002/xyz',
      'https://notslack.example/hooks.slack.com/services/x',
      'https://r.example/x?a=1;b=2#top',
      'https://r.example/?',
    ]) {
      expect(seal(url), url).toEqual({ url, secrets: {} });
      expect(holdsOpenSecret(url), url).toBe(false);
    }
  });
});
