import http from 'node:http';
import Database from 'better-sqlite3';

/**
 * The raw baseline for `GET /api/stats`: node:http and one indexed single-row SELECT (an event by
 * its primary key) on the same database file, answered as JSON. What any admin read costs at the
 * least on this machine, round trip included.
 */
const file = process.argv[2];
if (!file) throw new Error('point-read needs the database file as its argument');
const db = new Database(file, { fileMustExist: true });
const byKey = db.prepare('SELECT seq, id, type, status, received_at FROM events WHERE seq = ?');
const last = (db.prepare('SELECT max(seq) AS seq FROM events').get() as { seq: number }).seq;
let next = 0;
const server = http.createServer((_req, res) => {
  next = (next % last) + 1;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(byKey.get(next) ?? null));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
