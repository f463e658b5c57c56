import type Database from 'better-sqlite3';
import type { DeliveryStatus } from '../api/contract.js';
import { eventStatusOf } from '../api/event-status.js';
import { bounded } from '../lib/bounded-text.js';
import { reasonColumn, reasonFromColumn } from './stored-reason.js';
import { parsedOf } from './body-format.js';
import { searchTextOf } from './search-text.js';

/**
 * Rules the engine keeps in TypeScript, made callable from SQL so statements
 * and migrations use the very same code: `event_status(deliveries.status)`, an
 * aggregate, `search_text(id, type, summary, status, body, parsed, content_type)`, and `bounded_text(text)` and
 * `bounded_reason(json)` (bounded-text.ts).
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.aggregate('event_status', {
    start: () => [] as DeliveryStatus[],
    step: (statuses: DeliveryStatus[], status: DeliveryStatus) => {
      statuses.push(status);
      return statuses;
    },
    result: (statuses: DeliveryStatus[]) => eventStatusOf(statuses),
  });
  db.function(
    'search_text',
    { deterministic: true },
    (
      id: string,
      type: string,
      summary: string,
      status: string,
      body: Buffer | null,
      parsed: string | null,
      contentType: string | null,
    ) => {
      let value: unknown = null;
      try {
        value = parsedOf({ parsed, status, body, content_type: contentType });
      } catch {
        // A body that does not parse is still found by its id, type and summary.
      }
      return searchTextOf({ id, type, summary, parsed: value });
    },
  );
  db.function('bounded_text', { deterministic: true }, (text: string | null) => (text === null ? null : bounded(text)));
  db.function('bounded_reason', { deterministic: true }, (json: string | null) => reasonColumn(reasonFromColumn(json)));
}
