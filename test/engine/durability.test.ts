import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { orderAdd, teamcropOrder } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('acknowledged means stored', () => {
  it('keeps every acknowledged event through kill -9 in the middle of a 16-way burst', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    await serve.api('putSettings', { body: { intake: { rateLimitPerMinute: 10_000_000 } } });
    const pos = await serve.posUrl();

    const acknowledged: string[] = [];
    const invoiceOf = new Map<string, string>();
    let sent = 0;
    let killed = false;
    const worker = async (lane: number) => {
      // Bounded: each lane stops at the kill, or after 2,000 posts at the most.
      for (let n = 0; n < 2000 && !killed; n++) {
        sent++;
        const invoice = `KILL-${lane}-${n}`;
        try {
          const response = await fetch(pos, {
            method: 'POST',
            headers: orderAdd,
            body: JSON.stringify({ ...teamcropOrder, id: lane * 1_000_000 + n, invoice_id: invoice }),
          });
          if (response.status === 200) {
            const { id } = (await response.json()) as { id: string };
            acknowledged.push(id);
            invoiceOf.set(id, invoice);
          }
        } catch {
          // The connection died with the process: not acknowledged, so not promised.
        }
      }
    };
    const lanes = Array.from({ length: 16 }, (_, lane) => worker(lane));
    while (acknowledged.length < 600) await new Promise((resolve) => setTimeout(resolve, 5));
    await serve.kill();
    killed = true;
    await Promise.all(lanes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(600);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const db = new Database(join(dataDir, 'hookferry.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const again = await startServe(dataDir);
    const stored = new Set<string>();
    let before: string | undefined;
    do {
      const page = await again.api('listEvents', { query: { status: 'received', limit: 500, before } });
      for (const item of page.items) stored.add(item.id);
      before = page.next ?? undefined;
    } while (before);
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    // The search index follows the commit by a moment: the last events acknowledged before the kill were
    // likely not indexed yet, and must be found after the restart all the same.
    const unfound: string[] = [];
    for (const id of acknowledged.slice(-20)) {
      const page = await again.api('listEvents', { query: { q: invoiceOf.get(id)!, limit: 50 } });
      if (!page.items.some((item) => item.id === id)) unfound.push(invoiceOf.get(id)!);
    }
    expect(unfound).toEqual([]);
    await again.stop();
  });
});
