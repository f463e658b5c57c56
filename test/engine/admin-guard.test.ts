import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawAnswer, rawRequest } from '../helpers/raw-http.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Every spelling of an admin path we know of that a server could read as the real one. */
function spellings(port: number, path: string): string[] {
  const [, rest = ''] = path.split('/api/');
  return [
    path,
    `/%61pi/${rest}`,
    `/%61%70%69/${rest}`,
    `http://x/api/${rest}`,
    `http://127.0.0.1:${port}/api/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/api/../api/${rest}`,
    `/api/./${rest}`,
    `/x/../api/${rest}`,
    `/API/${rest}`,
    `/Api/${rest}`,
    `/api/${rest.replace(/^([^?]+)/, '$1;x=1')}`,
    `/api/${rest.replace(/^([^?]+)/, '$1/')}`,
  ];
}

const ADMIN_PATHS = [
  '/api/settings',
  '/api/sources',
  '/api/destinations',
  '/api/events',
  '/api/stats',
  '/api/stream',
  '/api/export?format=ndjson',
  '/api/export?format=csv',
];

describe('the admin token cannot be walked around (real serve process, raw sockets)', () => {
  let serve: ServeProcess;
  let port: number;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    port = Number(new URL(serve.runtime.adminUrl).port);
  });
  afterAll(() => serve.stop());

  it('answers 401 to every spelling of every admin path, for GET and HEAD, without the token', async () => {
    const leaks: string[] = [];
    for (const path of ADMIN_PATHS) {
      for (const target of spellings(port, path)) {
        for (const method of ['GET', 'HEAD']) {
          const answer = await rawRequest(port, method, target);
          if (answer.status !== 401) leaks.push(`${method} ${target} → ${answer.status} ${answer.body.slice(0, 80)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses writes under any spelling, and the settings stay as they were', async () => {
    const before = await serve.api('getSettings');
    const leaks: string[] = [];
    const body = JSON.stringify({ intake: { host: '0.0.0.0' }, retentionDays: 1 });
    for (const target of spellings(port, '/api/settings')) {
      for (const method of ['PUT', 'PATCH', 'POST']) {
        const answer = await rawRequest(port, method, target, { 'content-type': 'application/json' }, body);
        if (answer.status !== 401) leaks.push(`${method} ${target} → ${answer.status} ${answer.body.slice(0, 80)}`);
      }
    }
    for (const target of spellings(port, '/api/sources')) {
      const answer = await rawRequest(port, 'POST', target, { 'content-type': 'application/json' }, '{"name":"x"}');
      if (answer.status !== 401) leaks.push(`POST ${target} → ${answer.status}`);
    }
    expect(leaks).toEqual([]);
    expect(await serve.api('getSettings')).toEqual(before);
    expect((await serve.api('listSources')).map((source) => source.name)).toEqual(['POS']);
  });

  it('answers a path under /api that names no call with 401 too, so probing learns nothing', async () => {
    for (const target of ['/api/nothing-here', '/api/', '/api', '/api/settings/x/y', '/api/../api/nothing']) {
      const answer = await rawRequest(port, 'GET', target);
      expect([target, answer.status]).toEqual([target, 401]);
    }
    // An encoded slash is another path (no such file), never an admin call.
    const encodedSlash = await rawRequest(port, 'GET', '/api%2fsettings');
    expect([encodedSlash.status, encodedSlash.body]).toEqual([404, expect.not.stringContaining('intake')]);
  });

  it('answers OPTIONS as a CORS preflight only, with no data, whatever the spelling', async () => {
    for (const target of spellings(port, '/api/settings')) {
      const answer = await rawRequest(port, 'OPTIONS', target);
      expect([target, answer.status, answer.body]).toEqual([target, 400, 'Invalid Preflight Request']);
    }
  });

  it('with the token, the odd spellings that name a call reach it, and a wrong token is refused', async () => {
    const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
    expect((await rawRequest(port, 'GET', '/%61pi/settings', bearer)).status).toBe(200);
    expect((await rawRequest(port, 'GET', `http://x/api/settings`, bearer)).status).toBe(200);
    expect((await rawRequest(port, 'GET', '/api/nothing-here', bearer)).status).toBe(404);
    // One character off: the last one changed, to a letter it is not (a token ending in x made this the right one).
    const token = serve.runtime.adminToken;
    const wrong = { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}` };
    expect((await rawRequest(port, 'GET', '/%61pi/settings', wrong)).status).toBe(401);
  });

  it('never says the request back: a path or address that finds nothing gets a fixed sentence with its code', async () => {
    const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
    const intakePort = Number(new URL(serve.runtime.ingestUrl).port);
    const echoes: string[] = [];
    const answers = new Map<string, RawAnswer>();
    const ask = async (target: string, method: string, headers: Record<string, string>, listener = port) => {
      const answer = await rawRequest(listener, method, target, headers);
      if (/hfmark|script/i.test(answer.body)) echoes.push(`${method} ${target} → ${answer.body}`);
      answers.set(
        `${listener === port ? 'admin' : 'intake'} ${method} ${target}${headers.authorization ? ' signed' : ''}`,
        answer,
      );
    };
    for (const target of [
      '/hfmark%3Cscript%3E',
      '/assets/hfmark<script>.js',
      '/api/hfmark%3Cscript%3E',
      '/x/%E0%A4%Ahfmark<script>',
    ]) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        await ask(target, method, bearer);
        await ask(target, method, {});
      }
    }
    for (const target of [
      '/hfmark%3Cscript%3E',
      '/in/hfmark%3Cscript%3E',
      '/in/%E0%A4%Ahfmark<script>',
      '/healthz/%E0%A4',
    ])
      for (const method of ['GET', 'POST']) await ask(target, method, {}, intakePort);
    expect(echoes).toEqual([]);

    const json = (key: string) => JSON.parse(answers.get(key)!.body) as unknown;
    expect(answers.get('admin GET /hfmark%3Cscript%3E')!.status).toBe(404);
    expect(json('admin GET /hfmark%3Cscript%3E')).toEqual({
      error: expect.stringMatching(/^There is nothing at this address\. Open the dashboard from Hookferry/),
      reason: { code: 'admin.noSuchPage', params: {} },
    });
    const misdirected = await rawRequest(port, 'POST', '/in/abc123', { 'content-type': 'application/json' }, '{}');
    expect(misdirected.status).toBe(404);
    // rawRequest reads bytes as Latin-1; the answer is UTF-8.
    expect(JSON.parse(Buffer.from(misdirected.body, 'latin1').toString('utf8'))).toEqual({
      error: `This is Hookferry’s dashboard port; nothing sent here is received. Webhooks go to the intake address, http://127.0.0.1:${intakePort}: copy each source’s address from Hookferry → Sources.`,
      reason: { code: 'admin.intakeOnDashboardPort', params: { intake: `http://127.0.0.1:${intakePort}` } },
    });
    expect(json('admin POST /api/hfmark%3Cscript%3E signed')).toEqual({
      error: expect.stringMatching(/^Hookferry has no admin call at this address\./),
      reason: { code: 'admin.noSuchCall', params: {} },
    });
    expect(answers.get('admin GET /x/%E0%A4%Ahfmark<script>')!.status).toBe(400);
    expect(json('admin GET /x/%E0%A4%Ahfmark<script>')).toEqual({
      error: expect.stringMatching(/^This address is not written correctly/),
      reason: { code: 'admin.badAddress', params: {} },
    });
    expect(answers.get('intake GET /in/%E0%A4%Ahfmark<script>')!.status).toBe(400);
    expect(json('intake GET /in/%E0%A4%Ahfmark<script>')).toEqual({
      error: expect.stringMatching(/^This address is not written correctly.*Copy the intake URL again/),
    });
  });

  it('leaves the dashboard page and its files open, with security headers on each', async () => {
    const page = await rawRequest(port, 'GET', '/');
    expect(page.status).toBe(200);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await rawRequest(port, 'GET', `/${script}`);
    expect(asset.status).toBe(200);
    for (const answer of [page, asset, await rawRequest(port, 'GET', '/index.html')]) {
      const headers = answer.headers.toLowerCase();
      expect(headers).toMatch(/\r\ncontent-security-policy: [^\r]*frame-ancestors 'none'/);
      expect(headers).toMatch(/\r\ncontent-security-policy: [^\r]*default-src 'self'/);
      expect(headers).toMatch(/\r\ncontent-security-policy: [^\r]*script-src 'self'[;\r]/);
      expect(headers).toContain('\r\nx-content-type-options: nosniff');
      expect(headers).toContain('\r\nreferrer-policy: no-referrer');
    }
  });
});

describe('the Vite dev origin', () => {
  const VITE = 'http://localhost:5173';

  it('is refused without --dev, even with the token', async () => {
    const serve = await startServe(tempDir());
    const port = Number(new URL(serve.runtime.adminUrl).port);
    const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
    expect((await rawRequest(port, 'GET', '/api/settings', { ...bearer, origin: VITE })).status).toBe(403);
    await serve.stop();
  });

  it('is trusted with --dev, still only with the token', async () => {
    const serve = await startServe(tempDir(), ['--dev']);
    const port = Number(new URL(serve.runtime.adminUrl).port);
    const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
    expect((await rawRequest(port, 'GET', '/api/settings', { ...bearer, origin: VITE })).status).toBe(200);
    expect((await rawRequest(port, 'GET', '/api/settings', { origin: VITE })).status).toBe(401);
    expect(
      (await rawRequest(port, 'GET', '/api/settings', { ...bearer, origin: 'http://localhost:5174' })).status,
    ).toBe(403);
    await serve.stop();
  });
});
