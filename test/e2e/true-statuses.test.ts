import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { order, post } from '../helpers/fixtures.js';

/**
 * What the open dashboard says about an order, at each moment and without a reload, held against the
 * destination's own log: a destination that refuses, gives up, then comes back; one that answers too late.
 */
describe.skipIf(!hasChromium)('every status true, as the page shows it (Chromium, real serve)', () => {
  let pos: string;
  const servers: Server[] = [];

  const shot = (name: string) => screenshot(ui.page, name);
  const open = (link: string) => openPage(ui.page, link);

  /** A destination's server on `port` (0: any); `seen` is its own log of the orders it read. */
  const receiver = async (port: number, answer: (respond: () => void) => void) => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        seen.push(String(request.headers['webhook-id']));
        answer(() => response.end('{"ok":true}'));
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, seen, server };
  };

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
    },
  });

  afterAll(() => {
    for (const server of servers) server.closeAllConnections();
    for (const server of servers) server.close();
  });

  it('follows an order to a destination that refuses, gives up, then comes back: card, Failed page and drawer agree with its log', async () => {
    // A port with nothing listening on it, for now.
    const probe = await receiver(0, (respond) => respond());
    const { port } = probe;
    await new Promise((resolve) => probe.server.close(resolve));
    await ui.serve.api('createDestination', {
      body: {
        name: 'Books',
        url: `http://127.0.0.1:${port}/hook`,
        events: ['order.add'],
        retry: { maxAttempts: 3, initialDelayMs: 1500, multiplier: 1, maxDelayMs: 1500 },
      },
    });
    await open('Destinations');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Books' });
    const { json } = await post(pos, order('TRUTH-1'), {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    await card.locator('.badge').getByText('Will retry', { exact: true }).waitFor();
    // Every try failed: before, the card went back to "Healthy" (fewer than 5 in a row, nothing retrying).
    await card.locator('.badge').getByText('Failing', { exact: true }).waitFor();
    const lastError = card.getByTestId('last-error');
    await lastError
      .getByText(new RegExp(`Connection refused: nothing is listening at 127\\.0\\.0\\.1:${port}\\.`))
      .waitFor();
    // In the error colour (and held to a few lines: the whole reason is in its title).
    await expect(lastError.getAttribute('class')).resolves.toMatch(/^error-text\b/);
    await shot('truth-destination-failing-en');
    await expect
      .poll(async () => (await ui.serve.api('getStats')).destinations[0])
      .toMatchObject({ health: 'failing', failed: 1, backlog: 0 });

    await open('Failed');
    await ui.page.getByText('Connection refused: nothing is listening at', { exact: false }).first().waitFor();
    const books = await receiver(port, (respond) => respond());
    await ui.page.getByRole('button', { name: 'Resend all (1)' }).click();
    await ui.page
      .getByTestId('failed-none')
      .getByText('Nothing waits here: no delivery has failed for good.')
      .waitFor();
    await expect.poll(() => books.seen).toEqual([json.id]);

    await open('Destinations');
    await card.locator('.badge').getByText('Healthy', { exact: true }).waitFor();
    await open('Live log');
    await ui.page.getByTestId('log-row').filter({ hasText: 'TRUTH-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByTestId('delivery').locator('.badge').getByText('Delivered', { exact: true }).waitFor();
    // Three refused tries and the one that delivered it, the oldest folded away.
    await expect(drawer.getByTestId('attempt').count()).resolves.toBe(4);
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('shows a retry on the wire as sending, not a time gone by, and says an order answered too late may have arrived, in Vietnamese', async () => {
    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    const slow = await receiver(0, (respond) => setTimeout(respond, 4000));
    await ui.serve.api('createDestination', {
      body: {
        name: 'Sổ chậm',
        url: `http://127.0.0.1:${slow.port}/hook`,
        events: ['order.edit'],
        timeoutMs: 3000,
        retry: { maxAttempts: 2, initialDelayMs: 2500, multiplier: 1, maxDelayMs: 2500 },
      },
    });
    await open('Nhật ký trực tiếp');
    const { json } = await post(pos, order('TRUTH-2'), {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.edit',
    });
    await ui.page.getByTestId('log-row').filter({ hasText: 'TRUTH-2' }).click();
    const delivery = ui.page.getByTestId('drawer').getByTestId('delivery');
    await delivery.locator('.badge').getByText('Sẽ thử lại', { exact: true }).waitFor();
    // Before, nothing told the page the retry went out: it kept "next try at …" until the try's result.
    await delivery.locator('.badge').getByText('Đang gửi ngay', { exact: true }).waitFor();
    await delivery.locator('.badge').getByText('Lỗi', { exact: true }).waitFor();
    await delivery
      .getByText(
        'Không có trả lời trong 3 giây, và đó là lần thử cuối. Sự kiện đã được gửi đi nên có thể nơi nhận vẫn đã nhận được: hãy kiểm tra ở nơi nhận trước khi gửi lại, kẻo nó nhận hai lần.',
      )
      .waitFor();
    await shot('truth-answered-too-late-vi');
    // The destination's log: it read the order both times.
    expect(slow.seen).toEqual([json.id, json.id]);
    await ui.page.keyboard.press('Escape');
  });

  it('says in the drawer that an order’s destination was deleted while it waited in Failed, not that it was only stored', async () => {
    const refusing = await receiver(0, () => {});
    refusing.server.on('request', (_, response) => response.writeHead(500).end());
    const till = await ui.serve.api('createDestination', {
      body: {
        name: 'Old till',
        url: `http://127.0.0.1:${refusing.port}/hook`,
        events: ['order.cancel'],
        retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    const { json } = await post(pos, order('TRUTH-3'), {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.cancel',
    });
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'TRUTH-3' });
    await row.getByText('Lỗi', { exact: true }).waitFor();
    await ui.serve.api('deleteDestination', { params: { id: till.id } });
    // The open list follows without a reload: before, the row kept "failed".
    await row.getByText('Đã bỏ', { exact: true }).waitFor();
    await row.click();
    const drawer = ui.page.getByTestId('drawer');
    // Its delivery and its try stay, under its name marked deleted, with why it was given up there.
    const kept = drawer.getByTestId('delivery').filter({ hasText: '“Old till” (đã xóa)' });
    await kept
      .getByText(
        'Nơi nhận này đã bị xóa trong lúc sự kiện đang chờ ở đó sau các lần gửi không thành công, nên sự kiện đã bị bỏ ở đây; các lần gửi đó được liệt kê bên dưới.',
      )
      .waitFor();
    expect(await kept.getByTestId('attempt').count()).toBe(1);
    await drawer.locator('.summary-line').getByText('Đã bỏ', { exact: true }).waitFor();
    await shot('truth-destination-deleted-vi');
    expect(refusing.seen).toEqual([json.id]);
  });

  it('keeps an open drawer true when its destination is paused and resumed elsewhere (the tray, the API)', async () => {
    await ui.page.keyboard.press('Escape');
    const down = await receiver(0, () => {});
    down.server.on('request', (_, response) => response.writeHead(503).end());
    const store = await ui.serve.api('createDestination', {
      body: {
        name: 'Kho',
        url: `http://127.0.0.1:${down.port}/hook`,
        events: ['order.return'],
        retry: { maxAttempts: 3, initialDelayMs: 60_000, multiplier: 1, maxDelayMs: 60_000 },
      },
    });
    await post(pos, order('TRUTH-4'), { 'content-type': 'application/json', 'Tc-Webhook-Event': 'order.return' });
    await ui.page.getByTestId('log-row').filter({ hasText: 'TRUTH-4' }).click();
    const delivery = ui.page.getByTestId('drawer').getByTestId('delivery');
    await delivery.getByText(/^Thử lại lúc /).waitFor();
    await ui.serve.api('updateDestination', { params: { id: store.id }, body: { paused: true } });
    // Before, the drawer kept "next try at …" for a destination that was paused.
    await delivery.getByText('Đang tạm dừng: sẽ gửi khi bạn tiếp tục.').waitFor();
    await expect(delivery.getByText(/^Thử lại lúc /).count()).resolves.toBe(0);
    await ui.serve.api('updateDestination', { params: { id: store.id }, body: { paused: false } });
    await delivery.getByText(/^Thử lại lúc /).waitFor();
    // Every delivery paused at once, as the tray's Pause deliveries does.
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await delivery.getByText('Đang tạm dừng: sẽ gửi khi bạn tiếp tục.').waitFor();
    await ui.serve.api('putSettings', { body: { deliveriesPaused: false } });
    await delivery.getByText(/^Thử lại lúc /).waitFor();
    await ui.page.keyboard.press('Escape');
  });

  it('names where a redirect points on the card, the address wrapped inside it', async () => {
    const target = `https://books.example.com/${'webhooks-v2-'.repeat(6)}hook`;
    const moved = await receiver(0, () => {});
    moved.server.on('request', (_, response) => response.writeHead(301, { location: target }).end());
    await ui.serve.api('putSettings', { body: { language: 'en' } });
    await ui.serve.api('createDestination', {
      body: {
        name: 'Moved books',
        url: `http://127.0.0.1:${moved.port}/hook`,
        events: ['order.delete'],
        retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    await post(pos, order('TRUTH-5'), { 'content-type': 'application/json', 'Tc-Webhook-Event': 'order.delete' });
    await open('Destinations');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Moved books' });
    const lastError = card.getByTestId('last-error');
    await lastError.getByText(`sending Hookferry on to ${target}.`, { exact: false }).waitFor();
    // Before, the address ran out of the card, over the next one.
    const [inner, outer] = await Promise.all([lastError.boundingBox(), card.boundingBox()]);
    expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width);
    // This file is type-checked without the DOM's types: the two widths are named in the page's function.
    const fits = await lastError.evaluate((element) => {
      const box = element as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth <= box.clientWidth;
    });
    expect(fits).toBe(true);
    await shot('truth-redirect-card-en');
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
