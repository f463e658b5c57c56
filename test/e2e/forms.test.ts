import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, useDashboard } from '../helpers/dashboard-page.js';
import { post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/** The dashboard's forms send only what the merchant touched, and say what is wrong beside the field. */
describe.skipIf(!hasChromium)('forms (Chromium, real serve)', () => {
  /** The bodies the page sent with each method to each path. */
  const sent: { method: string; path: string; body: unknown }[] = [];
  const ui = useDashboard({
    prepare: async (serve) => {
      await serve.api('createSource', { body: { name: 'Teamcrop till', kind: 'teamcrop' } });
    },
    // A refused save is a 400 the page shows under the field, not a problem of the page.
    expected: /status of 400 \(Bad Request\)/,
    overview: null,
    viewport: { width: 1280, height: 800 },
  });

  const open = async (name: string) => {
    await ui.page.getByRole('link', { name }).click();
    await ui.page.getByRole('heading', { level: 2, name }).waitFor();
  };

  beforeAll(async () => {
    ui.page.setDefaultTimeout(10_000);
    ui.page.on('request', (request) => {
      if (!['POST', 'PATCH', 'PUT'].includes(request.method())) return;
      const data = request.postData();
      sent.push({
        method: request.method(),
        path: new URL(request.url()).pathname,
        body: data ? (JSON.parse(data) as unknown) : null,
      });
    });
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    await ui.page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  });

  it('says the hourly chart has nothing to show before any event came', async () => {
    await ui.page.getByText('No events in the last 24 hours. They show here hour by hour as they arrive.').waitFor();
    await expect(ui.page.getByRole('img', { name: 'Events per hour, last 24 hours' }).count()).resolves.toBe(0);
  });

  it('saves only the renamed field, so a pause made through the API meanwhile stays', async () => {
    const created = await ui.serve.api('createDestination', {
      body: { name: 'Order CRM', url: 'http://127.0.0.1:9/hook', events: ['order.add'] },
    });
    await open('Destinations');
    const card = ui.page.getByRole('article', { name: 'Order CRM' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Order CRM' });
    await editor.getByLabel('Name').fill('Order CRM (shop)');
    await ui.serve.api('updateDestination', { params: { id: created.id }, body: { paused: true } });
    sent.length = 0;
    await editor.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByRole('article', { name: 'Order CRM (shop)' }).waitFor();
    expect(sent).toEqual([
      { method: 'PATCH', path: `/api/destinations/${created.id}`, body: { name: 'Order CRM (shop)' } },
    ]);
    await expect(ui.serve.api('listDestinations')).resolves.toContainEqual(
      expect.objectContaining({ id: created.id, name: 'Order CRM (shop)', paused: true, events: ['order.add'] }),
    );
    await ui.page.getByRole('article', { name: 'Order CRM (shop)' }).getByRole('button', { name: 'Resume' }).waitFor();
    const renamed = ui.page.getByRole('article', { name: 'Order CRM (shop)' });
    // Never tried: said as for a new one, not "nothing in the last 24 hours".
    await renamed
      .getByText(
        'Nothing has been sent here yet: it is paused, so the events it takes wait until you press Resume. Send test event tries it now.',
      )
      .waitFor();
    await expect(renamed.textContent()).resolves.not.toMatch(/%| ms/);
  });

  it('shows a group with some of its events as mixed, ticks the rest with it, and folds away systems the shop does not use', async () => {
    await ui.page.getByRole('article', { name: 'Order CRM (shop)' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Order CRM (shop)' });
    const teamcrop = editor.getByRole('group', { name: 'Teamcrop POS' });
    const orders = teamcrop.getByRole('checkbox', { name: 'Orders', exact: true });
    await expect(orders.getAttribute('aria-checked')).resolves.toBe('mixed');
    await orders.check();
    await expect(orders.getAttribute('aria-checked')).resolves.toBe('true');
    // Promotions are a group of their own: ticking Orders sends none of them to an order system.
    await expect(teamcrop.getByLabel('Promotion changed promotion.edit', { exact: true }).isChecked()).resolves.toBe(
      false,
    );
    await expect(
      teamcrop.getByRole('checkbox', { name: 'Promotions', exact: true }).getAttribute('aria-checked'),
    ).resolves.toBe('false');
    await teamcrop.getByLabel('Order changed order.edit', { exact: true }).uncheck();
    await expect(orders.getAttribute('aria-checked')).resolves.toBe('mixed');

    const shopify = editor.getByRole('group', { name: 'Shopify' });
    await expect(shopify.isVisible()).resolves.toBe(false);
    await editor.getByText('3 more systems with no source of their own here').click();
    await expect(shopify.isVisible()).resolves.toBe(true);

    sent.length = 0;
    await editor.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Destinations' }).waitFor();
    await ui.page.getByRole('article', { name: 'Order CRM (shop)' }).waitFor();
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!.body as object)).toEqual(['events']);
    const [saved] = await ui.serve.api('listDestinations');
    expect([...saved!.events].sort()).toEqual(
      ['order.add', 'order.additem', 'order.edititem', 'order.deleteitem'].sort(),
    );
  });

  it('says what is wrong under the field itself, and sends nothing until it is right', async () => {
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    const editor = ui.page.getByRole('form', { name: 'Add destination' });
    await editor.getByLabel('Address (URL)').fill('crm.example.com/hook');
    sent.length = 0;
    await editor.getByRole('button', { name: 'Save' }).click();
    const nameError = editor.getByText('Give the destination a name.');
    await nameError.waitFor();
    const name = editor.getByRole('textbox', { name: 'Name', exact: true });
    await expect(name.getAttribute('aria-describedby')).resolves.toBe(await nameError.getAttribute('id'));
    await expect(ui.page.evaluate('document.activeElement.getAttribute("name")')).resolves.toBe('name');
    await editor.getByText('Enter a full web address starting with http:// or https://.').waitFor();
    await editor.getByText('Choose at least one event.').waitFor();
    expect(sent).toEqual([]);
    await name.fill('Accounting');
    await editor.getByLabel('Address (URL)').fill('https://crm.example.com/hook');
    // Only the checklist is wrong now, far below Save: its sentence is brought into view.
    await ui.page.evaluate('window.scrollTo(0, 0)');
    await editor.getByRole('button', { name: 'Save' }).click();
    const eventsError = editor.getByText('Choose at least one event.');
    await expect
      .poll(async () => {
        const box = await eventsError.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= ui.page.viewportSize()!.height;
      })
      .toBe(true);
    expect(sent).toEqual([]);
    await editor.getByLabel('Everything (*)').check();
    await editor.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByRole('article', { name: 'Accounting' }).waitFor();
    expect(sent.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /api/destinations']);
  });

  it('adds a source through a form (name, kind, verification) instead of creating one at the click', async () => {
    const before = await ui.serve.api('listSources');
    await open('Sources');
    await ui.page.getByRole('button', { name: 'Add source' }).click();
    const form = ui.page.getByRole('form', { name: 'Add source' });
    await expect(ui.serve.api('listSources')).resolves.toHaveLength(before.length);
    await form.getByLabel('Kind').selectOption('shopify');
    await expect(form.getByLabel('Verification').inputValue()).resolves.toBe('hmac');
    await expect(form.getByLabel('Encoding').inputValue()).resolves.toBe('base64');
    await form.getByRole('button', { name: 'Create source' }).click();
    await form.getByText('Give the source a name.').waitFor();
    // A new source with a signature check needs its secret now, or it would refuse every post.
    await form
      .getByText(
        'Enter a value (make one up, or press Generate) and set the same in the sender, or choose Verification: None.',
      )
      .waitFor();
    await expect(ui.serve.api('listSources')).resolves.toHaveLength(before.length);
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Web shop');
    await form.getByLabel('Secret').fill('shpss_123456');
    await form.getByRole('button', { name: 'Create source' }).click();
    await ui.page.getByRole('heading', { level: 3, name: 'Web shop' }).waitFor();
    const shopify = (await ui.serve.api('listSenders')).find((sender) => sender.kind === 'shopify')!;
    const created = (await ui.serve.api('listSources')).find((source) => source.name === 'Web shop');
    expect(created).toMatchObject({
      kind: 'shopify',
      verification: {
        type: 'hmac',
        header: shopify.verification.signature!.header,
        encoding: 'base64',
        secretSet: true,
      },
    });
  });

  it('shows the ports this run listens on, says the command line chose them, and offers the limits the 413 and 429 answers name', async () => {
    await open('Settings');
    const intake = new URL(ui.serve.runtime.ingestUrl).port;
    const admin = new URL(ui.serve.runtime.adminUrl).port;
    await expect(ui.page.getByTestId('running-ports').textContent()).resolves.toBe(
      `Running now on intake port ${intake} and dashboard port ${admin}. The command line chose these ports for this run; the numbers above apply when Hookferry is started without them.`,
    );
    await ui.page.getByLabel('Largest event body (MB)').fill('8');
    await ui.page.getByLabel('Most events a minute from one source').fill('600');
    sent.length = 0;
    await ui.page.getByRole('button', { name: 'Save' }).first().click();
    await ui.page.getByRole('status').getByText('Saved').waitFor();
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/settings',
        body: { intake: { bodyLimitBytes: 8 * 1024 * 1024, rateLimitPerMinute: 600 } },
      },
    ]);
    const exported = ui.page.waitForRequest((request) => new URL(request.url()).pathname === '/api/export');
    await ui.page.getByRole('button', { name: 'CSV for other programs' }).click();
    await expect(exported.then((request) => new URL(request.url()).searchParams.get('bodies'))).resolves.toBe('0');
  });

  it('shows what the engine refused under its field, scrolled into view, in Vietnamese too', async () => {
    const created = await ui.serve.api('createDestination', {
      body: { name: 'Stock sync', url: 'http://127.0.0.1:9/hook', events: ['*'] },
    });
    await open('Destinations');
    await ui.page.getByRole('article', { name: 'Stock sync' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Stock sync' });
    // Within the window as the merchant sees it (the box is measured from the viewport's top).
    const inView = async (locator: Locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= ui.page.viewportSize()!.height;
    };
    await ui.page.evaluate('window.scrollTo(0, 0)');
    await editor.getByRole('button', { name: 'Add header' }).click();
    await editor.getByRole('textbox', { name: 'Header', exact: true }).waitFor();
    // The same input whatever the language.
    const headerName = editor.locator('input[name="settings.headers.0.name"]');
    await headerName.fill('X Shop Key');
    // A name ending in `Key` makes the value a secret (a password input, no textbox): found by its field's name.
    await editor.locator('input[name="settings.headers.0.value"]').fill('k-123');
    await ui.page.evaluate('window.scrollTo(0, 0)');
    await editor.getByRole('button', { name: 'Save' }).click();
    const nameProblem = editor.getByText('A header name uses letters, digits and dashes only.');
    await nameProblem.waitFor();
    await expect(headerName.getAttribute('aria-describedby')).resolves.toBe(await nameProblem.getAttribute('id'));
    await expect.poll(() => inView(nameProblem)).toBe(true);
    await expect(editor.getByRole('alert').count()).resolves.toBe(0);

    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    await editor.getByRole('button', { name: 'Lưu' }).waitFor();
    await ui.page.evaluate('window.scrollTo(0, 0)');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    // The contract's own sentence, said again in Vietnamese rather than the generic one for its code.
    const inVietnamese = editor.getByText('Tên trường tiêu đề chỉ gồm chữ không dấu, chữ số và dấu gạch ngang.');
    await inVietnamese.waitFor();
    await expect.poll(() => inView(inVietnamese)).toBe(true);

    await headerName.fill('X-Shop-Key');
    const transform = editor.getByLabel('Thay đổi nội dung trước khi gửi: biểu thức do kỹ thuật viên viết (JSONata)');
    await transform.fill('{ "order": ');
    await ui.page.evaluate('window.scrollTo(0, 0)');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    // JSONata's words said in Vietnamese too, not left in English inside the sentence.
    const transformProblem = editor.getByText(
      /^Biểu thức chuyển đổi có lỗi \(tại ký tự \d+\): [^A-Z]+\. Hãy sửa trước khi lưu\.$/,
    );
    await transformProblem.waitFor();
    await expect(transform.getAttribute('aria-describedby')).resolves.toBe(await transformProblem.getAttribute('id'));
    await expect.poll(() => inView(transformProblem)).toBe(true);
    await expect(editor.getByText('Giá trị không đúng định dạng.').count()).resolves.toBe(0);

    const [stored] = (await ui.serve.api('listDestinations')).filter((destination) => destination.id === created.id);
    expect(stored!.settings).toMatchObject({ headers: [], transform: null });
    await ui.serve.api('putSettings', { body: { language: 'en' } });
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows an XML body formatted without its declaration, and copies as cURL with the kept-back key as a placeholder', async () => {
    const source = await ui.serve.api('createSource', {
      body: {
        name: 'Web counter',
        kind: 'generic',
        verification: { type: 'header', header: 'X-Shop-Key', value: 'k-1' },
      },
    });
    const xml = '<?xml version="1.0" encoding="UTF-8"?><order id="XML-7"><phone>0938474843</phone></order>';
    const answer = await post(source.ingestUrl, xml, {
      'content-type': 'application/xml',
      'x-event-type': 'order.add',
      'X-Shop-Key': 'k-1',
    });
    expect(answer.status).toBe(200);
    await ui.page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.serve.runtime.adminUrl });
    await open('Live log');
    await ui.page.getByTestId('log-row').filter({ hasText: 'Web counter' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await expect(drawer.getByTestId('body').textContent()).resolves.toBe(
      ['<order id="XML-7">', '  <phone>0938474843</phone>', '</order>'].join('\n'),
    );
    await drawer.getByRole('button', { name: 'Copy as a command for a technician (cURL)' }).click();
    await drawer.getByRole('button', { name: 'Copied' }).waitFor();
    const command = await ui.page.evaluate<string>('navigator.clipboard.readText()');
    expect(command).toContain(`-H 'x-shop-key: <paste the X-Shop-Key value>'`);
    expect(command).not.toContain('[redacted]');
    expect(command).toContain(`'${source.ingestUrl}'`);
    await ui.page.keyboard.press('Escape');
  });

  it('sizes status pills to their word, and draws the hourly chart on a y-axis of round numbers', async () => {
    const [counter] = (await ui.serve.api('listSources')).filter((source) => source.name === 'Web counter');
    const refused = await post(counter!.ingestUrl, '{"id":1}', {
      'content-type': 'application/json',
      'X-Shop-Key': 'wrong',
    });
    expect(refused.status).toBe(401);
    await open('Live log');
    const rejected = ui.page.getByTestId('log-row').filter({ hasText: 'Rejected' }).locator('.badge');
    await rejected.waitFor();
    const pill = (await rejected.boundingBox())!;
    const column = (await ui.page.locator('.log-head span').nth(1).boundingBox())!;
    expect(pill.width).toBeLessThan(column.width - 10);

    await open('Overview');
    const ticks = ui.page.getByTestId('chart-tick');
    await ticks.first().waitFor();
    const busiest = Math.max(
      ...(await ui.serve.api('getStats')).hourly.map(
        (hour) => hour.delivered + hour.received + hour.pending + hour.failed + hour.rejected,
      ),
    );
    // The page may still draw the figures it had before the refused post; they follow the live stream.
    await expect.poll(async () => Number((await ticks.allTextContents()).at(-1))).toBeGreaterThanOrEqual(busiest);
    const numbers = (await ticks.allTextContents()).map(Number);
    const step = numbers[1]! - numbers[0]!;
    expect(numbers[0]).toBe(0);
    expect(numbers).toEqual(numbers.map((_, index) => index * step));
    expect(numbers.at(-1)).toBeGreaterThanOrEqual(busiest);
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    expect(numbers.length).toBeLessThanOrEqual(6);
  });

  it('says how fast a destination usually answers once it has taken events', async () => {
    const sink = await startSink();
    await ui.serve.api('createDestination', { body: { name: 'Sheet', url: sink.url, events: ['order.add'] } });
    const [counter] = (await ui.serve.api('listSources')).filter((source) => source.name === 'Web counter');
    await post(counter!.ingestUrl, '{"id":"A-1"}', {
      'content-type': 'application/json',
      'x-event-type': 'order.add',
      'X-Shop-Key': 'k-1',
    });
    await sink.waitFor(1);
    await open('Destinations');
    const card = ui.page.getByRole('article', { name: 'Sheet' });
    await card.getByText(/^Usually answers within \d+(\.\d+)? s\.$/).waitFor();
    await expect(card.getByText('Nothing sent in the last 24 hours.').count()).resolves.toBe(0);
  });

  it('shows Send test event busy while the destination has not answered, then what it answered', async () => {
    // A destination that answers only when told to, so the page is seen while it waits.
    const held: ServerResponse[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => held.push(response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await ui.serve.api('createDestination', {
        body: { name: 'Slow CRM', url: `http://127.0.0.1:${port}/hook`, events: ['order.add'] },
      });
      await open('Destinations');
      const card = ui.page.getByRole('article', { name: 'Slow CRM' });
      await card.getByRole('button', { name: 'Send test event' }).click();
      const busy = card.getByRole('button', { name: 'Sending test…' });
      await busy.waitFor();
      await expect(busy.isDisabled()).resolves.toBe(true);
      await expect(busy.getAttribute('aria-busy')).resolves.toBe('true');
      await expect.poll(() => held.length).toBe(1);
      held[0]!.writeHead(204).end();
      await card.getByTestId('last-test').getByText('(the destination answered 204)', { exact: false }).waitFor();
      await expect(card.getByRole('button', { name: 'Send test event' }).isEnabled()).resolves.toBe(true);
      // Opened, the test says what it is, and not that Hookferry answered a sender: nobody sent it.
      await open('Live log');
      await ui.page.getByTestId('log-row').first().click();
      const drawer = ui.page.getByTestId('drawer');
      await drawer
        .getByText('A test event, sent with “Send test event” on the destination’s card.', { exact: false })
        .waitFor();
      await expect(drawer.getByText('answered the sender', { exact: false }).count()).resolves.toBe(0);
      await drawer.getByRole('button', { name: 'Close' }).click();
    } finally {
      for (const response of held) if (!response.writableEnded) response.end();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('shows a secret in a destination address as [redacted] on its card and in its editor, says why, and keeps it on Save', async () => {
    const sink = await startSink();
    await ui.serve.api('createDestination', {
      body: { name: 'Signed link', url: `${sink.url}?sig=QSIG-e2e-7f7f&shop=spiral`, events: ['order.add'] },
    });
    await open('Destinations');
    const card = ui.page.getByRole('article', { name: 'Signed link' });
    await card.getByText(`${sink.url}?sig=[redacted]&shop=spiral`, { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Signed link' });
    const address = editor.getByRole('textbox', { name: 'Address (URL)' });
    await expect(address.inputValue()).resolves.toBe(`${sink.url}?sig=[redacted]&shop=spiral`);
    await editor
      .getByTestId('url-secrets')
      .getByText(/^The value of sig in this address is a secret: it is kept encrypted and shown as \[redacted\]/)
      .waitFor();
    await editor
      .locator('fieldset')
      .first()
      .screenshot({ path: join(ARTIFACTS, 'destination-url-secret.png') });
    await address.fill(`${sink.url}?sig=[redacted]&shop=spiral-2`);
    await editor.getByRole('button', { name: 'Save' }).click();
    await card.getByText(`${sink.url}?sig=[redacted]&shop=spiral-2`, { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card.getByTestId('last-test').getByText('(the destination answered 200)', { exact: false }).waitFor();
    expect(sink.received[0]!.path).toBe('/hook?sig=QSIG-e2e-7f7f&shop=spiral-2');
    await expect(ui.page.content()).resolves.not.toContain('QSIG-e2e-7f7f');
  });

  it('never shows a last error in red under a green badge while a failing destination recovers', async () => {
    const sink = await startSink();
    let failing = true;
    sink.script(() => (failing ? { status: 500 } : { status: 200 }));
    const retry = { maxAttempts: 8, initialDelayMs: 300, multiplier: 1, maxDelayMs: 300 };
    await ui.serve.api('createDestination', {
      body: { name: 'Recovering', url: sink.url, events: ['order.add'], retry },
    });
    await open('Destinations');
    const card = ui.page.getByRole('article', { name: 'Recovering' });
    await card.waitFor();
    // Every badge and last-error look the card takes on, at every change of the page, not only when polled.
    await ui.page.evaluate(`(() => {
      const looks = (window.looks = []);
      const note = () => {
        const shown = document.querySelector('[aria-label="Recovering"]');
        const badge = shown?.querySelector('.badge')?.textContent ?? '-';
        const look = badge + '|' + (shown?.querySelector('[data-testid="last-error"]')?.className ?? '-');
        if (looks.at(-1) !== look) looks.push(look);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
      note();
    })()`);
    const [counter] = (await ui.serve.api('listSources')).filter((source) => source.name === 'Web counter');
    for (const id of ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'])
      await post(counter!.ingestUrl, JSON.stringify({ id }), {
        'content-type': 'application/json',
        'x-event-type': 'order.add',
        'X-Shop-Key': 'k-1',
      });
    await card.locator('.badge').getByText('Failing', { exact: true }).waitFor();
    failing = false;
    await card.locator('.badge').getByText('Healthy', { exact: true }).waitFor();
    await expect(card.getByTestId('last-error').getAttribute('class')).resolves.toBe('hint');
    const looks = await ui.page.evaluate<string[]>('window.looks');
    expect(looks.some((look) => /^Failing\|error-text\b/.test(look))).toBe(true);
    expect(
      looks.filter((look) => look.startsWith('Healthy|') && look !== 'Healthy|hint' && look !== 'Healthy|-'),
    ).toEqual([]);
  });

  it('names the shop’s systems a destination kind takes nothing from (WooCommerce for Zithara)', async () => {
    await open('Destinations');
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    const form = ui.page.getByRole('form', { name: 'Add destination' });
    const untaken = form.getByTestId('untaken-senders');
    await form.getByLabel('Kind').selectOption('zithara');
    // Teamcrop, which Zithara maps, is not named.
    expect((await untaken.count()) === 0 ? '' : await untaken.textContent()).not.toMatch(/Teamcrop/);
    await ui.serve.api('createSource', { body: { name: 'Woo shop', kind: 'woocommerce' } });
    await untaken
      .getByText(/^Zithara CRM takes no events from (.+, )?WooCommerce: those are not sent to this destination\.$/)
      .waitFor();
    // A webhook takes every system's events.
    await form.getByLabel('Kind').selectOption('webhook');
    await expect.poll(() => untaken.count()).toBe(0);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });

  // Last: it stops the engine (the page then logs its lost connections, after the console check above).
  it('says Hookferry is not running when a save gets no answer, and keeps what was typed', async () => {
    await open('Destinations');
    await ui.page.getByRole('article', { name: 'Sheet' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Sheet' });
    const name = editor.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Sheet (backup)');
    await ui.serve.stop();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').getByText('Hookferry is not running.', { exact: false }).waitFor();
    await expect(name.inputValue()).resolves.toBe('Sheet (backup)');
  });
});
