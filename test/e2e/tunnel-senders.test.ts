import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, useDashboard } from '../helpers/dashboard-page.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { engineWithTunnel } from '../helpers/tunnel.js';

/** Who sent an event, as the drawer says it, for an order that came through the ngrok tunnel (the agent stood in for). */
describe.skipIf(!hasChromium)('the sender of an event behind the ngrok tunnel, in Chromium', () => {
  let tunnel: string;

  const ui = useDashboard({
    start: async () => {
      const engine = await engineWithTunnel();
      tunnel = engine.tunnel;
      return engine.serve;
    },
    timeout: 60_000,
  });

  it('names the address ngrok saw, not the tunnel’s 127.0.0.1 nor what the sender wrote, in English and Vietnamese', async () => {
    const [pos] = await ui.serve.api('listSources');
    const answer = await post(`${tunnel}${new URL(pos!.ingestUrl).pathname}`, teamcropOrderRaw, {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
      'X-Forwarded-For': '203.0.113.7, 198.51.100.20',
    });
    expect(answer.status).toBe(200);
    const drawerOf = async (heading: string) => {
      await ui.page.goto(`${ui.serve.runtime.adminUrl}/#/log?event=${String(answer.json.id)}`);
      await ui.page.reload();
      await ui.page.getByRole('heading', { level: 2, name: heading }).waitFor();
      const drawer = ui.page.getByTestId('drawer');
      await drawer.locator('p.muted').first().waitFor();
      return drawer.locator('p.muted').first().textContent();
    };

    const english = await drawerOf('Live log');
    expect(english).toContain('sent from 198.51.100.20');
    expect(english).not.toMatch(/127\.0\.0\.1|203\.0\.113\.7/);
    await ui.page.screenshot({ path: join(ARTIFACTS, 'drawer-sender-en.png') });

    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    await expect(drawerOf('Nhật ký trực tiếp')).resolves.toContain('gửi từ 198.51.100.20');
    await ui.page.screenshot({ path: join(ARTIFACTS, 'drawer-sender-vi.png') });
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
