import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../src/loopback-host.js';

describe('isLoopbackHost', () => {
  it('takes the loopback names with the server port, in any case', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LocalHost:4173', '[::1]:4173']) {
      expect(isLoopbackHost(host, 4173), host).toBe(true);
    }
  });

  it('refuses any other name, port or spelling (DNS rebinding)', () => {
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      'localhost',
      '127.0.0.1:4174',
      'attacker.example:4173',
      'localhost.attacker.example:4173',
      '127.0.0.1.nip.io:4173',
      'localhost.:4173',
      '0.0.0.0:4173',
      '[::ffff:127.0.0.1]:4173',
      '127.1:4173',
      'user@localhost:4173',
      'localhost:4173, attacker.example',
    ]) {
      expect(isLoopbackHost(host, 4173), String(host)).toBe(false);
    }
  });
});
