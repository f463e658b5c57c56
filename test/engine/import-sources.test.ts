import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A configuration file whose destination names a source found neither in the file nor here (edited by hand, or
 * written by another program), imported into a real `serve` child on 127.0.0.1.
 */
describe('importing a destination limited to a source that is nowhere (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir());
  });
  afterAll(() => serve.stop());

  it('refuses the file, on the preview and on Import, instead of letting the destination take every source', async () => {
    const shopB = await serve.api('createSource', { body: { name: 'Shop B', kind: 'generic' } });
    await serve.api('createDestination', {
      body: { name: 'Shop B CRM', url: 'http://127.0.0.1:9/crm', events: ['*'], sourceIds: [shopB.id] },
    });
    const file = await serve.api('exportConfig');
    // The same destination again under another name, now set to a source this Hookferry and the file lack.
    const copy = { ...file.destinations[0]!, name: 'Shop C CRM', sourceNames: ['Shop C'] };
    const text = JSON.stringify({ ...file, destinations: [...file.destinations, copy] });

    const sentence =
      'Destination “Shop C CRM” is set to take events from a source named “Shop C”, which is neither here nor in this file: imported without it, it could take events from sources it was never meant for. Add that source to the file, or take its name out of the destination, then import again.';
    for (const dryRun of ['1', '0'] as const) {
      const refused = await serve.api('importConfig', { query: { dryRun }, body: { text } }).then(
        () => null,
        (error: ApiCallError) => [error.status, error.message],
      );
      // Before: "New: it will be added", and imported it took POS's and Shop B's orders (an empty list is every source).
      expect([dryRun, refused]).toEqual([dryRun, [400, sentence]]);
    }
    expect((await serve.api('listDestinations')).map((destination) => destination.name)).toEqual(['Shop B CRM']);

    // Named in the file's sources, it is added with the rest.
    const withSource = {
      ...file,
      sources: [...file.sources, { name: 'Shop C', kind: 'generic', verification: { type: 'none' } }],
      destinations: [...file.destinations, copy],
    };
    const applied = await serve.api('importConfig', {
      query: { dryRun: '0' },
      body: { text: JSON.stringify(withSource) },
    });
    expect(applied.applied).toBe(true);
    const shopC = (await serve.api('listSources')).find((source) => source.name === 'Shop C')!;
    const added = (await serve.api('listDestinations')).find((destination) => destination.name === 'Shop C CRM')!;
    expect(added.sourceIds).toEqual([shopC.id]);
  });

  it('keeps the only source of a destination until the destination is given others, so an export cannot widen it', async () => {
    const shopD = await serve.api('createSource', { body: { name: 'Shop D', kind: 'generic' } });
    const shopE = await serve.api('createSource', { body: { name: 'Shop E', kind: 'generic' } });
    const both = await serve.api('createDestination', {
      body: { name: 'D and E', url: 'http://127.0.0.1:9/de', events: ['*'], sourceIds: [shopD.id, shopE.id] },
    });
    const onlyE = await serve.api('createDestination', {
      body: { name: 'E only', url: 'http://127.0.0.1:9/e', events: ['*'], sourceIds: [shopE.id] },
    });
    // One of two: the other still feeds it.
    await serve.api('deleteSource', { params: { id: shopD.id } });

    const refused = await serve.api('deleteSource', { params: { id: shopE.id } }).then(
      () => null,
      (error: ApiCallError) => [error.status, error.message],
    );
    // Before: deleted; "D and E" and "E only" then took nothing, and exported with no source each, took every one.
    expect(refused).toEqual([
      409,
      'Destination “D and E” takes events only from this source: deleted, it would leave that destination taking events from no source. Choose other sources for it in Destinations (or delete it) first, then delete this source.',
    ]);
    expect((await serve.api('listSources')).map((source) => source.name)).toContain('Shop E');
    const exported = await serve.api('exportConfig');
    expect(exported.destinations.find((destination) => destination.name === 'E only')!.sourceNames).toEqual(['Shop E']);

    await serve.api('deleteDestination', { params: { id: both.id } });
    await serve.api('updateDestination', { params: { id: onlyE.id }, body: { sourceIds: [] } });
    expect(await serve.api('deleteSource', { params: { id: shopE.id } })).toEqual({ deleted: true });
  });

  it('refuses a destination saved with a source that is no longer here, which would take events from none', async () => {
    const gone = await serve.api('createSource', { body: { name: 'Shop F', kind: 'generic' } });
    await serve.api('deleteSource', { params: { id: gone.id } });
    const sentence = `One of the chosen sources is no longer here (${gone.id}); it may have been deleted. Choose the destination’s sources again, then save.`;
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: ApiCallError) => [error.status, error.message],
      );
    // Before: saved, the destination then taking events from no source, with nothing on its form to say so.
    expect(
      await refusal(
        serve.api('createDestination', {
          body: { name: 'F only', url: 'http://127.0.0.1:9/f', events: ['*'], sourceIds: [gone.id] },
        }),
      ),
    ).toEqual([400, sentence]);
    const open = await serve.api('createDestination', {
      body: { name: 'Any', url: 'http://127.0.0.1:9/any', events: ['*'] },
    });
    expect(
      await refusal(serve.api('updateDestination', { params: { id: open.id }, body: { sourceIds: [gone.id] } })),
    ).toEqual([400, sentence]);
    expect((await serve.api('listDestinations')).find((destination) => destination.id === open.id)!.sourceIds).toEqual(
      [],
    );
  });
});
