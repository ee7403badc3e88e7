import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address.js';

describe('isPublicAddress (every outbound fetch: Twilio media, webhook endpoints)', () => {
  it('refuses every non-public IPv4 and IPv6 range, mapped and embedded forms included', () => {
    for (const address of [
      '0.0.0.0',
      '10.0.0.1',
      '100.64.1.1',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '192.168.0.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2001:0:4136:e378::1',
      '2001:db8::1',
      'fc00::1',
      'fd00:ec2::254',
      'fe80::1',
      'ff02::1',
      'not-an-ip',
      '::ffff:a9fe:a9fe', // 169.254.169.254, IPv4-mapped in hex
      'fd12:3456::1',
      'fe80::1%eth0',
      // A mapped public IPv4 address is no receiver's own address either: one rule, no exceptions.
      '::ffff:8.8.8.8',
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of [
      '93.184.215.14',
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '2606:4700:4700::1111',
      '2a00:1450::1',
      '54.172.60.1',
      '2600:1f18::1',
    ])
      expect(isPublicAddress(address), address).toBe(true);
  });
});
