import { describe, expect, it } from 'vitest';
import { contextOf, LINE_EVENTS_READ } from '../../main/delivery/kinds/zithara/context.js';
import type { StoredBody } from '../../main/store/body-format.js';

const json = (body: string): StoredBody => ({
  parsed: null,
  status: 'received',
  body: Buffer.from(body),
  content_type: 'application/json',
});
const options = { currency: 'VND', phoneCountryCode: '' };

describe('the stored order and lines a Zithara mapping reads', () => {
  it('passes over stored bodies of any shape that mention the order id, and reads the rest', () => {
    const odd = [
      json('{"note":"91"}'),
      json('"91"'),
      json('[91]'),
      json('{"order_id": 91'),
      json(`${'['.repeat(5_000)}91${']'.repeat(5_000)}`),
      {
        parsed: '{"orderitem":"91"}',
        status: 'received',
        body: Buffer.from('<orderitem>91</orderitem>'),
        content_type: 'application/xml',
      },
      { ...json('{"id":1,"order_id":91}'), status: 'rejected' },
    ];
    const lines = [
      json('\uFEFF{"id":2,"order_id":91,"quantity":1}'),
      {
        parsed: '{"orderitem":{"id":"1","order_id":"91"}}',
        status: 'received',
        body: Buffer.from('<x/>'),
        content_type: 'application/xml',
      },
    ];
    const context = contextOf(options, (orderId, which) => {
      expect(orderId).toBe('91');
      return which === 'orders'
        ? [...odd, json('{"id":91,"invoice_id":"A"}'), json('{"id":91,"invoice_id":"OLD"}')]
        : [...odd, ...lines];
    });
    expect(context.storedOrder('91')).toEqual({ id: 91, invoice_id: 'A' });
    // Oldest first, as they came.
    expect(context.storedLines('91')).toEqual([
      { id: '1', order_id: '91' },
      { id: 2, order_id: 91, quantity: 1 },
    ]);
  });

  it(`reads the newest ${LINE_EVENTS_READ} line events, and stops reading there`, () => {
    let read = 0;
    const newestFirst = function* () {
      for (let i = 600; i > 0; i--) {
        read++;
        yield json(JSON.stringify({ id: (i % 3) + 1, order_id: 7, quantity: i }));
      }
    };
    const context = contextOf(options, () => newestFirst());
    expect(context.storedLines('7')).toEqual([
      { id: 3, order_id: 7, quantity: 599 },
      { id: 1, order_id: 7, quantity: 600 },
      { id: 2, order_id: 7, quantity: 598 },
    ]);
    expect(read).toBe(LINE_EVENTS_READ);
  });
});
