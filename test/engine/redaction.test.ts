import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../helpers/files.js';
import { post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('secrets never leak', () => {
  it('keeps verification secrets and credential headers out of every data file, the log and the API', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    const signingSecret = 'SIGNING-SECRET-4f9a2c';
    const headerValue = 'HEADER-VALUE-8d3e1b';
    const bearerToken = 'BEARER-TOKEN-77aa10';
    const cookie = 'SESSION-COOKIE-5b5b5b';
    await serve.api('createSource', {
      body: { name: 'Signed', kind: 'shopify', verification: { type: 'hmac', secret: signingSecret } },
    });
    const keyed = await serve.api('createSource', {
      body: {
        name: 'Keyed',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: headerValue },
      },
    });
    const ok = await post(keyed.ingestUrl, '{"id":1}', {
      'content-type': 'application/json',
      'X-Shop-Key': headerValue,
      Authorization: `Bearer ${bearerToken}`,
      Cookie: cookie,
    });
    expect(ok.status).toBe(200);
    const refused = await post(keyed.ingestUrl, '{"id":2}', {
      'content-type': 'application/json',
      'X-Shop-Key': `${headerValue}-wrong`,
    });
    expect(refused.status).toBe(401);

    const apiText = [
      await fetch(`${serve.runtime.adminUrl}/api/sources`, {
        headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      }).then((r) => r.text()),
      await fetch(`${serve.runtime.adminUrl}/api/export?format=ndjson`, {
        headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      }).then((r) => r.text()),
    ].join('\n');
    await serve.stop();

    const files = filesUnder(dataDir);
    expect(files.some((file) => file.endsWith('hookferry.db'))).toBe(true);
    expect(files.some((file) => file.includes(`${join(dataDir, 'logs')}`))).toBe(true);
    for (const secret of [signingSecret, headerValue, bearerToken, cookie]) {
      expect(apiText).not.toContain(secret);
      for (const file of files) {
        expect(readFileSync(file).includes(Buffer.from(secret)), `${secret} found in ${file}`).toBe(false);
      }
    }
  });
});
