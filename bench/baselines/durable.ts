import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The durable baseline for intake: node:http and better-sqlite3, nothing else. Each request's body
 * is stored and answered 200 only after its commit; commits are grouped per turn of the event loop
 * (one fsync for all that arrived together), in WAL with synchronous=FULL, as Hookferry promises.
 */
const dir = mkdtempSync(join(tmpdir(), 'hookferry-bench-durable-'));
const db = new Database(join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, body BLOB NOT NULL)');
const insert = db.prepare('INSERT INTO events (received_at, body) VALUES (?, ?)');
const commit = db.transaction((bodies: Buffer[]) =>
  bodies.map((body) => Number(insert.run(Date.now(), body).lastInsertRowid)),
);

let waiting: { body: Buffer; res: http.ServerResponse }[] = [];
function flush() {
  const batch = waiting;
  waiting = [];
  const ids = commit(batch.map((entry) => entry.body));
  batch.forEach(({ res }, index) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"id":${ids[index]}}`);
  });
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (waiting.length === 0) setImmediate(flush);
    waiting.push({ body: Buffer.concat(chunks), res });
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () =>
  server.close(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
