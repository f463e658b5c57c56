import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inEnglish } from '../../main/i18n/english.js';
import { intakeReasons } from '../../main/i18n/reasons/intake.js';
import { order, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A Content-Type header Fastify cannot read is refused before any parser: with a sentence saying so and what to send
 * (and a reason the dashboard says in Vietnamese too), not Fastify's "Unsupported Media Type".
 */

let serve: ServeProcess;
let pos: string;
beforeAll(async () => {
  serve = await startServe(tempDir());
  pos = await serve.posUrl();
});
afterAll(async () => {
  await serve.stop();
});

/** What Fastify's content-type reader refuses: no type/subtype, an empty or blank header, a list of types. */
const UNREADABLE = [';;;===', ';', '', ' ', 'json', 'application/', '/json', 'application/json, text/plain'];

describe('a Content-Type header that cannot be read (real serve)', () => {
  it('is refused 415 with a sentence saying what to send, and listed with its reason', async () => {
    for (const contentType of UNREADABLE) {
      const answer = await post(pos, order(`HD-CT-${contentType}`), {
        'content-type': contentType,
        'tc-webhook-event': 'order.add',
      });
      // Before: {"error":"The request could not be read: Unsupported Media Type"}.
      expect(answer, JSON.stringify(contentType)).toEqual({
        status: 415,
        json: { error: inEnglish(intakeReasons, 'intake.contentTypeUnreadable', { contentType: contentType.trim() }) },
      });
      expect(answer.json.error).toMatch(
        /Content-Type header, “.*”, is not a type Hookferry can read .* application\/json/,
      );
    }
    const listed = await waitUntil(async () => {
      const { items } = await serve.api('listEvents', { query: { status: 'rejected', limit: 100 } });
      return items.length === UNREADABLE.length ? items : null;
    }, 'every refusal listed');
    for (const item of listed) {
      expect(item).toMatchObject({ httpStatus: 415, rejection: { code: 'intake.contentTypeUnreadable' } });
      expect(item.reason).toBe(inEnglish(intakeReasons, 'intake.contentTypeUnreadable', item.rejection!.params));
    }
    expect(intakeReasons.vi['intake.contentTypeUnreadable']).toContain('application/json');
  });

  it('takes a Content-Type it can read though oddly written (a charset left empty, a stray semicolon)', async () => {
    for (const contentType of [
      'application/json; charset=',
      'application/json;',
      'application/json;;',
      'application/json; =x',
    ]) {
      const answer = await post(pos, order(`HD-OK-${contentType}`), {
        'content-type': contentType,
        'tc-webhook-event': 'order.add',
      });
      expect(answer.status, contentType).toBe(200);
      const event = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
      expect(event).toMatchObject({ status: expect.not.stringMatching(/^rejected$/), type: 'order.add' });
      expect(event.parsed).toMatchObject({ invoice_id: `HD-OK-${contentType}` });
    }
  });
});
