import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/store/database.js';
import { EventReader } from '../main/store/events-read.js';
import { searchTextOf } from '../main/store/search-text.js';
import { printRow } from './report.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 15;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Thúy', 'Minh', 'Ngọc', 'Quang', 'Thanh', 'Hữu', 'Đức', 'Kim'];
const GIVEN = ['Nam', 'Linh', 'Hoa', 'Tuấn', 'Hương', 'Dũng', 'Trang', 'Phúc', 'Yến', 'Khoa', 'Đạt', 'My'];

/** Fills the store directly, as the writer would, search text included: orders from 50,000 customers. */
function fill(file: string) {
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status,
      headers, content_type, body, body_size, summary)
    VALUES (?, NULL, 'POS', ?, 'delivered', ?, 200, '{}', 'application/json', ?, ?, ?)`);
  const index = db.prepare('INSERT INTO events_search (rowid, text) VALUES (?, ?)');
  const start = Date.now() - EVENTS * 1000;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const customer = n % 50_000;
      const name = `${FAMILY[customer % FAMILY.length]} ${MIDDLE[customer % 7]} ${GIVEN[customer % GIVEN.length]}`;
      const parsed = {
        id: n,
        invoice_id: `INV-${n}`,
        billing_full_name: name,
        billing_phone: `09${String(10_000_000 + customer * 37).padStart(8, '0')}`,
        contact_email: `customer${customer}@example.com`,
        price_final: (n % 997) * 1000,
      };
      const type = n % 3 === 0 ? 'order.edit' : 'order.add';
      const id = `evt_bench${n.toString(36).padStart(8, '0')}`;
      const body = JSON.stringify(parsed);
      const summary = `${type} · INV-${n} · ${parsed.price_final} ₫ · ${name}`;
      const { lastInsertRowid } = insert.run(id, type, start + n * 1000, body, body.length, summary);
      index.run(lastInsertRowid, searchTextOf({ id, type, summary, parsed }));
    }
  });
  for (let from = 0; from < EVENTS; from += 20_000) batch(from, Math.min(EVENTS, from + 20_000));
  return db;
}

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** Search as the Live log asks it (a page of 100), beside an indexed exact lookup by event id in the same store. */
export function benchSearch(): void {
  console.log(`\nSearch with ${EVENTS.toLocaleString('en')} stored events (median of ${RUNS}, store query)`);
  const dir = mkdtempSync(join(tmpdir(), 'hookferry-bench-search-'));
  try {
    const filling = performance.now();
    const db = fill(join(dir, 'hookferry.db'));
    console.log(`  (filled in ${((performance.now() - filling) / 1000).toFixed(0)} s)`);
    const reader = new EventReader(db);
    const exact = db.prepare('SELECT * FROM events WHERE id = ?');
    const someId = `evt_bench${Math.floor(EVENTS / 2)
      .toString(36)
      .padStart(8, '0')}`;
    const baseline = median(() => exact.get(someId));
    for (const q of ['nguyen', 'NGUYỄN', 'do van nam', 'đỗ', '0910', `INV-${Math.floor(EVENTS / 3)}`, 'customer123@']) {
      const found = reader.list({ q, limit: 100 }).items.length;
      printRow(
        `search "${q}" ms`,
        median(() => reader.list({ q, limit: 100 })),
        baseline,
        `${found} rows; goal ≤ 300 ms`,
      );
    }
    printRow(
      'search page 2 ms',
      median(() => reader.list({ q: 'nguyen', limit: 100, before: String(Math.floor(EVENTS / 2)) })),
      baseline,
      'keyset page deep in the matches',
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
