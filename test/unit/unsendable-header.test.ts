import { afterAll, describe, expect, it } from 'vitest';
import { ZitharaTokens } from '../../main/delivery/kinds/zithara/token.js';
import { Sender } from '../../main/delivery/send.js';
import { reasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import type { ActiveDestination } from '../../main/store/destinations.js';

/**
 * A header Node refuses to write (a saved value from before values were checked) fails before anything goes on
 * the wire: said as the setting to fix, never as a network fault, and not retried on the network's schedule.
 */
describe('a request Node refuses to build', () => {
  const sender = new Sender();
  afterAll(() => sender.close());
  // Port 9 on loopback: nothing listens, so a try that reached the network would say "refused" instead.
  const url = 'http://127.0.0.1:9/hook';

  it('is a settings problem naming the header, for any destination', async () => {
    for (const value of ['one\r\ntwo', 'mậtkhẩu', '€', 'nul\0']) {
      const outcome = await sender.send('d1', 1, {
        url,
        method: 'POST',
        headers: { 'x-shop-key': value },
        timeoutMs: 2000,
      });
      expect(outcome).toMatchObject({
        category: 'invalid',
        httpStatus: null,
        reason: { code: 'delivery.headerUnsendable' },
      });
      expect(outcome.error).toBe(
        'Hookferry could not send to 127.0.0.1:9: the x-shop-key header saved in this destination holds a line break, a control character or a letter outside Latin-1 (such as a Vietnamese accent), which no web request can carry, so nothing was sent. Edit the destination, type that value again on one line without them, then resend.',
      );
      expect(reasonText(translatorFor('vi'), outcome.reason, outcome.error!)).toMatch(
        /^Hookferry không gửi được tới 127\.0\.0\.1:9/,
      );
    }
  });

  it('is said for Zithara as its client id or secret to type again, not as Zithara unreachable', async () => {
    const destination = {
      id: 'z1',
      url: 'http://127.0.0.1:9/v1',
      concurrency: 1,
      timeoutMs: 2000,
      settings: { clientId: 'shop-1', phoneCountryCode: '84', currency: 'VND' },
      secrets: { clientSecret: 'mậtkhẩu-zithara-2026' },
    } as unknown as ActiveDestination;
    const token = await new ZitharaTokens(sender).get(destination);
    expect(token).toMatchObject({
      failure: { category: 'invalid', final: true, reason: { code: 'zithara.credentialsUnsendable' } },
    });
    const { failure } = token as { failure: { error: string } };
    expect(failure.error).toMatch(/^The Zithara client id or secret saved in this destination holds/);
  });
});
