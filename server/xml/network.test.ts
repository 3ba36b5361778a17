import { describe, expect, it } from 'vitest';
import { buildNetworkXml, parseNetworkXml } from './network.js';

describe('network XML', () => {
  it('builds what parses back to the same facts', () => {
    const xml = buildNetworkXml({
      name: 'lab', forwardMode: 'nat', forwardDev: 'eth0', bridge: 'virbr9',
      ipv4: { address: '10.210.5.1', prefix: 24, dhcp: { start: '10.210.5.100', end: '10.210.5.200' }, hosts: [{ mac: '52:54:00:AA:00:01', ip: '10.210.5.10', name: 'db' }] },
    });
    expect(xml).toContain('<forward mode="nat" dev="eth0"/>');
    expect(parseNetworkXml(xml)).toEqual({
      name: 'lab', forwardMode: 'nat', forwardDev: 'eth0', bridge: 'virbr9',
      ipv4: { address: '10.210.5.1', prefix: 24, cidr: '10.210.5.0/24', dhcp: { start: '10.210.5.100', end: '10.210.5.200' }, hosts: [{ mac: '52:54:00:aa:00:01', ip: '10.210.5.10', name: 'db' }] },
      ips: [{ family: 'ipv4', address: '10.210.5.1', prefix: 24, cidr: '10.210.5.0/24', dhcpRanges: [{ start: '10.210.5.100', end: '10.210.5.200' }], hosts: [{ mac: '52:54:00:aa:00:01', ip: '10.210.5.10', name: 'db' }] }],
    });
  });
  it('has no <forward> for an isolated network', () => {
    const xml = buildNetworkXml({ name: 'iso', forwardMode: 'isolated', ipv4: { address: '10.211.0.1', prefix: 16 } });
    expect(xml).not.toContain('<forward');
    expect(parseNetworkXml(xml)).toMatchObject({ forwardMode: 'isolated', ipv4: { cidr: '10.211.0.0/16', hosts: [] } });
  });
  it('escapes what goes into XML', () => {
    const xml = buildNetworkXml({ name: 'a&b<c>"\'', forwardMode: 'open', ipv4: { address: '10.212.0.1', prefix: 24 } });
    expect(xml).toContain('<name>a&amp;b&lt;c&gt;');
    expect(parseNetworkXml(xml).name).toBe('a&b<c>"\'');
  });
  it('reads libvirt\'s default network (netmask form, <forward mode=nat> with nat ports)', () => {
    const parsed = parseNetworkXml(`<network><name>default</name><uuid>9b2c4d4e-0000-4000-8000-000000000001</uuid>
      <forward mode='nat'><nat><port start='1024' end='65535'/></nat></forward><bridge name='virbr0' stp='on' delay='0'/>
      <mac address='52:54:00:12:34:56'/><ip address='192.168.122.1' netmask='255.255.255.0'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>`);
    expect(parsed).toEqual({
      name: 'default', uuid: '9b2c4d4e-0000-4000-8000-000000000001', forwardMode: 'nat', bridge: 'virbr0',
      ipv4: { address: '192.168.122.1', prefix: 24, cidr: '192.168.122.0/24', dhcp: { start: '192.168.122.2', end: '192.168.122.254' }, hosts: [] },
      ips: [{ family: 'ipv4', address: '192.168.122.1', prefix: 24, cidr: '192.168.122.0/24', dhcpRanges: [{ start: '192.168.122.2', end: '192.168.122.254' }], hosts: [] }],
    });
  });
});
