import { describe, expect, it } from 'vitest';
import { formatIpv6, ipv6Cidr, parseIpv6 } from './ipv6.js';

describe('IPv6 addresses', () => {
  it('reads and writes the forms libvirt and dnsmasq print', () => {
    const cases: [string, string][] = [
      ['2001:db8:ca2:2::1', '2001:db8:ca2:2::1'],
      ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
      ['::', '::'],
      ['::1', '::1'],
      ['fe80::', 'fe80::'],
      ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
      ['1:0:3:4:5:6:7:8', '1:0:3:4:5:6:7:8'],
      ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ];
    for (const [input, written] of cases) {
      const value = parseIpv6(input);
      expect(value, input).toBeDefined();
      expect(formatIpv6(value ?? 0n), input).toBe(written);
    }
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '::1.2.3.256', '1:2:3:4:5:6:7::8:9']) expect(parseIpv6(bad), bad).toBeUndefined();
  });

  it('gives the network of a prefix', () => {
    expect(ipv6Cidr(parseIpv6('2001:db8:ca2:2::1') ?? 0n, 64)).toBe('2001:db8:ca2:2::/64');
    expect(ipv6Cidr(parseIpv6('fd00:1:2:3:4:5:6:7') ?? 0n, 48)).toBe('fd00:1:2::/48');
    expect(ipv6Cidr(parseIpv6('fd00::7') ?? 0n, 128)).toBe('fd00::7/128');
  });
});
