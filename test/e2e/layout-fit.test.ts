import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

type Box = { x: number; y: number; width: number; height: number };

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** Where each link of the menu is, from the first: the page may move the whole menu (a scrollbar), not one link. */
const menuBoxes = async (links: Locator) => {
  const boxes = await Promise.all((await links.all()).map(box));
  return boxes.map(({ x, y, width, height }) => ({ x: x - boxes[0]!.x, y: y - boxes[0]!.y, width, height }));
};

const box = async (locator: Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
};

/** The box of each menu link's word (its first text node), not of its padding. */
const menuWords = (page: Page) =>
  page.evaluate<Box[]>(`[...document.querySelectorAll('.top nav a')].map((link) => {
    const range = document.createRange();
    range.selectNodeContents([...link.childNodes].find((node) => node.nodeType === Node.TEXT_NODE));
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  })`);

/** Whether each input's placeholder fits in it, measured in its own font. */
const placeholdersFit = (page: Page) =>
  page.evaluate<{ placeholder: string; fits: boolean }[]>(`[...document.querySelectorAll('input[placeholder]')]
    .map((input) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { placeholder: input.placeholder, fits: context.measureText(input.placeholder).width <= room };
    })`);

/**
 * A shopkeeper's walk at 1366 px: a card's name ran into its badge ("(thử)Chưa gửi gì"), a source's warning into the
 * "Name" label under it, the name's example was cut, cards stood 275 px wide with their sentences in long columns,
 * and the menu held a gap beside "Failed" for a count that was not there.
 */
describe.skipIf(!hasChromium)('what sits side by side does not run together', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    viewport: { width: 1366, height: 800 },
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ đơn hàng (thử)', url: books.url, retry: once } });
      const crm = await startSink();
      await serve.api('createDestination', { body: { name: 'CRM khách hàng thân thiết', url: crm.url } });
    },
  });

  it('keeps names, badges, labels and the menu apart, in both languages', async () => {
    const { page, serve } = ui;
    for (const language of ['vi', 'en'] as const) {
      await setLanguage(serve, page, language);
      // The menu: "Failed" as wide as its word while nothing waits; its count, once something does, on the link's
      // corner, over no word of the menu, which does not move for it.
      const failedLink = page.locator('.top nav a').nth(2);
      const links = page.locator('.top nav a');
      const before = await menuBoxes(links);
      const [link, text] = [await box(failedLink), (await menuWords(page))[2]!];
      expect(link.width - text.width).toBeLessThanOrEqual(26);

      await openPage(page, language === 'vi' ? 'Nơi nhận' : 'Destinations');
      const cards = page.getByTestId('destination-card');
      await cards.nth(1).waitFor();
      for (const card of await cards.all()) {
        expect(apart(await box(card.locator('h4')), await box(card.locator('header .badge')))).toBe(true);
        expect((await box(card)).width).toBeGreaterThanOrEqual(340);
      }
      await screenshot(page, `layout-destinations-${language}`);

      await openPage(page, language === 'vi' ? 'Nguồn' : 'Sources');
      const warning = page.getByTestId('source-local-only');
      const nameLabel = page.locator('form .grid.fields label').first();
      expect((await box(nameLabel)).y - ((await box(warning)).y + (await box(warning)).height)).toBeGreaterThanOrEqual(
        8,
      );
      await page.getByRole('button', { name: language === 'vi' ? 'Thêm nguồn' : 'Add source' }).click();
      await page.locator('input[name="name"]').nth(1).waitFor();
      for (const input of await placeholdersFit(page)) expect(input).toEqual({ ...input, fits: true });
      await screenshot(page, `layout-sources-${language}`);

      if (language === 'vi') {
        expect((await post(await serve.posUrl(), order('GAP-1'), orderAdd)).status).toBe(200);
        await waitUntil(async () => (await serve.api('getStats')).open.failed === 1, 'the order in Failed');
      }
      const count = page.getByTestId('nav-failed-count');
      await count.waitFor();
      const after = await menuBoxes(links);
      expect(after).toEqual(before);
      await screenshot(page, `layout-menu-${language}`);
      const bubble = await box(count);
      for (const word of await menuWords(page))
        expect(apart(bubble, word), JSON.stringify({ bubble, word })).toBe(true);
    }
    expect(ui.problems).toEqual([]);
  }, 90_000);
});

/** How many lines `text` takes inside the element `selector` (the first whose text holds `holding`, else `text`). */
const linesOf = (page: Page, selector: string, text: string, holding = text) =>
  page.evaluate<number>(`(() => {
    const holder = [...document.querySelectorAll(${JSON.stringify(selector)})]
      .find((element) => element.textContent.includes(${JSON.stringify(holding)}));
    const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const whole = nodes.map((node) => node.data).join('');
    let start = whole.indexOf(${JSON.stringify(text)});
    const end = start + ${JSON.stringify(text)}.length;
    const range = document.createRange();
    let at = 0;
    for (const node of nodes) {
      if (start >= at && start <= at + node.length) range.setStart(node, start - at), (start = -1);
      if (end >= at && end <= at + node.length) { range.setEnd(node, end - at); break; }
      at += node.length;
    }
    return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
  })()`);

/** Where the controls of each fieldset's first row of fields end, by fieldset: side by side, they are in line. */
const controlBottoms = (page: Page, form: string) =>
  page.evaluate<{ legend: string; bottoms: number[] }[]>(`[...document.querySelector(${JSON.stringify(form)})
    .querySelectorAll('fieldset')].map((fieldset) => ({
      legend: fieldset.querySelector('legend')?.textContent,
      bottoms: [...(fieldset.querySelector(':scope > .grid')?.children ?? [])]
        .map((cell) => cell.querySelector('input, select')?.getBoundingClientRect().bottom)
        .filter((bottom) => bottom !== undefined)
        .map(Math.round),
    }))`);

/**
 * A Vietnamese shopkeeper's walk on small and common screens: at 800×600 the Overview's "Mở Lỗi gửi" stood one word a
 * line and an invoice number broke at its hyphen ("HN-" over "00004") on Failed (its amount, too, at the space before
 * "₫"); at 1366×768 the live log's search
 * example was cut ("…mã s"); a field's error in the Zithara form took its label out of line with its neighbours'.
 */
describe.skipIf(!hasChromium)('a shopkeeper’s screens, in Vietnamese', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    viewport: { width: 800, height: 600 },
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Webhook kế toán', url: books.url, retry: once } });
      // The walk's sources: their names and event types widen the live log's filters beside its search.
      const pos = await serve.posUrl();
      const posId = (await serve.api('listSources')).find((source) => source.name === 'POS')!.id;
      await serve.api('updateSource', { params: { id: posId }, body: { name: 'Teamcrop cửa hàng Hà Nội' } });
      await serve.api('createSource', { body: { name: 'Web WooCommerce', kind: 'woocommerce' } });
      for (const invoice of ['HN-00003', 'HN-00004'])
        expect((await post(pos, order(invoice), orderAdd)).status).toBe(200);
      await waitUntil(async () => (await serve.api('getStats')).open.failed === 2, 'the orders in Failed');
    },
  });

  it('keeps a banner’s link and an invoice number on one line at 800 px', async () => {
    const { page } = ui;
    await page.getByTestId('overview-failed').waitFor();
    await expect(linesOf(page, '[data-testid="overview-failed"]', 'Mở Lỗi gửi')).resolves.toBe(1);
    await screenshot(page, 'layout-800-overview-vi');
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    await page.getByTestId('failed-row').nth(1).waitFor();
    for (const [invoice, row] of [
      ['HN-00003', 'HN-00003'],
      ['HN-00004', 'HN-00004'],
      ['936.200 ₫', 'HN-00004'],
    ] as const)
      await expect(linesOf(page, '[data-testid="failed-row"] button', invoice, row)).resolves.toBe(1);
    await screenshot(page, 'layout-800-failed-vi');
  });

  it('shows the live log’s search example whole at 1366×768', async () => {
    const { page } = ui;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openPage(page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    for (const input of await placeholdersFit(page)) expect(input).toEqual({ ...input, fits: true });
    await screenshot(page, 'layout-1366-log-vi');
  });

  it('keeps the fields of a row in line when one of them says its error (Zithara, no address)', async () => {
    const { page } = ui;
    // As the walk saw it: each fieldset's first fields in one row.
    await page.setViewportSize({ width: 1366, height: 768 });
    await openPage(page, 'Nơi nhận', 'Nơi nhận');
    await page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
    const form = page.getByRole('form', { name: 'Thêm nơi nhận' });
    await form.getByLabel('Loại').selectOption('zithara');
    await form.getByRole('textbox', { name: 'Tên', exact: true }).fill('Zithara 2');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.locator('.field-error').nth(2).waitFor();
    const rows = await controlBottoms(page, 'form[aria-label="Thêm nơi nhận"]');
    expect(rows.filter((row) => row.bottoms.length > 1).length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(new Set(row.bottoms).size, JSON.stringify(row)).toBeLessThanOrEqual(1);
    await screenshot(page, 'layout-1366-zithara-errors-vi');
    expect(ui.problems).toEqual([]);
  });
});
