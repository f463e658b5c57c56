import { describe, expect, it } from 'vitest';
import { classifyNgrokError } from '../../main/public-address/ngrok-errors.js';

const authtoken = '2Zq9FakeAuthtokenForTests_7xKpLmNoPqRsTuVwXyZ';
const context = { authtoken, domain: 'my-shop.ngrok-free.dev' };

/** An error as the SDK throws it: its message ends with `error_code: …`, which its wrapper copies to `errorCode`. */
function sdkError(message: string, code?: string): Error {
  const error = new Error(code ? `${message} error_code: ${code}` : message);
  if (code) Object.assign(error, { errorCode: code });
  return error;
}

describe('what an ngrok failure means for the merchant', () => {
  it('a wrong authtoken, without quoting it back', () => {
    const found = classifyNgrokError(
      sdkError(
        `failed to connect session: authentication failed: The authtoken you specified does not look like a proper ngrok authtoken.\nYour authtoken: ${authtoken}\nInstructions to install your authtoken are on your ngrok dashboard:\nhttps://dashboard.ngrok.com/get-started/your-authtoken`,
        'ERR_NGROK_105',
      ),
      context,
    );
    expect(found.reason).toEqual({ code: 'public-address-authtoken', params: { ngrokCode: 'ERR_NGROK_105' } });
    expect(found.retry).toBe(false);
    expect(found.sentence).toMatch(/did not accept the authtoken/);
    expect(JSON.stringify(found)).not.toContain(authtoken);
    expect(
      classifyNgrokError(sdkError('failed to connect session: authentication failed', 'ERR_NGROK_107'), context).reason
        .code,
    ).toBe('public-address-authtoken');
  });

  it('a domain that is not on the account', () => {
    const found = classifyNgrokError(
      sdkError(
        "failed to start listener: Custom subdomains are a feature on ngrok's paid plans.\nFailed to bind the custom subdomain 'my-shop' for the account 'shop@example.com'.\nThis account is on the 'Free' plan.",
        'ERR_NGROK_313',
      ),
      context,
    );
    expect(found.reason).toEqual({
      code: 'public-address-domain',
      params: { ngrokCode: 'ERR_NGROK_313', domain: 'my-shop.ngrok-free.dev' },
    });
    expect(found.sentence).toContain('my-shop.ngrok-free.dev');
    expect(found.retry).toBe(false);
    expect(
      classifyNgrokError(sdkError('This domain is reserved for another account.', 'ERR_NGROK_320'), context).reason
        .code,
    ).toBe('public-address-domain');
  });

  it('the plan’s limit, and an address online elsewhere: both worth trying again', () => {
    for (const code of ['ERR_NGROK_108', 'ERR_NGROK_324', 'ERR_NGROK_18021']) {
      const found = classifyNgrokError(sdkError('limit', code), context);
      expect(found.reason.code).toBe('public-address-plan-limit');
      expect(found.retry).toBe(true);
    }
    const inUse = classifyNgrokError(
      sdkError(
        'failed to start listener: The endpoint https://my-shop.ngrok-free.dev is already online.',
        'ERR_NGROK_334',
      ),
      context,
    );
    expect(inUse.reason.code).toBe('public-address-in-use');
    expect(inUse.retry).toBe(true);
  });

  it('no internet: the SDK never reached ngrok', () => {
    for (const message of [
      'failed to connect session: failed to establish tcp connection',
      'failed to connect session: timed out',
      'failed to resolve host connect.ngrok-agent.com: dns error',
    ]) {
      const found = classifyNgrokError(new Error(message), context);
      expect(found.reason.code, message).toBe('public-address-offline');
      expect(found.retry).toBe(true);
    }
  });

  it('anything else: ngrok’s own words, as a sentence', () => {
    const found = classifyNgrokError(
      sdkError('failed to start listener: Something new happened', 'ERR_NGROK_9999'),
      context,
    );
    expect(found.reason.code).toBe('public-address-failed');
    expect(found.sentence).toBe(
      'ngrok could not open the public address: failed to start listener: Something new happened error_code: ERR_NGROK_9999. Hookferry keeps trying by itself.',
    );
  });
});
