import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSecretHeader, REDACTED, redactHeaders } from '../../main/lib/redact.js';
import { verificationFailure } from '../../main/intake/verify.js';

const body = Buffer.from('{"id":1}');
const sign = (secret: string, encoding: 'hex' | 'base64') => createHmac('sha256', secret).update(body).digest(encoding);

/** The English sentence of a refusal, or null when the request passes. */
const failure = (...args: Parameters<typeof verificationFailure>) => verificationFailure(...args)?.message ?? null;

describe('verification', () => {
  const shopify = {
    type: 'hmac' as const,
    header: 'X-Shopify-Hmac-Sha256',
    encoding: 'base64' as const,
    secret: 'shpss_1',
  };

  it('accepts a correct Shopify/WooCommerce style base64 signature and refuses a wrong one', () => {
    expect(failure(shopify, { 'x-shopify-hmac-sha256': sign('shpss_1', 'base64') }, body)).toBeNull();
    expect(failure(shopify, { 'x-shopify-hmac-sha256': sign('other', 'base64') }, body)).toMatch(
      /does not match the body/,
    );
    expect(failure(shopify, {}, body)).toBe('The signature header X-Shopify-Hmac-Sha256 is missing.');
  });

  it('accepts a hex signature with or without a sha256= prefix', () => {
    const generic = { type: 'hmac' as const, header: 'X-Signature', encoding: 'hex' as const, secret: 's3cret!' };
    expect(failure(generic, { 'x-signature': sign('s3cret!', 'hex') }, body)).toBeNull();
    expect(failure(generic, { 'x-signature': `sha256=${sign('s3cret!', 'hex').toUpperCase()}` }, body)).toBeNull();
    expect(failure(generic, { 'x-signature': sign('s3cret!', 'hex') }, Buffer.from('{"id":2}'))).not.toBeNull();
  });

  it('matches a value or secret stored with spaces around it (pasted), as no header can carry them', () => {
    const header = { type: 'header' as const, header: 'X-Shop-Key', value: '  shop key 123 ' };
    expect(failure(header, { 'x-shop-key': 'shop key 123' }, body)).toBeNull();
    const hmac = { type: 'hmac' as const, header: 'X-Signature', encoding: 'hex' as const, secret: ' s3cret!\n' };
    expect(failure(hmac, { 'x-signature': sign('s3cret!', 'hex') }, body)).toBeNull();
  });

  it('checks a required header and value', () => {
    const header = { type: 'header' as const, header: 'X-Shop-Key', value: 'k-123' };
    expect(failure(header, { 'x-shop-key': 'k-123' }, body)).toBeNull();
    expect(failure(header, { 'x-shop-key': 'k-124' }, body)).toBe(
      'The X-Shop-Key header does not carry the expected value. Make the value in the sender’s webhook the same as in Hookferry → Sources. Hookferry does not show a saved value again: if you no longer have it, press Generate on this source in Hookferry → Sources, save, and enter the new value in the sender.',
    );
    expect(failure(header, {}, body)).toBe(
      'The X-Shop-Key header is missing. Add it to the sender’s webhook as a custom header, with the value set in Hookferry → Sources.',
    );
  });

  it('answers 401 with a reason code and its parameters beside the sentence', () => {
    expect(verificationFailure(shopify, {}, body)).toEqual({
      status: 401,
      message: 'The signature header X-Shopify-Hmac-Sha256 is missing.',
      reason: { code: 'intake.signatureMissing', params: { header: 'X-Shopify-Hmac-Sha256' } },
    });
  });

  it('refuses everything when the stored secret no longer opens', () => {
    expect(failure({ ...shopify, secret: null }, { 'x-shopify-hmac-sha256': sign('shpss_1', 'base64') }, body)).toMatch(
      /no usable secret/,
    );
  });
});

describe('header redaction', () => {
  it('hides credentials, cookies, signatures, token-like names and the verified header', () => {
    const out = redactHeaders(
      {
        Authorization: 'Bearer abc',
        cookie: 'sid=1',
        'x-shopify-hmac-sha256': 'sig',
        'x-api-key': 'k',
        'x-access-token': 't',
        'x-shop-key': 'merchant-password',
        'tc-webhook-event': 'order.add',
        'content-type': 'application/json',
      },
      ['X-Shop-Key'],
    );
    expect(out).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-shopify-hmac-sha256': REDACTED,
      'x-api-key': REDACTED,
      'x-access-token': REDACTED,
      'x-shop-key': REDACTED,
      'tc-webhook-event': 'order.add',
      'content-type': 'application/json',
    });
  });

  it('treats a name as secret when one of its parts begins or ends with a sensitive word', () => {
    const secret = [
      'X-Shop-Key',
      'X-Access-Key',
      'Private-Key',
      'X-Pass',
      'X-Csrf',
      'X-XSRF-TOKEN',
      'X-Api-Key',
      'apikey',
      'Password',
      'X-Client-Secret',
      'Proxy-Authorization',
      'Set-Cookie',
      'X-Session-Id',
      'X-Hub-Signature-256',
      'X-Amz-Security-Token',
      'X_Auth_Token',
      'X-Pwd',
      'X-Jwt',
      'X-Bearer',
      'X-Otp',
      'X-Pin',
      'X-Private',
      'X-Signing',
      'X-Sig',
    ];
    const plain = [
      'Keep-Alive',
      'Content-Type',
      'Content-Length',
      'User-Agent',
      'Tc-Webhook-Event',
      'X-Shopify-Topic',
      'X-WC-Webhook-Delivery-ID',
      'X-Request-Id',
      'Accept-Encoding',
    ];
    expect(secret.filter((name) => !isSecretHeader(name))).toEqual([]);
    expect(plain.filter((name) => isSecretHeader(name))).toEqual([]);
  });
});
