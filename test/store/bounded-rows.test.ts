import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS } from '../../main/lib/bounded-text.js';
import { openDatabase } from '../../main/store/database.js';
import { migrations } from '../../main/store/migrations.js';
import { registerSqlFunctions } from '../../main/store/sql-functions.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('texts stored too long before they were bounded', () => {
  it('are bounded once when the data folder is opened, so pages and the Failed selection read them small', () => {
    const file = join(tempDir(), 'hookferry.db');
    const long = `Invalid '["r","${'a'.repeat(100_000)}"]' found.`;
    // A data folder as the version before the bounding left it: every step up to it, none after.
    const bounding = migrations.findIndex(
      ({ name }) => name === 'texts from senders, destinations and expressions bounded',
    );
    const before = new Database(file);
    registerSqlFunctions(before);
    for (const [step, migration] of migrations.slice(0, bounding).entries()) {
      before.exec(migration.sql);
      before.pragma(`user_version = ${step + 1}`);
    }
    before
      .prepare(
        `INSERT INTO events (id, type, status, received_at, http_status, reason, rejection, headers, body_size, summary)
         VALUES ('evt_long', 'unknown', 'rejected', 1, 400, ?, ?, '{}', 0, ?)`,
      )
      .run(
        long,
        JSON.stringify({ code: 'intake.invalidXml', params: { line: 1, problem: long } }),
        `unknown · ${long}`,
      );
    before.close();

    const after = openDatabase(file);
    const row = after.prepare("SELECT reason, rejection, summary FROM events WHERE id = 'evt_long'").get() as {
      reason: string;
      rejection: string;
      summary: string;
    };
    after.close();
    expect(row.reason.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(row.reason).toMatch(/^Invalid '\["r","a+… \[\d+ more characters cut\]$/);
    expect(row.summary.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    const rejection = JSON.parse(row.rejection) as { code: string; params: { line: number; problem: string } };
    expect(rejection.code).toBe('intake.invalidXml');
    expect(rejection.params.line).toBe(1);
    expect(rejection.params.problem.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
  });
});
