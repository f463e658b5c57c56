import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * What a tester checking every page against the API found said otherwise than it is: deliveries held behind a failed
 * event of an ordered line "sent when you resume", a card's "Last error" in red after a later try went through, an
 * event delivered at one destination and discarded at another once that other was deleted, and a renamed source's
 * older rows under its old name. Each test sends events of a type of its own, to destinations of its own.
 */
describe.skipIf(!hasChromium)('pages that say things as they are now (Chromium, real serve)', () => {
  const ui = useDashboard({ timeout: 90_000 });
  const typed = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });
  const send = async (type: string, invoice: string) =>
    String((await post(await ui.serve.posUrl(), order(invoice), typed(type))).json.id);
  const eventWhen = (id: string, status: string) =>
    expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);
  const go = (hash: string) => ui.page.evaluate(`window.location.hash = '${hash}'`);
  const card = (name: string) => ui.page.locator(`[data-testid="destination-card"][aria-label="${name}"]`);
  // Each test starts with sending on and no destination, whatever the one before left (a failure skips its own end).
  afterEach(async () => {
    await ui.serve.api('putSettings', { body: { deliveriesPaused: false, language: 'en' } });
    for (const { id } of await ui.serve.api('listDestinations'))
      await ui.serve.api('deleteDestination', { params: { id } });
  }, 90_000);

  it('says on the Overview what waits behind a failed event of an ordered line, and that a resume does not send it', async () => {
    const crm = await startSink();
    const sheet = await startSink();
    sheet.script(() => ({ status: 500 }));
    const { id: crmId } = await ui.serve.api('createDestination', {
      body: { name: 'CRM', url: crm.url, events: ['order.add'] },
    });
    const { id: sheetId } = await ui.serve.api('createDestination', {
      body: {
        name: 'Sheet',
        url: sheet.url,
        events: ['order.add'],
        ordered: true,
        retry: { maxAttempts: 2, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    await eventWhen(await send('order.add', 'INV-11'), 'failed');
    await send('order.add', 'INV-12');
    await send('order.add', 'INV-13');
    await expect.poll(() => crm.received.length).toBe(3);
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await send('order.add', 'INV-14');
    await openPage(ui.page, 'Overview', 'Overview');

    await ui.page
      .getByTestId('held-by-pause')
      .getByText('1 delivery waits because sending is paused; it goes once you resume sending.', { exact: true })
      .waitFor();
    const behind = ui.page.getByTestId('held-behind-failed');
    await behind
      .getByText(
        '3 deliveries wait behind a failed event at “Sheet”, which takes events in order: they are not sent by themselves, only once that event is resent from Failed and goes through, or is discarded there.',
      )
      .waitFor();
    await expect(behind.getByRole('link', { name: 'Open Failed' }).getAttribute('href')).resolves.toBe('#/failed');
    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page
      .getByTestId('held-by-pause')
      .getByText('1 lần gửi đang chờ vì việc gửi đang tạm dừng; sẽ gửi khi bạn tiếp tục gửi.', { exact: true })
      .waitFor();
    await behind
      .getByText(
        '3 lần gửi đang chờ sau một sự kiện lỗi ở “Sheet”, nơi nhận sự kiện đúng theo thứ tự: các lần gửi này không tự được gửi, chỉ được gửi khi sự kiện lỗi đó được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
      )
      .waitFor();
    // Nothing of the day's "on its way" moves: called waiting, not "waits: paused" (two of them are not paused).
    const figure = ui.page.locator('.count-pending');
    await figure.locator('dt').getByText('Đang chờ', { exact: true }).waitFor();
    // The chart's legend names it as the figure does.
    await expect
      .poll(() => ui.page.locator('.chart .legend').allTextContents())
      .toContainEqual(expect.stringContaining('Đang chờ'));
    expect(await ui.page.locator('.chart .legend').allTextContents()).not.toContainEqual(
      expect.stringContaining('Chờ: đang tạm dừng'),
    );
    await expect(figure.getAttribute('title')).resolves.toMatch(/^1 lần gửi đang chờ vì .+ 3 lần gửi đang chờ sau /);
    await screenshot(ui.page, 'held-behind-failed-paused-vi');

    // Resumed: the one for CRM goes; those for Sheet are still said to wait behind INV-11, not to be on their way.
    await ui.serve.api('putSettings', { body: { deliveriesPaused: false } });
    await expect.poll(() => crm.received.length).toBe(4);
    await ui.page.getByTestId('held-by-pause').waitFor({ state: 'detached' });
    await behind.getByText(/^3 lần gửi đang chờ sau một sự kiện lỗi ở “Sheet”/).waitFor();
    await setLanguage(ui.serve, ui.page, 'en');
    await behind.getByText(/^3 deliveries wait behind a failed event at “Sheet”/).waitFor();
    await figure.locator('dt').getByText('Waiting', { exact: true }).waitFor();
    await expect(figure.getAttribute('title')).resolves.toMatch(/^3 deliveries wait behind a failed event at “Sheet”/);
    await screenshot(ui.page, 'held-behind-failed-resumed-en');

    await ui.serve.api('deleteDestination', { params: { id: sheetId } });
    await ui.serve.api('deleteDestination', { params: { id: crmId } });
    await behind.waitFor({ state: 'detached' });
  }, 90_000);

  it('shows a retrying destination’s last error as an earlier one once a later try went through', async () => {
    const receiver = await startSink();
    receiver.script((_request, index) => (index === 0 ? { status: 500 } : { status: 200 }));
    const { id } = await ui.serve.api('createDestination', {
      body: {
        name: 'CRM retry',
        url: receiver.url,
        events: ['order.additem'],
        retry: { maxAttempts: 3, initialDelayMs: 120_000, multiplier: 1, maxDelayMs: 120_000 },
      },
    });
    const retrying = await send('order.additem', 'RETRY-A');
    await expect
      .poll(async () => (await ui.serve.api('getEvent', { params: { id: retrying } })).deliveries[0]?.status)
      .toBe('retrying');
    await eventWhen(await send('order.additem', 'OK-B'), 'delivered');
    await openPage(ui.page, 'Overview', 'Overview');

    const shown = card('CRM retry');
    await shown.locator('.badge').getByText('Will retry', { exact: true }).waitFor();
    const lastError = shown.getByTestId('last-error');
    await lastError
      .getByText(
        /^Earlier error, .+; the latest try since then went through, and what failed then is tried again at .+\.$/,
      )
      .waitFor();
    await expect(lastError.getAttribute('class')).resolves.toBe('hint');
    // The whole reason is still there, on hover.
    await expect(lastError.getAttribute('title')).resolves.toMatch(/500/);
    await screenshot(ui.page, 'retrying-earlier-error-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await lastError
      .getByText(
        /^Lỗi trước đó, lúc .+; lần gửi gần nhất sau lỗi đó đã thành công, còn sự kiện bị lỗi khi đó sẽ được thử lại lúc .+\.$/,
      )
      .waitFor();
    await setLanguage(ui.serve, ui.page, 'en');
    await ui.serve.api('deleteDestination', { params: { id } });
  }, 90_000);

  it('keeps an event partly delivered once the destination it was discarded at is deleted, without a reload', async () => {
    const kept = await startSink();
    const dropped = await startSink();
    dropped.script(() => ({ status: 500 }));
    const { id: keptId } = await ui.serve.api('createDestination', {
      body: { name: 'CRM kept', url: kept.url, events: ['order.edit'] },
    });
    const { id: droppedId } = await ui.serve.api('createDestination', {
      body: { name: 'Sheet dropped', url: dropped.url, events: ['order.edit'], retry: once },
    });
    const id = await send('order.edit', 'INV-31');
    await eventWhen(id, 'failed');
    await ui.serve.api('discardFailed', { params: { id: droppedId }, body: {} });
    await eventWhen(id, 'discarded');
    await go(`#/log?event=${id}`);
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByTestId('delivery').filter({ hasText: 'Sheet dropped' }).waitFor();

    // Its history stays: the delivery given up there is still listed, under its name marked deleted, and the event
    // still partly delivered (before: the delivery went, and the event read "Delivered").
    await ui.serve.api('deleteDestination', { params: { id: droppedId } });
    await drawer.getByTestId('delivery').filter({ hasText: '“Sheet dropped” (deleted)' }).waitFor();
    await drawer.locator('.summary-line .badge').getByText('Part given up', { exact: true }).waitFor();
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'INV-31' });
    await row.locator('.badge').getByText('Part given up', { exact: true }).waitFor();
    await screenshot(ui.page, 'discarded-destination-deleted-en');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await ui.serve.api('deleteDestination', { params: { id: keptId } });
  }, 90_000);

  it('names a renamed source’s older rows and drawer by its name now, without a reload', async () => {
    const id = await send('order.add', 'INV-41');
    await go('#/log');
    await ui.page.getByRole('heading', { level: 2, name: 'Live log' }).waitFor();
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'INV-41' });
    await row.locator('.source').getByText('POS', { exact: true }).waitFor();
    const posId = (await ui.serve.api('listSources')).find((source) => source.name === 'POS')!.id;
    await ui.serve.api('updateSource', { params: { id: posId }, body: { name: 'Quầy 1' } });
    await row.locator('.source').getByText('Quầy 1', { exact: true }).waitFor();
    // Every row of it: none keeps "POS".
    await expect.poll(() => ui.page.locator('.log-row .source').allTextContents()).not.toContain('POS');
    await go(`#/log?event=${id}`);
    await ui.page
      .getByTestId('drawer')
      .getByText(/ · Quầy 1 · /)
      .waitFor();
    await screenshot(ui.page, 'renamed-source-rows-en');
    await ui.page.getByTestId('drawer').getByRole('button', { name: 'Close' }).click();
    expect(ui.problems).toEqual([]);
  }, 90_000);
});
