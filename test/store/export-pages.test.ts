import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { EventReader } from '../../main/store/events-read.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('export pages', () => {
  it('hold at most the bytes asked for, and a row larger than that alone, so a page of large bodies is never read whole', () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const insert = db.prepare(
      "INSERT INTO events (id, type, status, received_at, http_status, headers, body, body_size, summary) VALUES (?, 'x', 'received', ?, 200, '{}', ?, ?, 'x')",
    );
    const sizes = [100, 100, 900, 100, 2000, 100, 100];
    db.transaction(() => sizes.forEach((size, n) => insert.run(`evt_${n}`, 1000 + n, Buffer.alloc(size), size)))();
    const events = new EventReader(db);
    const pages: string[][] = [];
    for (let after = 0; ;) {
      const page = events.exportPage(0, Number.MAX_SAFE_INTEGER, after, 3, 1000, false);
      if (page.length === 0) break;
      pages.push(page.map((row) => row.id));
      after = page.at(-1)!.seq;
    }
    expect(pages).toEqual([['evt_0', 'evt_1'], ['evt_2', 'evt_3'], ['evt_4'], ['evt_5', 'evt_6']]);
    db.close();
  });
});
