import { describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A body in the character encoding it declares is stored as what it says (parsed body, search), read the same by
 * intake and by the body process (large bodies); its raw bytes stay as they came. Read as UTF-8 whatever it said,
 * é was stored as �, and UTF-16 JSON was refused at line 1, column 1.
 */
describe('bodies in the character encoding they declare (real serve)', () => {
  it('reads ISO-8859-1 and UTF-16 bodies, small and large, and refuses a charset it does not know', async () => {
    const serve = await startServe(tempDir());
    try {
      const pos = await serve.posUrl();
      const typed = { 'X-Event-Type': 'order.add' };
      const event = async (answer: { status: number; json: Record<string, unknown> }) => {
        expect(answer.status).toBe(200);
        return serve.api('getEvent', { params: { id: String(answer.json.id) } });
      };

      const latin1 = Buffer.from(
        '{"customer_name":"Jos\u00e9 M\u00fcller","order_number":"LAT-1","note":"cr\u00e8me br\u00fbl\u00e9e"}',
        'latin1',
      );
      const json = await event(
        await post(pos, latin1, { ...typed, 'content-type': 'application/json; charset=ISO-8859-1' }),
      );
      expect(json.parsed).toEqual({ customer_name: 'José Müller', order_number: 'LAT-1', note: 'crème brûlée' });
      expect(json.bodyEncoding).toBe('base64');
      expect(Buffer.from(json.body!, 'base64').equals(latin1)).toBe(true);
      const found = await serve.api('listEvents', { query: { q: 'Müller' } });
      expect(found.items.map((item) => item.id)).toEqual([json.id]);
      // The spreadsheet's body column is read the same way.
      const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
      const csv = await (
        await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&bodies=1`, { headers: bearer })
      ).text();
      expect(csv).toContain('crème brûlée');

      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('{"customer_name":"Nguyễn Thúy Linh"}', 'utf16le'),
      ]);
      const wide = await event(await post(pos, utf16, { ...typed, 'content-type': 'application/json' }));
      expect(wide.parsed).toEqual({ customer_name: 'Nguyễn Thúy Linh' });

      const note = 'x'.repeat(20_000);
      const large = Buffer.from(
        `<?xml version="1.0" encoding="ISO-8859-1"?><order><name>Caf\u00e9</name><note>${note}</note></order>`,
        'latin1',
      );
      const xml = await event(await post(pos, large, { ...typed, 'content-type': 'application/xml' }));
      expect(xml.parsed).toEqual({ '?xml': expect.anything() as unknown, order: { name: 'Café', note } });

      const unknown = await post(pos, latin1, { ...typed, 'content-type': 'application/json; charset=klingon-8' });
      expect([unknown.status, unknown.json.error]).toEqual([
        415,
        'The body says it is written in the character set “klingon-8”, which Hookferry does not know, so it cannot read it. Have the sender write it in UTF-8 (or name a common character set such as ISO-8859-1, windows-1252 or UTF-16 in its Content-Type or XML declaration).',
      ]);
    } finally {
      await serve.stop();
    }
  });
});
