import { describe, expect, it } from 'vitest';
import { webhookRequest } from '../../main/delivery/kinds/webhook.js';
import type { ActiveDestination } from '../../main/store/destinations.js';

describe('a destination saved before its headers were checked', () => {
  it('never sends a stored header that frames the request or that Hookferry sets', () => {
    const destination = {
      url: 'http://127.0.0.1:9/',
      timeoutMs: 1000,
      secrets: { signingSecret: 'whsec_' + Buffer.from('k'.repeat(32)).toString('base64') },
      settings: {
        method: 'POST',
        bodyMode: 'raw',
        transform: null,
        headers: [
          { name: 'Content-Length', value: '1', secret: false },
          { name: 'Transfer-Encoding', value: 'chunked', secret: false },
          { name: 'Host', value: 'elsewhere', secret: false },
          { name: 'webhook-id', value: 'fixed', secret: false },
          { name: 'Webhook-Signature', value: 'v1,forged', secret: false },
          { name: 'Proxy-Authorization', value: 'x', secret: false },
          { name: 'X-Shop', value: 'kept', secret: false },
        ],
      },
    } as unknown as ActiveDestination;
    const event = {
      id: 'evt_1',
      type: 'order.add',
      sourceName: 'POS',
      contentType: 'application/json',
      body: Buffer.from('{}'),
      parsed: {},
      stored: null,
    };
    const { headers } = webhookRequest(destination, event, { body: event.body, contentType: 'application/json' });
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-signature']).toMatch(/^v1,(?!forged)/);
    expect(headers['x-shop']).toBe('kept');
    for (const name of ['content-length', 'transfer-encoding', 'host', 'proxy-authorization'])
      expect(headers).not.toHaveProperty(name);
  });
});
