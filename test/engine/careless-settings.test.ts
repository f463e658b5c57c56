import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Settings a careless admin could save that would turn good orders away later (real serve). */

describe('settings that would refuse orders later', () => {
  it('refuses 0 as the intake or dashboard port, in Settings and in an imported file: either would move at every start', async () => {
    const serve = await startServe(tempDir());
    const before = await serve.api('getSettings');
    const posUrl = await serve.posUrl();
    const sentence = /intake\.port: Choose a port other than 0, such as 8780: port 0 changes at every start/;
    await expect(serve.api('putSettings', { body: { intake: { port: 0 } } })).rejects.toThrow(sentence);
    const file = { hookferry: 1, settings: { intake: { port: 0 } } };
    await expect(
      serve.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(file) } }),
    ).rejects.toThrow(sentence);
    // The dashboard's port too (before, saved: the dashboard came up on another port at every start).
    const adminSentence = /adminPort: Choose a port other than 0, such as 8781: port 0 changes at every start/;
    await expect(serve.api('putSettings', { body: { adminPort: 0 } })).rejects.toThrow(adminSentence);
    await expect(
      serve.api('importConfig', {
        query: { dryRun: '0' },
        body: { text: JSON.stringify({ hookferry: 1, settings: { adminPort: 0 } }) },
      }),
    ).rejects.toThrow(adminSentence);
    expect(await serve.api('getSettings')).toEqual(before);
    expect(await serve.posUrl()).toBe(posUrl);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
