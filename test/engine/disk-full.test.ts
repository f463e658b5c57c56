import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../../main/api/contract.js';
import { LiveLog } from '../../main/live/live-log.js';
import { type IntakeListener, startIntake } from '../../main/intake/listener.js';
import { createSecretBox } from '../../main/secrets/secret-box.js';
import { openDatabase } from '../../main/store/database.js';
import { EventReader } from '../../main/store/events-read.js';
import { EventWriter } from '../../main/store/events-write.js';
import { SourceStore } from '../../main/store/sources.js';
import { post } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

let listener: IntakeListener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
});

describe('when the event cannot be stored', () => {
  it('answers 503 so the sender retries, and 200 again once there is room', async () => {
    // The database is capped with max_page_count: SQLite then fails commits with SQLITE_FULL, exactly as on a full disk.
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const sources = new SourceStore(db, createSecretBox(randomBytes(32)), () => undefined);
    const source = sources.create({ name: 'POS', kind: 'generic', verification: { type: 'none' } });
    const live = new LiveLog();
    const notices: string[] = [];
    live.subscribe((message) => message.type === 'notice' && notices.push(message.message));
    const settings = Settings.parse({});
    const events = new EventReader(db);
    listener = await startIntake(
      {
        sources,
        writer: new EventWriter(db),
        live,
        log: pino({ level: 'silent' }),
        settings: () => settings.intake,
        ownEvent: (id) => events.has(id),
      },
      '127.0.0.1',
      0,
    );
    const url = `${listener.url}/in/${sources.get(source.id)!.token}`;
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 8}`);

    const statuses: number[] = [];
    for (let n = 0; n < 40 && !statuses.includes(503); n++) {
      statuses.push(
        (await post(url, JSON.stringify({ n, pad: 'x'.repeat(8000) }), { 'content-type': 'application/json' })).status,
      );
    }
    expect(statuses.at(-1)).toBe(503);
    const refused = await post(url, JSON.stringify({ pad: 'y'.repeat(8000) }), { 'content-type': 'application/json' });
    expect(refused).toEqual({
      status: 503,
      json: {
        error:
          'Hookferry could not save this event right now (disk full or database error). Please send it again later.',
      },
    });
    expect(notices.at(-1)).toMatch(/could not be saved/);

    db.pragma('max_page_count = 1073741823');
    expect(
      (await post(url, JSON.stringify({ pad: 'y'.repeat(8000) }), { 'content-type': 'application/json' })).status,
    ).toBe(200);
  });
});
