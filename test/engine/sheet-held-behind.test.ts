import { describe, expect, it } from 'vitest';
import { order, orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** The spreadsheet's line of each event, by its id, in `lang`. */
async function sheetLines(serve: ServeProcess, lang: 'en' | 'vi'): Promise<(id: string) => string> {
  const answer = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&lang=${lang}&tz=Asia/Ho_Chi_Minh`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
  });
  const lines = (await answer.text()).split('\n');
  return (id) => lines.find((line) => line.includes(id)) ?? '';
}

/**
 * An order held in an ordered line behind one that failed for good is not being sent: the live log badges it
 * Waiting (Đang chờ), and the spreadsheet called it On its way (Đang gửi).
 */
describe('the spreadsheet names an order held behind a failed one as the live log does (real serve)', () => {
  it('says Waiting / Đang chờ, not On its way', async () => {
    const serve = await startServe(tempDir());
    const books = await startSink();
    try {
      books.script(() => ({ status: 422 }));
      await serve.api('createDestination', {
        body: {
          name: 'Accounting',
          url: books.url,
          events: ['order.add'],
          ordered: true,
          retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
        },
      });
      const pos = await serve.posUrl();
      const head = String((await post(pos, teamcropOrderRaw, orderAdd)).json.id);
      await waitUntil(
        async () => (await serve.api('getEvent', { params: { id: head } })).status === 'failed',
        'the head failing',
      );
      const held = String((await post(pos, order('HELD-1'), orderAdd)).json.id);
      await waitUntil(
        async () => (await serve.api('getEvent', { params: { id: held } })).heldBehind,
        'the order held behind the failed one',
      );

      const en = await sheetLines(serve, 'en');
      expect(en(held)).toContain(',Waiting,');
      expect(en(held)).not.toContain('On its way');
      const vi = await sheetLines(serve, 'vi');
      expect(vi(held)).toContain(',Đang chờ,');
      expect(vi(held)).not.toContain('Đang gửi');
      expect(vi(head)).toContain(',Lỗi,');
    } finally {
      await serve.stop();
    }
  }, 60_000);
});
