import { describe, expect, it } from 'vitest';
import { startFailureSentence } from '../../main/cli/start-failure.js';

/** A listen error as Node makes it: code, syscall, address and port. */
const listenError = (code: string, port: number, address = '0.0.0.0') =>
  Object.assign(new Error(`listen ${code}: ${address}:${port}`), { code, syscall: 'listen', address, port });

describe('the sentence serve prints when it cannot listen', () => {
  // Only an administrator may open ports below 1024 (the tests run as root, where the start itself succeeds).
  it('says a port below 1024 needs an administrator, and another port a user may not open', () => {
    expect(startFailureSentence(listenError('EACCES', 80), { dataDir: '/tmp/x' })).toBe(
      'Hookferry could not start: port 80 is below 1024, and only an administrator may open those. Choose a port of 1024 or more with --port or --admin-port.',
    );
    expect(startFailureSentence(listenError('EACCES', 8780), { dataDir: '/tmp/x' })).toBe(
      'Hookferry could not start: this user may not open port 8780. Choose another port with --port or --admin-port.',
    );
  });

  it('names the address saved in Settings when --host was not given', () => {
    expect(startFailureSentence(listenError('EADDRNOTAVAIL', 8780, '192.168.1.20'), { dataDir: '/tmp/x' })).toContain(
      'this PC has no address 192.168.1.20 to listen on (the intake address saved in Settings)',
    );
  });
});
