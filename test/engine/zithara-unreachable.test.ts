import { describe, expect, it } from 'vitest';
import { reasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * Zithara not reached (nothing listening at its address) is said as that, with what to check, not as the client id
 * and secret refused, nor as "is the receiving program running?", which a shopkeeper cannot act on for Zithara.
 */
describe('a Zithara destination that cannot be reached (real serve, fake Zithara on 127.0.0.1)', () => {
  it('says Zithara could not be reached at its address, keeping "refused the client id and secret" for a 401', async () => {
    const zithara = await startFakeZithara();
    const serve = await startServe(tempDir());
    const zitharaDestination = (name: string, clientSecret: string) =>
      serve.api('createDestination', {
        body: {
          name,
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['order.add'],
          retry: { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 },
          settings: { clientId: zithara.clientId, clientSecret, phoneCountryCode: '84', currency: 'VND' },
        },
      });
    const wrongKey = await zitharaDestination('Wrong key', 'not-the-secret');
    expect(await serve.api('testDestination', { params: { id: wrongKey.id } })).toMatchObject({
      ok: false,
      reason: { code: 'zithara.refused' },
    });
    await serve.api('deleteDestination', { params: { id: wrongKey.id } });

    const crm = await zitharaDestination('Zithara CRM', zithara.clientSecret);
    const host = new URL(zithara.baseUrl).host;
    await zithara.close();
    const tested = await serve.api('testDestination', { params: { id: crm.id } });
    const english = `Hookferry could not reach Zithara at ${host} (nothing answered at that address), so it could not ask for access and sent nothing; the client id and secret were not checked. Check the “Zithara API address” in this destination's settings (Edit on its card under Destinations) and this PC's internet connection.`;
    expect(tested).toMatchObject({ ok: false, reason: { code: 'zithara.unreachable' }, error: english });

    const sent = await post(await serve.posUrl(), teamcropOrderRaw, {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    const attempt = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: String(sent.json.id) } });
      return event.deliveries[0]?.attempts[0] ?? null;
    }, 'the order’s first try');
    expect(attempt).toMatchObject({ category: 'network', error: english, reason: { code: 'zithara.unreachable' } });
    expect(reasonText(translatorFor('en'), attempt.reason, attempt.error!)).toBe(english);
    expect(reasonText(translatorFor('vi'), attempt.reason, attempt.error!)).toBe(
      `Hookferry không kết nối được tới Zithara tại ${host} (không có gì trả lời tại địa chỉ đó), nên chưa xin được quyền truy cập và chưa gửi gì; mã “Client ID” và khóa “Client Secret” chưa được kiểm tra. Hãy kiểm tra “Địa chỉ máy chủ Zithara” trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận) và kết nối internet của máy này.`,
    );
    await serve.stop();
  });
});
