import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { RuntimeInfo } from '../main/cli/runtime-file.js';
import { launchChromium } from '../test/helpers/browser.js';
import { printRow } from './report.js';

/** The part of a DOM element the scroll timing uses (this project's Node code has no DOM types). */
interface ScrollBox {
  scrollHeight: number;
  scrollTo(x: number, y: number): void;
}

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SERVE = join(import.meta.dirname, '..', 'dist', 'main', 'serve.js');

async function startServe(dataDir: string) {
  rmSync(join(dataDir, 'runtime.json'), { force: true });
  const child = spawn(process.execPath, [SERVE, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'], {
    stdio: 'ignore',
  });
  for (let waited = 0; ; waited += 100) {
    try {
      const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeInfo;
      if (runtime.pid === child.pid) return { child, runtime };
    } catch {
      if (waited > 60_000) throw new Error('serve did not start');
    }
    await sleep(100);
  }
}

async function stop(child: ReturnType<typeof spawn>) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Fills the store directly (a bench fixture, not the intake path): 1% failed, 1% rejected, ten event types. */
function fill(dataDir: string, sourceId: string) {
  const db = new Database(join(dataDir, 'hookferry.db'));
  db.pragma('synchronous = OFF');
  const insert =
    db.prepare(`INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
    VALUES (?, ?, 'POS', ?, ?, ?, 200, '{"content-type":"application/json"}', 'application/json', ?, ?, ?)`);
  const types = [
    'order.add',
    'order.edit',
    'order.additem',
    'customer.add',
    'customer.edit',
    'product.edit',
    'cashflow.add',
    'productreceipt.add',
    'promotion.add',
    'supportticket.add',
  ];
  const start = Date.now() - EVENTS * 1000;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const type = types[n % types.length]!;
      const status = n % 100 === 7 ? 'failed' : n % 100 === 13 ? 'rejected' : 'delivered';
      const body = `{"id":${n},"invoice_id":"INV-${n}","price_final":${(n % 997) * 1000}}`;
      insert.run(
        `evt_bench${n.toString(36).padStart(8, '0')}`,
        sourceId,
        type,
        status,
        start + n * 1000,
        body,
        body.length,
        `${type} · INV-${n} · ${(n % 997) * 1000} ₫ · Khách ${n % 5000}`,
      );
    }
  });
  for (let from = 0; from < EVENTS; from += 50_000) batch(from, Math.min(EVENTS, from + 50_000));
  db.close();
}

/** The page's document inside page.waitForFunction (this file is type-checked without the DOM library; the functions run in the page). */
interface PageElement {
  textContent: string | null;
  scrollHeight: number;
  classList: { contains(name: string): boolean };
}
type Page = {
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    querySelector(selector: string): PageElement | null;
  };
};

export async function benchDashboard(): Promise<void> {
  console.log(`\nDashboard with ${EVENTS.toLocaleString('en')} stored events, in Chromium`);
  const dataDir = mkdtempSync(join(tmpdir(), 'hookferry-bench-ui-'));
  try {
    const first = await startServe(dataDir);
    const headers = { authorization: `Bearer ${first.runtime.adminToken}` };
    const [source] = (await (await fetch(`${first.runtime.adminUrl}/api/sources`, { headers })).json()) as {
      id: string;
    }[];
    await stop(first.child);
    const filling = performance.now();
    fill(dataDir, source!.id);
    console.log(`  (filled in ${((performance.now() - filling) / 1000).toFixed(0)} s)`);

    const { child, runtime } = await startServe(dataDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(runtime.dashboardUrl);
      await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      const raw = (query: string) =>
        page.evaluate(
          async ({ url, token }) => {
            const started = performance.now();
            await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
            return performance.now() - started;
          },
          { url: `${runtime.adminUrl}/api/events?limit=100${query}`, token: runtime.adminToken },
        );

      const opened = performance.now();
      await page.getByRole('link', { name: 'Live log' }).click();
      await page.getByTestId('log-row').first().waitFor();
      const firstRows = performance.now() - opened;
      printRow('first rows ms', firstRows, await raw(''), 'click to rows shown vs the raw API call; goal ≤ 1,000 ms');

      const filtered = performance.now();
      await page.getByLabel('Status').selectOption('failed');
      await page.getByTestId('log-row').filter({ hasText: 'INV-' }).first().waitFor();
      await page.waitForFunction(() =>
        Array.from((globalThis as unknown as Page).document.querySelectorAll('[data-testid=log-row] .badge')).every(
          (badge) => badge.classList.contains('badge-failed'),
        ),
      );
      printRow('status filter ms', performance.now() - filtered, await raw('&status=failed'), 'goal ≤ 300 ms');

      await page.getByLabel('Status').selectOption('');
      await page.getByTestId('log-row').filter({ hasText: 'order.add' }).first().waitFor();
      const typed = performance.now();
      await page.getByLabel('Event type').fill('customer.edit');
      await page.waitForFunction(() => {
        const summaries = Array.from(
          (globalThis as unknown as Page).document.querySelectorAll('[data-testid=log-row] .summary'),
        );
        return summaries.length > 0 && summaries.every((row) => row.textContent?.startsWith('customer.edit'));
      });
      printRow('type filter ms', performance.now() - typed, await raw('&type=customer.edit'), 'goal ≤ 300 ms');

      await page.getByLabel('Event type').fill('');
      await page.getByTestId('log-row').filter({ hasText: 'order.add' }).first().waitFor();
      // Scrolling to the end loads the next keyset page; ten pages, timed each from scroll to taller list.
      const rows = page.getByTestId('log-rows');
      const scrolled = performance.now();
      for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
        const height = await rows.evaluate((element: ScrollBox) => element.scrollHeight);
        await rows.evaluate((element: ScrollBox) => element.scrollTo(0, element.scrollHeight));
        await page.waitForFunction(
          (before) =>
            ((globalThis as unknown as Page).document.querySelector('[data-testid=log-rows]')?.scrollHeight ?? 0) >
            before,
          height,
        );
      }
      printRow(
        'next page on scroll ms',
        (performance.now() - scrolled) / 10,
        await raw(`&before=${Math.floor(EVENTS / 2)}`),
        'per 100 rows, vs the raw keyset call',
      );
    } finally {
      await browser.close();
      await stop(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
