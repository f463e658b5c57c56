import { describe, expect, it } from 'vitest';
import { RequestsPerSender, senderKey } from '../../main/intake/tunnel-senders.js';

describe('senders behind the tunnel', () => {
  it('counts an IPv4 address as it is and an IPv6 address by its /64, however it is written', () => {
    expect(
      [
        '203.0.113.7',
        '::ffff:203.0.113.7',
        '2001:db8:1:2::a',
        '2001:0DB8:0001:0002:0000:0000:0000:000a',
        '2001:db8:1:2:ffff:ffff:ffff:ffff',
        '2001:db8::1',
        '64:ff9b::203.0.113.7',
        '::1',
        'fe80::1%eth0',
        'ngrok',
      ].map(senderKey),
    ).toEqual([
      '203.0.113.7',
      '203.0.113.7',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:0:0::/64',
      '64:ff9b:0:0::/64',
      '0:0:0:0::/64',
      'fe80:0:0:0::/64',
      'ngrok',
    ]);
  });

  it('refuses a sender past its requests under way, and gives a place back once per request', () => {
    const underWay = new RequestsPerSender(2);
    const first = underWay.take('a')!;
    expect(underWay.take('a')).not.toBeNull();
    expect(underWay.take('a')).toBeNull();
    expect(underWay.take('b')).not.toBeNull();
    first();
    first();
    expect(underWay.take('a')).not.toBeNull();
    expect(underWay.take('a')).toBeNull();
  });
});
