import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * A deleted destination keeps its history. Before, deleting one turned the orders that had failed there (and been
 * delivered elsewhere) into "Delivered", and their drawers no longer listed it nor its failed tries.
 */
describe.skipIf(!hasChromium)('a deleted destination in the pages (Chromium, real serve)', () => {
  const ui = useDashboard({ timeout: 90_000 });
  const shot = (name: string) => screenshot(ui.page, name);

  it('asks with what happens, then keeps its delivery and tries in the drawer under its name marked deleted', async () => {
    const good = await startSink();
    const broken = await startSink();
    broken.script(() => ({ status: 500 }));
    await ui.serve.api('createDestination', { body: { name: 'Good CRM', url: good.url, events: ['order.add'] } });
    await ui.serve.api('createDestination', {
      body: {
        name: 'Broken Sheet',
        url: broken.url,
        events: ['order.add'],
        retry: { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    const pos = await ui.serve.posUrl();
    const id = String((await post(pos, order('INV-002'), orderAdd)).json.id);
    await expect
      .poll(async () => (await ui.serve.api('getEvent', { params: { id } })).outcome, { timeout: 30_000 })
      .toBe('partlyDelivered');

    await openPage(ui.page, 'Destinations', 'Destinations');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Broken Sheet' });
    await card.getByRole('button', { name: 'Edit' }).click();
    await ui.page.getByRole('button', { name: 'Delete', exact: true }).click();
    const ask = ui.page.getByTestId('delete-confirm');
    // Before: "Its waiting and failed events are given up there", no count; and the confirm button blue.
    await ask
      .getByText(
        'Delete “Broken Sheet”? 1 event waiting in Failed will be given up there; what it received stays in each event’s history.',
        { exact: true },
      )
      .waitFor();
    expect(await ask.getByRole('button', { name: 'Delete for good' }).getAttribute('class')).toBe('danger');
    await shot('deleted-history-ask-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await ask
      .getByText(
        'Xóa “Broken Sheet”? 1 sự kiện đang chờ trong Lỗi gửi sẽ bị bỏ ở đó; những gì nó đã nhận vẫn nằm trong lịch sử của từng sự kiện.',
        { exact: true },
      )
      .waitFor();
    await shot('deleted-history-ask-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    await ask.getByRole('button', { name: 'Delete for good' }).click();
    await card.waitFor({ state: 'detached' });

    await ui.page.evaluate(`window.location.hash = '#/log?event=${id}'`);
    const drawer = ui.page.getByTestId('drawer');
    // Before: "Delivered", and only Good CRM's delivery listed.
    await drawer.locator('.summary-line .badge').getByText('Part given up', { exact: true }).waitFor();
    const kept = drawer.getByTestId('delivery').filter({ hasText: '“Broken Sheet” (deleted)' });
    // Before: "deleted before the event got there" over its three failed tries, and "Resend to all sends it to the
    // destinations that take it now" where the only one, Good CRM, had it: Resend to all led to the duplicate question.
    await kept
      .getByTestId('given-up-at-deletion')
      .getByText(
        'This destination was deleted while the event waited there after tries that did not go through, so the event was given up here; those tries are listed below.',
        { exact: true },
      )
      .waitFor();
    expect(await kept.getByTestId('attempt').count()).toBe(3);
    // Nothing more goes there: no Resend on its delivery, while Good CRM's keeps one.
    expect(await kept.getByRole('button', { name: 'Resend' }).count()).toBe(0);
    await drawer
      .getByTestId('delivery')
      .filter({ hasText: 'Good CRM' })
      .getByRole('button', { name: 'Resend' })
      .waitFor();
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'INV-002' });
    await row.locator('.badge').getByText('Part given up', { exact: true }).waitFor();
    await shot('deleted-history-drawer-en');

    // A destination that takes it now and has not got it: there, and only there, Resend to all is the way.
    await ui.serve.api('createDestination', { body: { name: 'Kho', url: good.url, events: ['order.add'] } });
    await kept
      .getByTestId('given-up-at-deletion')
      .getByText(
        'This destination was deleted while the event waited there after tries that did not go through, so the event was given up here; those tries are listed below. Resend to all sends it to “Kho”, which takes this event now and has not got it.',
        { exact: true },
      )
      .waitFor();

    await setLanguage(ui.serve, ui.page, 'vi');
    await drawer
      .getByTestId('delivery')
      .filter({ hasText: '“Broken Sheet” (đã xóa)' })
      .getByTestId('given-up-at-deletion')
      .getByText(
        'Nơi nhận này đã bị xóa trong lúc sự kiện đang chờ ở đó sau các lần gửi không thành công, nên sự kiện đã bị bỏ ở đây; các lần gửi đó được liệt kê bên dưới. Bấm Gửi lại tất cả để gửi tới “Kho”: nơi đang nhận loại sự kiện này mà chưa nhận được nó.',
        { exact: true },
      )
      .waitFor();
    await shot('deleted-history-drawer-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    expect(ui.problems).toEqual([]);
  }, 90_000);
});
