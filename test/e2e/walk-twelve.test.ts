import { expect, describe, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const INTAKE = 25111;
const ADMIN = 25112;
const MOVED = 25113;

/** The twelfth session's shopkeeper's walk (Vietnamese dashboard): what Settings, a test and a card said untrue. */
describe.skipIf(!hasChromium)('what a save, a test and a new address say (Chromium, real serve)', () => {
  const ui = useDashboard({
    expected: /status of 400/,
    // Two starts (the ports saved, then started where Settings say) and the browser.
    timeout: 90_000,
    // Started where Settings say (no --port), on this file's own ports, so a save moves the intake.
    start: async () => {
      const dir = tempDir();
      const first = await startServe(
        dir,
        ['--port', String(INTAKE), '--admin-port', String(ADMIN)],
        undefined,
        {},
        'settings',
        'settings',
      );
      await first.api('putSettings', { body: { intake: { port: INTAKE }, adminPort: ADMIN } });
      await first.stop();
      return startServe(dir, [], undefined, {}, 'settings', 'settings');
    },
  });
  const open = (link: string, heading = link) => openPage(ui.page, link, heading);
  const save = (name: string) => ui.page.getByRole('button', { name, exact: true }).click();
  const moved = () => ui.page.getByTestId('intake-moved');
  /** The intake's address as the senders are given it, read from Sources' addresses. */
  const intakeNow = async () => new URL((await ui.serve.api('listSources'))[0]!.ingestUrl).origin;

  it('says the shop’s network, not the port, when only the network box changed; both when both did', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await open('Cài đặt');
    const lan = ui.page.getByLabel('Nhận sự kiện từ thiết bị khác trong mạng cửa hàng');
    await lan.check();
    await save('Lưu');
    await expect.poll(async () => (await ui.serve.api('getStats')).listening.intake.host).toBe('0.0.0.0');
    const onNetwork = await intakeNow();
    await moved()
      .getByText(`Đã lưu. Hookferry giờ nhận sự kiện từ mạng của cửa hàng tại ${onNetwork}: hãy đưa địa chỉ này`, {
        exact: false,
      })
      .waitFor();
    await expect(moved().textContent()).resolves.not.toContain('Cổng nhận giờ là');
    await screenshot(ui.page, 'walk12-on-network-vi');

    await lan.uncheck();
    await save('Lưu');
    await moved()
      .getByText(
        `Đã lưu. Hookferry giờ chỉ nhận sự kiện từ máy tính này (http://127.0.0.1:${INTAKE}): các thiết bị khác trong mạng cửa hàng không gửi tới được nữa`,
        { exact: false },
      )
      .waitFor();
    await expect(moved().textContent()).resolves.not.toContain('Cổng nhận giờ là');

    await setLanguage(ui.serve, ui.page, 'en');
    const lanEn = ui.page.getByLabel('Accept webhooks from other devices on the shop’s network');
    await lanEn.check();
    await save('Save');
    await moved()
      .getByText(`Saved. Hookferry now receives from the shop’s network at ${onNetwork}: give this address`, {
        exact: false,
      })
      .waitFor();
    await expect(moved().textContent()).resolves.not.toContain('port is now');
    await screenshot(ui.page, 'walk12-on-network-en');

    // Both: off the network and on another port.
    await lanEn.uncheck();
    await ui.page.getByLabel('Intake port').fill(String(MOVED));
    await save('Save');
    await moved()
      .getByText(
        `Saved. Hookferry now accepts events only from this PC, on the new port ${MOVED} (http://127.0.0.1:${MOVED}): devices on the shop’s network can no longer send to it, and a sender on this PC needs its new address (“POS”)`,
        { exact: false },
      )
      .waitFor();
    await screenshot(ui.page, 'walk12-this-pc-moved-en');
    // And back onto the network on the first port: both again.
    await lanEn.check();
    await ui.page.getByLabel('Intake port').fill(String(INTAKE));
    await save('Save');
    await moved()
      .getByText(`Saved. Hookferry now receives from the shop’s network, on the new port ${INTAKE}, at ${onNetwork}`, {
        exact: false,
      })
      .waitFor();
    await lanEn.uncheck();
    await save('Save');
    await moved().getByText('Saved. Hookferry now accepts events only from this PC', { exact: false }).waitFor();
  }, 90_000);

  it('shows every problem of Settings at the first Save: the same port twice and a retention of 0 together', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await open('Cài đặt');
    await ui.page.getByLabel('Cổng nhận', { exact: true }).fill(String(ADMIN));
    await ui.page.getByLabel('Giữ sự kiện trong (ngày)').fill('0');
    await save('Lưu');
    const intakeField = ui.page.locator('label').filter({ hasText: 'Cổng nhận' }).first();
    const retentionField = ui.page.locator('label').filter({ hasText: 'Giữ sự kiện trong (ngày)' });
    await retentionField.getByText('Giá trị nhỏ nhất là 1.').waitFor();
    await intakeField
      .getByText(`Cổng nhận và cổng bảng điều khiển đều là ${ADMIN}, nên Hookferry sẽ không khởi động được.`, {
        exact: false,
      })
      .waitFor();
    await screenshot(ui.page, 'walk12-every-problem-vi');
    // Nothing was saved.
    const saved = await ui.serve.api('getSettings');
    expect(saved.intake.port).toBe(INTAKE);
    expect(saved.retentionDays).toBeGreaterThan(0);

    await setLanguage(ui.serve, ui.page, 'en');
    await save('Save');
    await ui.page
      .locator('label')
      .filter({ hasText: 'Intake port' })
      .first()
      .getByText(`The intake port and the dashboard port are both ${ADMIN}`, { exact: false })
      .waitFor();
    await ui.page.locator('label').filter({ hasText: 'Keep events for (days)' }).getByTestId('field-error').waitFor();
    // Fixed, it saves.
    await ui.page.getByLabel('Intake port').fill(String(INTAKE));
    await ui.page.getByLabel('Keep events for (days)').fill('30');
    await save('Save');
    await expect.poll(async () => (await ui.serve.api('getSettings')).retentionDays).toBe(30);
    await expect(ui.page.getByTestId('field-error').count()).resolves.toBe(0);
  }, 60_000);

  it('says orders will fail too when a Zithara test was refused its client id and secret, without pointing at its own card', async () => {
    const zithara = await startFakeZithara();
    await ui.serve.api('createDestination', {
      body: {
        name: 'Zithara',
        kind: 'zithara',
        url: zithara.baseUrl,
        events: ['order.add'],
        settings: { clientId: zithara.clientId, clientSecret: 'not-the-secret', phoneCountryCode: '84' },
      },
    });
    await setLanguage(ui.serve, ui.page, 'vi');
    await open('Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Zithara' });
    await card.getByRole('button', { name: 'Gửi sự kiện thử', exact: true }).click();
    const line = card.getByTestId('last-test');
    await line
      .getByText(
        /^Lần gửi sự kiện thử gần nhất, lúc .+, không thành công: Zithara từ chối mã “Client ID” và khóa “Client Secret” \(mã 401\)\. Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này \(bấm Sửa bên dưới\), rồi gửi thử lại\. Đơn hàng cũng sẽ không gửi được cho đến khi mã “Client ID” và khóa “Client Secret” được sửa đúng/,
      )
      .waitFor();
    await expect(line.textContent()).resolves.not.toContain('vẫn được gửi');
    // Nor, above it, that the first order will be sent as soon as it comes.
    await expect(card.getByTestId('never-sent').textContent()).resolves.toBe('Chưa gửi gì tới nơi nhận này.');
    await expect(card.textContent()).resolves.not.toContain('trên thẻ của nó');
    await screenshot(ui.page, 'walk12-zithara-test-vi');

    await setLanguage(ui.serve, ui.page, 'en');
    await line
      .getByText(
        /^Last test event, at .+, did not go through: Zithara refused the client id and secret \(401[^)]*\)\. Check them in this destination's settings \(Edit below\), then send a test again\. Orders will not go through either until the client id and secret are corrected/,
      )
      .waitFor();
    await expect(line.textContent()).resolves.not.toContain('still sent');
    await expect(card.getByTestId('never-sent').textContent()).resolves.toBe('Nothing has been sent here yet.');
    await expect(card.textContent()).resolves.not.toContain('on its card');
    await screenshot(ui.page, 'walk12-zithara-test-en');
    // On the Overview, whose cards have no Edit, it still says where Edit is.
    await open('Overview');
    await ui.page
      .getByTestId('destination-card')
      .filter({ hasText: 'Zithara' })
      .getByTestId('last-test')
      .getByText('(Edit on its card under Destinations)', { exact: false })
      .waitFor();
  }, 60_000);

  it('names the system to update when a WooCommerce source gets a new address, not a POS', async () => {
    await ui.serve.api('createSource', {
      body: { name: 'Web shop', kind: 'woocommerce', verification: { type: 'hmac', secret: 'woo-webhook-secret' } },
    });
    await setLanguage(ui.serve, ui.page, 'vi');
    await open('Nguồn');
    const form = ui.page.getByRole('form', { name: 'Web shop' });
    await form.getByRole('button', { name: 'Tạo địa chỉ mới', exact: true }).click();
    const confirm = ui.page.getByTestId('regenerate-confirm');
    await confirm
      .getByText(
        'Tạo địa chỉ mới cho “Web shop”? Địa chỉ cũ ngừng hoạt động ngay; hãy cập nhật địa chỉ mới trong WooCommerce.',
      )
      .waitFor();
    await expect(confirm.textContent()).resolves.not.toContain('POS');
    await screenshot(ui.page, 'walk12-regenerate-woo-vi');
    await confirm.getByRole('button', { name: 'Hủy', exact: true }).click();

    // The generic POS source: whoever sends to it, said so.
    await ui.page
      .getByRole('form', { name: 'POS' })
      .getByRole('button', { name: 'Tạo địa chỉ mới', exact: true })
      .click();
    await confirm
      .getByText('Địa chỉ cũ ngừng hoạt động ngay; hãy cập nhật địa chỉ mới trong hệ thống gửi tới địa chỉ này.', {
        exact: false,
      })
      .waitFor();
    await setLanguage(ui.serve, ui.page, 'en');
    await confirm
      .getByText('The old one stops working at once; put the new one in the system that sends to this address.', {
        exact: false,
      })
      .waitFor();
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    await ui.page
      .getByRole('form', { name: 'Web shop' })
      .getByRole('button', { name: 'New address', exact: true })
      .click();
    await confirm
      .getByText(
        'Make a new address for “Web shop”? The old one stops working at once; put the new one in WooCommerce.',
      )
      .waitFor();
    await screenshot(ui.page, 'walk12-regenerate-woo-en');
  }, 60_000);
});
