import { describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const WAITS_PAUSED = 'Chờ: đang tạm dừng';

/** The spreadsheet's line of each event, by its id. */
async function sheetLines(serve: ServeProcess): Promise<(id: string) => string> {
  const answer = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&lang=vi&tz=Asia/Ho_Chi_Minh`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
  });
  const lines = (await answer.text()).split('\n');
  return (id) => lines.find((line) => line.includes(id)) ?? '';
}

describe('the spreadsheet names an order held by a pause as the live log does (real serve)', () => {
  it('says "Waits: paused" for an order that waits only for paused destinations, or for the pause of everything', async () => {
    const serve = await startServe(tempDir());
    try {
      const pos = await serve.posUrl();
      const closed = { url: 'http://127.0.0.1:9/hook', events: ['*'], retry: { initialDelayMs: 3_600_000 } };
      await serve.api('createDestination', { body: { name: 'Kế toán', paused: true, ...closed } });
      const held = (await post(pos, teamcropOrderRaw, { 'Tc-Webhook-Event': 'order.add' })).json.id as string;
      await serve.api('createDestination', { body: { name: 'Kho', ...closed } });
      const going = (await post(pos, '{"id": 2}', { 'Tc-Webhook-Event': 'order.add' })).json.id as string;

      let line = await sheetLines(serve);
      expect(line(held)).toContain(WAITS_PAUSED);
      // It also waits for “Kho”, which is not paused: on its way, as the live log says.
      expect(line(going)).not.toBe('');
      expect(line(going)).not.toContain(WAITS_PAUSED);

      await serve.api('putSettings', { body: { deliveriesPaused: true } });
      line = await sheetLines(serve);
      expect(line(going)).toContain(WAITS_PAUSED);
    } finally {
      await serve.stop();
    }
  });
});
