import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { SERVE_ENTRY, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The preview of an imported configuration (and the import) compiles its expressions in the JSONata process: the
 * engine's thread takes orders meanwhile (real serve). Before, its plan compiled every one on the engine's thread
 * first: 50 paths of 15,000 characters held an order 35 s.
 */

const INTAKE_PORT = 19371;
const ADMIN_PORT = 19372;
/** Nothing listens there: no event reaches these destinations (the file is refused). */
const NOWHERE = 'http://127.0.0.1:19373/hook';

/** A path of steps JSONata is slow to compile (0.3–0.7 s at 15,000 characters); `n` makes each one different. */
function slowToCompile(n: number): string {
  let expression = `a${n}`;
  while (expression.length < 15_000) expression += '.b[0].e';
  return expression;
}

/** POSTs to the admin API; `sent` is called once the whole request is handed to the socket. */
function adminPost(url: string, token: string, body: string, sent: () => void) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body, sent);
  });
}

describe('an imported configuration’s expressions are compiled in the JSONata process (real serve)', () => {
  it('answers orders posted while the preview of a file of long expressions is worked on, before the preview answers; the mistake in the last one is still said with where it is', async () => {
    const serve = await startServe(
      tempDir('hookferry-importcheck'),
      ['--port', String(INTAKE_PORT), '--admin-port', String(ADMIN_PORT)],
      SERVE_ENTRY,
      {},
      'settings',
      'settings',
    );
    const pos = await serve.posUrl();
    const broken = `${slowToCompile(5)} +`;
    const destinations = [...Array.from({ length: 5 }, (_, n) => slowToCompile(n)), broken].map((transform, n) => ({
      name: `Imported ${n}`,
      url: NOWHERE,
      events: ['nothing.matches'],
      settings: { transform },
    }));
    const text = JSON.stringify({ hookferry: 1, destinations });

    let previewAnswered = false;
    let ordersBeforeIt = 0;
    let ordersAfterIt = 0;
    let posted = 0;
    let handed!: () => void;
    const requestHanded = new Promise<void>((resolve) => (handed = resolve));
    const preview = adminPost(
      `${serve.runtime.adminUrl}/api/config/import?dryRun=1`,
      serve.runtime.adminToken,
      JSON.stringify({ text }),
      () => handed(),
    ).then((answer) => {
      previewAnswered = true;
      return answer;
    });
    await requestHanded;
    // One order after another, each posted once the one before was answered, until the preview answers.
    while (!previewAnswered) {
      const { status } = await post(pos, order(`PREVIEW-${posted++}`), orderAdd);
      expect(status).toBe(200);
      if (previewAnswered) ordersAfterIt++;
      else ordersBeforeIt++;
    }
    const answer = await preview;
    console.log(`${ordersBeforeIt} orders answered while the preview was worked on, ${ordersAfterIt} after it`);

    // Compiled on the engine's thread, the preview held every order until it answered: none came back before it.
    expect(ordersBeforeIt).toBeGreaterThanOrEqual(3);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({
      fields: expect.arrayContaining([
        expect.objectContaining({
          path: 'destinations.5.settings.transform',
          message: expect.stringMatching(/^The transformation has a mistake \(at character 1500\d\): /),
        }),
      ]),
    });
    expect(await serve.stop()).toBe(0);
  }, 120_000);
});
