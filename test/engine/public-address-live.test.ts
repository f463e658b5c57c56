import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/*
 * The real thing: an ngrok tunnel to the real ngrok service. It needs the internet and an ngrok account,
 * so it runs only where NGROK_AUTHTOKEN is set (the installers workflow passes the repository secret);
 * NGROK_DOMAIN, when set, is the account's domain to ask for.
 */
const authtoken = process.env.NGROK_AUTHTOKEN ?? '';
const domain = process.env.NGROK_DOMAIN || null;

if (!authtoken)
  console.warn(
    '\n!!! NGROK_AUTHTOKEN is not set: the live ngrok tests are SKIPPED (they need the internet and an account).\n',
  );

async function statusOf(serve: Awaited<ReturnType<typeof startServe>>, wanted: string) {
  return waitUntil(
    async () => {
      const now = await serve.api('getPublicAddress');
      return now.status === wanted ? now : null;
    },
    `the ${wanted} status`,
    30_000,
  );
}

describe.skipIf(!authtoken)('public address: ngrok, live', () => {
  it('opens a public address that reaches the intake, and only the intake', async () => {
    const serve = await startServe(tempDir());
    try {
      await serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken, domain } } } });
      const online = await statusOf(serve, 'online');
      expect(online.url).toMatch(/^https:\/\//);
      if (domain) expect(online.url).toBe(`https://${domain}`);
      const [pos] = await serve.api('listSources');
      expect(pos!.publicUrl).toBe(`${online.url}/in/${pos!.ingestUrl.split('/in/')[1]}`);

      // A sender's own X-Forwarded-For proves nothing: ngrok appends the address it saw, and that one counts.
      const answer = await post(pos!.publicUrl!, teamcropOrderRaw, {
        'content-type': 'application/json',
        'Tc-Webhook-Event': 'order.add',
        'X-Forwarded-For': '192.0.2.1',
      });
      expect(answer.status).toBe(200);
      const stored = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
      expect(stored.type).toBe('order.add');
      // Told apart by the address ngrok saw (the right-most X-Forwarded-For entry), not the agent's 127.0.0.1.
      expect(isIP(stored.remoteAddress ?? ''), String(stored.remoteAddress)).not.toBe(0);
      expect(stored.remoteAddress).not.toMatch(/^(127\.|::1$|::ffff:127\.|192\.0\.2\.1$)/);
      await expect(fetch(`${online.url}/healthz`).then((response) => response.status)).resolves.toBe(200);
      // The admin API is not behind the tunnel: the intake answers 404 to anything but /in/* and /healthz.
      const admin = await fetch(`${online.url}/api/settings`, {
        headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      });
      expect(admin.status).toBe(404);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('says the authtoken is wrong, without echoing it', async () => {
    const wrong = `${authtoken.slice(0, 10)}WrongTokenForTests_0000000000`;
    const serve = await startServe(tempDir());
    try {
      await serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken: wrong } } } });
      const failed = await statusOf(serve, 'error');
      expect(failed.reason?.code).toBe('public-address-authtoken');
      expect(JSON.stringify(failed)).not.toContain(wrong);
    } finally {
      await serve.stop();
    }
    expect(serve.output()).not.toContain(wrong);
  });
});
