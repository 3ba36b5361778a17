import { describe, expect, it } from 'vitest';
import { blockOf, checkNetworkCreate, formatIpv4, netmaskToPrefix, parseIpv4, type NetworkCreateBody } from './networks.js';

const base: NetworkCreateBody = { name: 'lab', forwardMode: 'nat', ipv4: { address: '10.210.5.1', prefix: 24, dhcp: { start: '10.210.5.100', end: '10.210.5.200' } } };
const existing = [{ name: 'default', cidr: '192.168.122.0/24' }];

describe('IPv4 helpers', () => {
  it('parses and formats dotted quads, refusing malformed ones', () => {
    expect(parseIpv4('10.210.5.1')).toBe(0x0ad20501);
    expect(formatIpv4(0x0ad20501)).toBe('10.210.5.1');
    for (const bad of ['10.300.1.1', '10.1.1', '10.1.1.1.1', '10.01.1.1', 'a.b.c.d', '']) expect(parseIpv4(bad), bad).toBeUndefined();
  });
  it('computes blocks and netmasks', () => {
    expect(blockOf(parseIpv4('10.210.5.77') ?? 0, 24)).toEqual({ first: parseIpv4('10.210.5.0'), last: parseIpv4('10.210.5.255'), prefix: 24 });
    expect(netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(netmaskToPrefix('255.255.0.255')).toBeUndefined();
  });
});

describe('checkNetworkCreate', () => {
  it('accepts a good request', () => {
    expect(checkNetworkCreate(base, existing)).toEqual({});
  });
  it('refuses overlaps with existing networks, naming them', () => {
    const errors = checkNetworkCreate({ ...base, ipv4: { address: '192.168.0.1', prefix: 16 } }, existing);
    expect(errors['ipv4.address']).toBe('192.168.0.0/16 overlaps network "default" (192.168.122.0/24)');
  });
  it('refuses DHCP ranges outside the network, reversed, or containing the gateway', () => {
    expect(checkNetworkCreate({ ...base, ipv4: { ...base.ipv4, dhcp: { start: '10.210.6.10', end: '10.210.5.20' } } }, existing)['ipv4.dhcp.start']).toMatch(/outside/);
    expect(checkNetworkCreate({ ...base, ipv4: { ...base.ipv4, dhcp: { start: '10.210.5.50', end: '10.210.5.255' } } }, existing)['ipv4.dhcp.end']).toMatch(/outside/);
    expect(checkNetworkCreate({ ...base, ipv4: { ...base.ipv4, dhcp: { start: '10.210.5.50', end: '10.210.5.20' } } }, existing)['ipv4.dhcp.end']).toMatch(/ends before/);
    expect(checkNetworkCreate({ ...base, ipv4: { ...base.ipv4, dhcp: { start: '10.210.5.1', end: '10.210.5.20' } } }, existing)['ipv4.dhcp']).toMatch(/gateway/);
  });
  it('refuses the network or broadcast address as gateway', () => {
    expect(checkNetworkCreate({ ...base, ipv4: { address: '10.210.5.255', prefix: 24 } }, existing)['ipv4.address']).toMatch(/broadcast/);
  });
  it('checks static hosts: MAC format, duplicates, addresses inside the network', () => {
    const errors = checkNetworkCreate(
      { ...base, ipv4: { ...base.ipv4, hosts: [{ mac: '52:54:00:00:00:01', ip: '10.210.5.10' }, { mac: '52:54:00:00:00:01', ip: '10.210.9.10' }, { mac: 'nope', ip: '10.210.5.1' }] } },
      existing,
    );
    expect(errors['ipv4.hosts.1.mac']).toMatch(/twice/);
    expect(errors['ipv4.hosts.1.ip']).toMatch(/not a free host address/);
    expect(errors['ipv4.hosts.2.mac']).toMatch(/not a MAC/);
    expect(errors['ipv4.hosts.2.ip']).toMatch(/not a free host address/);
  });
  it('refuses taken and malformed names', () => {
    expect(checkNetworkCreate({ ...base, name: 'default' }, existing)['name']).toMatch(/already exists/);
    expect(checkNetworkCreate({ ...base, name: '-x<' }, existing)['name']).toMatch(/letters/);
  });
});
