import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A refused destination names every field the engine finds wrong in one answer, not one per Save. */
describe('every refusal of a destination in one answer (real serve)', () => {
  it('names a Zithara destination’s empty client id, missing secret and address without its hidden value together', async () => {
    const serve = await startServe(tempDir());
    try {
      const refusal = serve.api('createDestination', {
        body: {
          name: 'Zithara',
          kind: 'zithara',
          url: 'https://crm.example.com/v1?key=[redacted]',
          events: ['order.add'],
          settings: { clientId: '' },
        },
      });
      await expect(refusal).rejects.toMatchObject({
        fields: expect.arrayContaining([
          expect.objectContaining({ path: 'settings.clientId' }),
          expect.objectContaining({ path: 'settings.clientSecret' }),
          expect.objectContaining({ path: 'url' }),
        ]) as unknown,
      });
      // A webhook's headers: each value left out is named, with the kind's other refusals.
      const headers = serve.api('createDestination', {
        body: {
          name: 'Sheet',
          url: 'http://127.0.0.1:9/hook',
          events: ['*'],
          settings: {
            headers: [
              { name: 'X-One', secret: true },
              { name: 'X-Two', secret: true },
            ],
          },
        },
      });
      await expect(headers).rejects.toMatchObject({
        fields: [{ path: 'settings.headers.0.value' }, { path: 'settings.headers.1.value' }],
      });
      expect(await serve.api('listDestinations')).toEqual([]);
    } finally {
      await serve.stop();
    }
  });
});
