import { describe, expect, it } from 'vitest';
import { holdsOpenSecret, openUrl, sealUrl, urlSecretKeys, withoutUrlSecrets } from '../../main/store/url-secrets.js';

/**
 * Capability addresses (the address is the key) spelled the odd ways a URL parser or a receiver reads as the usual
 * one, and more services' webhook addresses: each is sealed, and given back byte for byte to be sent.
 */

const seal = (url: string) => sealUrl(url, {}, false);

function expectSealed(url: string, stored: string, secret: string) {
  const sealed = seal(url);
  expect(sealed.url, url).toBe(stored);
  expect(sealed.secrets, url).toEqual({ 'url:path': secret });
  expect(urlSecretKeys(sealed.url), url).toEqual(['url:path']);
  expect(holdsOpenSecret(url), url).toBe(true);
  expect(holdsOpenSecret(sealed.url), url).toBe(false);
  expect(openUrl(sealed.url, sealed.secrets), url).toEqual({ url, missing: [] });
  // Saved back as shown, the value is kept.
  expect(sealUrl(sealed.url, sealed.secrets, false), url).toEqual(sealed);
}

describe('capability addresses spelled oddly, and more services', () => {
  it('seals a known address whose path is spelled oddly, the whole path past the host', () => {
    for (const [url, stored, secret] of [
      [
        'https://hooks.slack.com//services/T1/B2/ODDSLASH9',
        'https://hooks.slack.com/[redacted]',
        '/services/T1/B2/ODDSLASH9',
      ],
      [
        'https://hooks.slack.com/%73ervices/T1/B2/ODDESC9',
        'https://hooks.slack.com/[redacted]',
        '%73ervices/T1/B2/ODDESC9',
      ],
      [
        'https://hooks.slack.com/./services/T1/B2/ODDDOT9',
        'https://hooks.slack.com/[redacted]',
        './services/T1/B2/ODDDOT9',
      ],
      [
        'https://hooks.slack.com\\services\\T1\\B2\\ODDBACK9',
        'https://hooks.slack.com\\[redacted]',
        'services\\T1\\B2\\ODDBACK9',
      ],
      [
        'https://hooks.slack.c%6Fm/services/T1/B2/ODDHOST9',
        'https://hooks.slack.c%6Fm/services/[redacted]',
        'T1/B2/ODDHOST9',
      ],
    ] as const)
      expectSealed(url, stored, secret);
  });

  it('seals more services’ webhook addresses past their fixed prefix', () => {
    for (const [url, stored, secret] of [
      [
        'https://www.discord.com/api/webhooks/123/WWWDISCORD9',
        'https://www.discord.com/api/webhooks/[redacted]',
        '123/WWWDISCORD9',
      ],
      ['https://hook.eu2.make.celonis.com/celonis9key', 'https://hook.eu2.make.celonis.com/[redacted]', 'celonis9key'],
      ['https://zapier.com/hooks/catch/123/OLDZAP9/', 'https://zapier.com/hooks/catch/[redacted]', '123/OLDZAP9/'],
      [
        'https://contoso.webhook.office.com/webhookb2/aa-11@bb-22/IncomingWebhook/TEAMS9/cc-33',
        'https://contoso.webhook.office.com/webhookb2/[redacted]',
        'aa-11@bb-22/IncomingWebhook/TEAMS9/cc-33',
      ],
      [
        'https://outlook.office.com/webhook/aa-11@bb-22/IncomingWebhook/OUTLOOK9',
        'https://outlook.office.com/webhook/[redacted]',
        'aa-11@bb-22/IncomingWebhook/OUTLOOK9',
      ],
    ] as const)
      expectSealed(url, stored, secret);
  });

  it('seals only the token of a Telegram bot address; the method after it stays', () => {
    const url = 'https://api.telegram.org/bot123456:AAH-tElEgRaM_9/sendMessage?chat_id=-100123';
    expectSealed(url, 'https://api.telegram.org/bot[redacted]/sendMessage?chat_id=-100123', '123456:AAH-tElEgRaM_9');
    expectSealed('https://api.telegram.org/bot987:ZZtok9', 'https://api.telegram.org/bot[redacted]', '987:ZZtok9');
    expectSealed(
      'https://api.telegram.org/file/bot987:ZZtok9/photos/a.jpg',
      'https://api.telegram.org/file/bot[redacted]/photos/a.jpg',
      '987:ZZtok9',
    );
    expect(withoutUrlSecrets('https://api.telegram.org/bot[redacted]/sendMessage', ['url:path'])).toBe(
      'https://api.telegram.org/bot/sendMessage',
    );
  });

  it('leaves other hosts and a prefix with nothing past it', () => {
    for (const url of [
      'https://api.telegram.org/bot',
      'https://api.telegram.org/file/x',
      'https://example.com//services/T1/B2/x',
      'https://hooks.slack.com//',
      'https://zapier.com/apps/x',
      'https://office.com/webhookb2/x',
      'https://outlook.office.com/mail/x',
    ]) {
      expect(seal(url), url).toEqual({ url, secrets: {} });
      expect(holdsOpenSecret(url), url).toBe(false);
    }
  });
});
