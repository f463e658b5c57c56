import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { DASHBOARD_HEADERS, dashboardCsp } from '../admin/dashboard-headers.js';
import { DESKTOP_ORIGIN } from '../api/desktop.js';

const SCHEME = new URL(DESKTOP_ORIGIN).protocol.slice(0, -1);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready: app:// behaves like https (secure, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built dashboard from app://hookferry/, never a file outside it,
 * with a CSP that allows only our own origin and the engine's admin origin
 * (which can change when the engine restarts, hence the getter).
 */
export function serveDashboard(rendererDir: string, adminOrigin: () => string | null): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const admin = adminOrigin();
    const csp = dashboardCsp(admin ? [admin] : []);
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        ...DASHBOARD_HEADERS,
      },
    });
  });
}
