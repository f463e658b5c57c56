import { describe, expect, it } from 'vitest';
import type { Destination } from '../../main/api/contract.js';
import { urlSecretNames } from '../../renderer/src/lib/redacted.js';

/** The editor's and the card's names of an address's hidden values: a capability address's path by its address. */
describe('names of an address’s hidden values', () => {
  it('names a capability path by the address up to it, and a query value by its name', () => {
    const destination = {
      url: 'https://hooks.slack.com/services/[redacted]?x=1#token=[redacted]',
      secretsSet: { signingSecret: false, 'url:path': true, 'url:token': false },
    } as unknown as Destination;
    expect(urlSecretNames(destination, true)).toBe('hooks.slack.com/services/…');
    expect(urlSecretNames(destination, false)).toBe('token');
  });
});
