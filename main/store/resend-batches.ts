import type { DeliveryStatus, ResendBatch } from '../api/contract.js';
import { boundedOrNull } from '../lib/bounded-text.js';
import type { Db } from './database.js';
import { newId } from './ids.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN = 20;

interface BatchRow {
  id: string;
  destination_id: string;
  destination_name: string;
  last_error: string | null;
  started_at: number;
  finished_at: number | null;
  /** What the batch achieved, kept when it finished (null while it runs, and for batches finished before this was kept). */
  delivered: number | null;
  failed: number | null;
  discarded: number | null;
}

/**
 * Bulk resends and the deliveries in each. While a batch runs, its progress is
 * counted from the deliveries' statuses now, so it is true whoever looks and
 * whenever, and survives leaving the page or restarting. When nothing of it
 * waits any more, that outcome is kept: resending one of its deliveries later
 * (or discarding it) is another action and does not rewrite what this one did.
 */
export class ResendBatchStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO resend_batches (id, destination_id, destination_name, last_error, started_at) VALUES (?, ?, ?, ?, ?)',
      ),
      insertItem: db.prepare('INSERT INTO resend_batch_items (batch_id, delivery_id) VALUES (?, ?)'),
      byId: db.prepare('SELECT * FROM resend_batches WHERE id = ?'),
      statuses: db.prepare(`
        SELECT d.status, count(*) AS n FROM resend_batch_items i JOIN deliveries d ON d.id = i.delivery_id
        WHERE i.batch_id = ? GROUP BY d.status`),
      finish: db.prepare(
        'UPDATE resend_batches SET finished_at = ?, delivered = ?, failed = ?, discarded = ? WHERE id = ? AND finished_at IS NULL',
      ),
      recent: db.prepare(
        `SELECT * FROM resend_batches WHERE finished_at IS NULL OR started_at >= ? ORDER BY started_at DESC LIMIT ${SHOWN}`,
      ),
      openItems: db.prepare(`
        SELECT i.batch_id AS batchId, i.delivery_id AS deliveryId
        FROM resend_batches b JOIN resend_batch_items i ON i.batch_id = b.id WHERE b.finished_at IS NULL`),
    };
  }

  /** Records a batch inside the caller's transaction (the one that queues its deliveries again). */
  create(destination: { id: string; name: string }, lastError: string | null, deliveryIds: number[], now: number) {
    const id = newId('rsb');
    this.statements.insert.run(id, destination.id, destination.name, lastError, now);
    for (const deliveryId of deliveryIds) this.statements.insertItem.run(id, deliveryId);
    return id;
  }

  /** The batch with its counts now; a batch with nothing left waiting is marked finished. */
  get(id: string, now: number): ResendBatch | null {
    const row = this.statements.byId.get(id) as BatchRow | undefined;
    return row ? this.withCounts(row, now) : null;
  }

  /** Batches still going, and those of the last day, newest first. */
  recent(now: number): ResendBatch[] {
    return (this.statements.recent.all(now - DAY_MS) as BatchRow[]).map((row) => this.withCounts(row, now));
  }

  /** The deliveries of unfinished batches, so results can be traced to their batch without a query each. */
  openItems(): { batchId: string; deliveryId: number }[] {
    return this.statements.openItems.all() as { batchId: string; deliveryId: number }[];
  }

  private withCounts(row: BatchRow, now: number): ResendBatch {
    const current = this.countNow(row.id);
    const batch =
      row.finished_at !== null && row.delivered !== null
        ? { delivered: row.delivered, failed: row.failed ?? 0, discarded: row.discarded ?? 0, waiting: 0 }
        : current;
    let finishedAt = row.finished_at;
    if (finishedAt === null && batch.waiting === 0) {
      this.statements.finish.run(now, batch.delivered, batch.failed, batch.discarded, row.id);
      finishedAt = now;
    }
    return {
      id: row.id,
      destinationId: row.destination_id,
      destinationName: row.destination_name,
      lastError: boundedOrNull(row.last_error),
      total: batch.delivered + batch.failed + batch.discarded + batch.waiting,
      ...batch,
      now: current,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: finishedAt === null ? null : new Date(finishedAt).toISOString(),
    };
  }

  private countNow(batchId: string) {
    const counts: Partial<Record<DeliveryStatus, number>> = {};
    for (const { status, n } of this.statements.statuses.all(batchId) as { status: DeliveryStatus; n: number }[])
      counts[status] = n;
    const of = (...statuses: DeliveryStatus[]) => statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
    return {
      delivered: of('delivered', 'skipped'),
      failed: of('failed'),
      discarded: of('discarded'),
      waiting: of('pending', 'retrying'),
    };
  }
}
