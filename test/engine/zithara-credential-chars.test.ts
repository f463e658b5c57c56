import { describe, expect, it } from 'vitest';
import { contractMessageInVietnamese, say } from '../../main/i18n/contract-messages.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A Zithara client id and secret are sent as HTTP headers: one that no header can carry (a line break, a NUL, a
 * Vietnamese accent, €) was saved, then every try failed as "could not reach Zithara", retried for hours. A paste's
 * stray spaces and trailing newline are trimmed; anything else that cannot be sent is refused under its field.
 */
describe('a Zithara client id and secret that no HTTP header can carry (real serve, fake Zithara)', () => {
  it('trims a pasted newline, and refuses line breaks, NUL, tabs, letters outside Latin-1 and a blank secret', async () => {
    const zithara = await startFakeZithara();
    const serve = await startServe(tempDir());
    try {
      const create = (clientId: string, clientSecret: string) =>
        serve.api('createDestination', {
          body: {
            name: `Zithara ${Math.random()}`,
            kind: 'zithara',
            url: zithara.baseUrl,
            events: ['order.add'],
            settings: { clientId, clientSecret, phoneCountryCode: '84', currency: 'VND' },
          },
        });
      const pasted = await create(` ${zithara.clientId}\n`, `${zithara.clientSecret}\r\n`);
      expect(await serve.api('testDestination', { params: { id: pasted.id } })).toMatchObject({ ok: true });

      for (const secret of ['mậtkhẩu-zithara-2026', '€uro', 'one\r\ntwo', 'nul\0byte', 'tab\there']) {
        const refusal = create(zithara.clientId, secret);
        await expect(refusal).rejects.toMatchObject({
          fields: [{ path: 'settings.clientSecret', message: expect.stringMatching(/^The client secret cannot hold/) }],
        });
      }
      await expect(create('khách-hàng-số-1', zithara.clientSecret)).rejects.toMatchObject({
        fields: [{ path: 'settings.clientId', message: expect.stringMatching(/^The client id cannot hold/) }],
      });
      await expect(create(zithara.clientId, '   ')).rejects.toMatchObject({
        fields: [
          { path: 'settings.clientSecret', message: expect.stringMatching(/^The client secret is only spaces/) },
        ],
      });
      // On an edit, spaces alone are not "keep the saved secret" but a mistake.
      await expect(
        serve.api('updateDestination', {
          params: { id: pasted.id },
          body: { settings: { clientId: zithara.clientId, clientSecret: '  ' } },
        }),
      ).rejects.toMatchObject({ fields: [{ path: 'settings.clientSecret' }] });
      expect((await serve.api('listDestinations')).map((destination) => destination.id)).toEqual([pasted.id]);
    } finally {
      await serve.stop();
    }
  });

  it('says each refusal in Vietnamese too', () => {
    for (const english of [say.zitharaClientIdUnsafe, say.zitharaClientSecretUnsafe, say.zitharaClientSecretBlank])
      expect(contractMessageInVietnamese(english)).toMatch(/^(Mã|Khóa) “Client (ID|Secret)”/);
  });
});
