import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('source and destination names (real serve)', () => {
  it('refuses a second source or destination of the same name, so the configuration can still be exported', async () => {
    const serve = await startServe(tempDir());
    try {
      const pos = await serve.api('createSource', { body: { name: 'Quầy POS', kind: 'teamcrop' } });
      const shop = await serve.api('createSource', { body: { name: 'Web shop', kind: 'generic' } });
      const again = serve.api('createSource', { body: { name: ' quầy pos ', kind: 'generic' } });
      await expect(again).rejects.toMatchObject({
        status: 400,
        fields: [{ path: 'name', params: { reason: 'name_taken_source' } }],
      });
      await expect(again).rejects.toThrow('Another source is already called “Quầy POS”. Choose another name');
      const renamed = serve.api('updateSource', { params: { id: shop.id }, body: { name: 'QUẦY POS' } });
      await expect(renamed).rejects.toMatchObject({ status: 400, fields: [{ path: 'name' }] });
      // Its own name in other letters is the same source.
      await serve.api('updateSource', { params: { id: pos.id }, body: { name: 'Quầy Pos' } });

      const destination = { url: 'http://127.0.0.1:9/hook', events: ['*'] };
      const sheet = await serve.api('createDestination', { body: { name: 'Sổ bán hàng', ...destination } });
      const crm = await serve.api('createDestination', { body: { name: 'CRM', ...destination } });
      await expect(
        serve.api('createDestination', { body: { name: 'sổ bán hàng', ...destination } }),
      ).rejects.toMatchObject({
        status: 400,
        fields: [{ path: 'name', params: { reason: 'name_taken_destination' } }],
      });
      await expect(
        serve.api('updateDestination', { params: { id: crm.id }, body: { name: 'Sổ bán hàng ' } }),
      ).rejects.toThrow('Another destination is already called “Sổ bán hàng”');
      await serve.api('updateDestination', { params: { id: sheet.id }, body: { name: 'Sổ Bán Hàng' } });

      const file = await serve.api('exportConfig');
      expect(file.sources.map((source) => source.name).sort()).toEqual(['POS', 'Quầy Pos', 'Web shop']);
      expect(file.destinations.map((d) => d.name).sort()).toEqual(['CRM', 'Sổ Bán Hàng']);
    } finally {
      await serve.stop();
    }
  });

  it('refuses a name with a line break, a tab or a mark that turns text around, saying so; keeps emoji', async () => {
    const serve = await startServe(tempDir());
    try {
      // Before, both were saved: the first split in two in the spreadsheet, the second read "Shopordre" in the list.
      for (const name of ['Shop\r\nX-Injected: 1\t\u0000', 'Shop\u202eredro']) {
        await expect(serve.api('createSource', { body: { name, kind: 'generic' } })).rejects.toMatchObject({
          status: 400,
          fields: [{ path: 'name' }],
        });
        const destination = serve.api('createDestination', {
          body: { name, url: 'http://127.0.0.1:9/hook', events: ['*'] },
        });
        await expect(destination).rejects.toThrow(
          'A name cannot hold line breaks, tabs or invisible characters that turn text around',
        );
      }
      const shop = await serve.api('createSource', { body: { name: 'Tiệm bánh 👩‍🍳', kind: 'generic' } });
      expect(shop.name).toBe('Tiệm bánh 👩‍🍳');
    } finally {
      await serve.stop();
    }
  });
});
