import http from 'node:http';
import got from 'got';

/**
 * The non-durable relay for the end-to-end baseline, what a few lines of Node do: answer 200 at
 * once, then post the same body on to the receiver with got through a keep-alive agent. Nothing is
 * stored, so a crash loses whatever is in flight.
 */
const target = process.argv[2]!;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
    got
      .post(target, {
        body: Buffer.concat(chunks),
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        agent: { http: agent },
        throwHttpErrors: false,
      })
      .catch(() => {});
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
