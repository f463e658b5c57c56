import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliveryBodies } from '../../main/delivery/body-runner.js';
import { doBodyWork, jsonTextOf } from '../../main/delivery/body-work.js';
import { mapForZithara } from '../../main/delivery/kinds/zithara/mapping.js';
import type { StoredBody } from '../../main/store/body-format.js';
import { openDatabase } from '../../main/store/database.js';
import { teamcropOrder } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const options = { currency: 'VND', phoneCountryCode: '84' };
const stored = (body: string, contentType: string, parsed: string | null = null): StoredBody => ({
  parsed,
  status: 'received',
  body: Buffer.from(body),
  content_type: contentType,
});
/** A body crosses to the body process as a plain Uint8Array, as structured clone hands it over. */
const crossed = (body: StoredBody): StoredBody => ({ ...body, body: new Uint8Array(body.body!) as Buffer });

describe('bodies prepared for a destination', () => {
  it('writes the JSON body mode alike here and in the body process: JSON as it came, a parse as JSON, text as a string', () => {
    const json = '{ "a": 1, "a": 2, "n": 1.50, "big": 12345678901234567890 }';
    const cases: [StoredBody, string][] = [
      [stored(`\uFEFF${json}`, 'application/json'), json],
      [stored(json, 'text/plain', json), json],
      [
        stored('<r><a>1</a></r>', 'application/xml', JSON.stringify({ r: { a: 1, '2': 'x' } })),
        '{"r":{"2":"x","a":1}}',
      ],
      [stored('plain text "quoted"', 'text/plain'), '"plain text \\"quoted\\""'],
    ];
    for (const [body, sent] of cases) {
      expect(jsonTextOf(body)).toBe(sent);
      expect(doBodyWork({ json: crossed(body) })).toEqual({ ok: true, text: sent });
    }
  });

  it('maps for Zithara in the body process as on the engine, finding the stored order in the database itself', () => {
    const database = join(tempDir(), 'hookferry.db');
    const db = openDatabase(database);
    const order = { ...teamcropOrder, id: 'O-1' };
    db.prepare(
      "INSERT INTO events (id, type, status, received_at, http_status, headers, content_type, body, body_size, summary) VALUES ('evt_1', 'order.add', 'received', ?, 200, '{}', 'application/json', ?, 0, 'x')",
    ).run(Date.now(), Buffer.from(JSON.stringify(order)));
    const line = { id: 1, order_id: 'O-1', sku: 'SKU-1', quantity: 2, price: 9 };
    const job = { type: 'order.additem', options, database, scope: { eventId: null, since: 0 } };
    const answer = doBodyWork({
      zithara: { ...job, stored: crossed(stored(JSON.stringify(line), 'application/json')) },
    });
    const expected = mapForZithara('order.additem', line, {
      ...options,
      storedOrder: () => order,
      storedLines: () => [],
      onlyWalkInsBefore: () => false,
    });
    expect('call' in expected).toBe(true);
    expect('call' in answer && JSON.parse(answer.call.body)).toEqual('call' in expected && expected.call.body);
    db.close();
  });

  it('skips an event Zithara has no use for without reading its body', async () => {
    const unread = {
      type: 'stock.update',
      get parsed(): unknown {
        throw new Error('the body was parsed');
      },
      stored: null,
    };
    const mapped = await new DeliveryBodies(null).zithara(unread, options, { eventId: null, since: 0 }, () => []);
    expect(mapped).toMatchObject({ skip: { reason: { code: 'zithara.noUse' } } });
  });
});
