import { createServer } from 'node:net';
import { type ServeProcess, startServe } from './serve-process.js';
import { tempDir } from './temp-dir.js';
import { waitUntil } from './wait.js';

/** Looks like an ngrok authtoken; nothing here reaches ngrok. */
const AUTHTOKEN = '2Zq9FakeAuthtokenForTests_7xKpLmNoPqRsTuVwXyZ';

/** A loopback port nothing listens on: ngrok's ingress as a PC without internet sees it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An engine in ngrok mode, and the address of the listener its tunnel forwards to (from its log). */
export async function engineWithTunnel(env: NodeJS.ProcessEnv = {}): Promise<{ serve: ServeProcess; tunnel: string }> {
  const serve = await startServe(tempDir(), ['--ngrok-server', `127.0.0.1:${await closedPort()}`], undefined, env);
  await serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken: AUTHTOKEN } } } });
  const tunnel = await waitUntil(
    () =>
      serve
        .output()
        .split('\n')
        .map((line) => (line.startsWith('{') ? (JSON.parse(line) as { msg?: string; address?: string }) : null))
        .find((line) => line?.msg === 'tunnel intake listening')?.address,
    'the tunnel’s listener',
  );
  return { serve, tunnel };
}
