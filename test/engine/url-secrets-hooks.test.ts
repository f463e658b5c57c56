import { describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Capability addresses spelled oddly (a doubled `/`, an escaped letter, a `.` segment, backslashes) and more
 * services' (Teams, Telegram, Make on Celonis, Zapier's older host): hidden in API answers, the configuration export
 * and the data folder. Paused: nothing is sent to these services from here.
 */

const ADDRESSES: [url: string, shown: string, secret: string][] = [
  ['https://hooks.slack.com//services/T1/B2/ODDSLASH9', 'https://hooks.slack.com/[redacted]', 'ODDSLASH9'],
  ['https://hooks.slack.com/%73ervices/T1/B2/ODDESC9', 'https://hooks.slack.com/[redacted]', 'ODDESC9'],
  ['https://hooks.slack.com/./services/T1/B2/ODDDOT9', 'https://hooks.slack.com/[redacted]', 'ODDDOT9'],
  ['https://hooks.slack.com\\services\\T1\\B2\\ODDBACK9', 'https://hooks.slack.com\\[redacted]', 'ODDBACK9'],
  [
    'https://www.discord.com/api/webhooks/1/WWWDISCORD9',
    'https://www.discord.com/api/webhooks/[redacted]',
    'WWWDISCORD9',
  ],
  ['https://hook.eu2.make.celonis.com/celonis9key', 'https://hook.eu2.make.celonis.com/[redacted]', 'celonis9key'],
  ['https://zapier.com/hooks/catch/1/OLDZAP9/', 'https://zapier.com/hooks/catch/[redacted]', 'OLDZAP9'],
  [
    'https://contoso.webhook.office.com/webhookb2/aa@bb/IncomingWebhook/TEAMS9/cc',
    'https://contoso.webhook.office.com/webhookb2/[redacted]',
    'TEAMS9',
  ],
  [
    'https://outlook.office.com/webhook/aa@bb/IncomingWebhook/OUTLOOK9',
    'https://outlook.office.com/webhook/[redacted]',
    'OUTLOOK9',
  ],
  [
    'https://api.telegram.org/bot123456:AAH-tElEgRaM_9/sendMessage?chat_id=-100123',
    'https://api.telegram.org/bot[redacted]/sendMessage?chat_id=-100123',
    'tElEgRaM_9',
  ],
];

async function everythingSaid(serve: ServeProcess): Promise<string> {
  const get = (path: string) =>
    fetch(`${serve.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    }).then((answer) => answer.text());
  return [await get('/api/destinations'), await get('/api/config/export')].join('\n');
}

describe('oddly spelled and more services’ capability addresses (real serve)', () => {
  it('are [redacted] in API answers, the export and the data folder, and kept when saved back as shown', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    for (const [at, [url, shown]] of ADDRESSES.entries()) {
      const created = await serve.api('createDestination', {
        body: { name: `Hook ${at}`, url, events: ['order.*'], paused: true },
      });
      expect(created.url, url).toBe(shown);
      expect(created.secretsSet, url).toMatchObject({ 'url:path': true });
      const saved = await serve.api('updateDestination', {
        params: { id: created.id },
        body: { name: `Hook ${at} again`, url: created.url },
      });
      expect(saved.secretsSet, url).toMatchObject({ 'url:path': true });
    }
    const said = await everythingSaid(serve);
    await serve.stop();
    for (const [, , secret] of ADDRESSES) {
      expect(said, `${secret} said`).not.toContain(secret);
      expect(filesContaining(dataDir, secret), `${secret} in the data folder`).toEqual([]);
    }
  });
});
