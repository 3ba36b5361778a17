import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { NetworkSummary } from '../../common/networks.js';
import { parseNetworkXml } from './network.js';
import { createXmlParser } from './parser.js';
import { toNetworkLease } from '../networks/service.js';

const fixture = readFileSync(new URL('./fixtures/network-ip-blocks.xml', import.meta.url), 'utf8');

/** Elements under `<ip>` the API carries, and those it leaves out (why). Any other element fails the test. */
const SHOWN = new Set(['dhcp', 'range', 'host', 'bootp', 'tftp']);
const NOT_SHOWN: Record<string, string> = { lease: 'lease time of a range or host' };
/** Attributes not copied as they stand: netmask becomes `prefix`, localPtr is a DNS detail. */
const NOT_COPIED = new Set(['ip@netmask', 'ip@localPtr']);

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function values(n: Node, path: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  for (const [key, value] of Object.entries(n)) {
    if (key.startsWith('@')) {
      if (!NOT_COPIED.has(`${path}${key}`) && typeof value === 'string') out.push({ path: `${path}${key}`, value });
    } else if (key !== '#text') {
      if (!SHOWN.has(key)) {
        if (!(key in NOT_SHOWN)) throw new Error(`<${key}> inside <${path}> is neither shown nor listed as left out`);
        continue;
      }
      for (const child of list(value)) if (isNode(child)) out.push(...values(child, key));
    }
  }
  return out;
}

describe('network <ip> blocks, IPv4 and IPv6', () => {
  const parsed = parseNetworkXml(fixture);

  it('reads every block in document order with its ranges, hosts and boot settings', () => {
    expect(parsed.ips.map((ip) => [ip.family, ip.cidr, ip.dhcpRanges.length, ip.hosts.length])).toEqual([
      ['ipv4', '10.231.122.0/24', 1, 2],
      ['ipv4', '10.231.123.0/24', 0, 0],
      ['ipv6', '2001:db8:ca2:2::/64', 1, 5],
      ['ipv6', '2001:db8:ca2:3::/64', 0, 0],
    ]);
    expect(parsed.ips[0]).toMatchObject({ address: '10.231.122.1', prefix: 24, tftpRoot: '/var/lib/tftp', bootFile: 'pxelinux.0', bootServer: '10.231.122.1' });
    expect(parsed.ips[2]?.hosts).toEqual([
      { id: '0:4:7e:7d:f0:7d:a8:bc:c5:d2:13:32:11:ed:16:ea:84:63', name: 'lily', ip: '2001:db8:ca2:2:3::1' },
      { id: '0:3:0:1:0:16:3e:11:22:33', name: 'peony', ip: '2001:db8:ca2:2:3::2' },
      { id: '0:3:0:1:0:16:3e:44:55:66', ip: '2001:db8:ca2:2:3::3' },
      { name: 'camellia', ip: '2001:db8:ca2:2:3::4' },
      { id: '0:1:0:1:18:aa:62:fe:0:16:3e:44:55:66', name: 'sunflower', ip: '2001:db8:ca2:2:3::6' },
    ]);
    // The create form's view stays the first IPv4 block.
    expect(parsed.ipv4?.cidr).toBe('10.231.122.0/24');
  });

  it('carries every attribute of every shown element into the API JSON (parse → JSON → nothing lost)', () => {
    const raw = createXmlParser({ arrayTags: ['ip'] }).parse(fixture) as Node;
    const network = raw['network'];
    const blocks = isNode(network) ? list(network['ip']).filter(isNode) : [];
    expect(blocks).toHaveLength(parsed.ips.length);
    blocks.forEach((block, i) => {
      const json = JSON.stringify(parsed.ips[i]);
      for (const { path, value } of values(block, 'ip')) {
        expect(json, `block ${String(i)} ${path}='${value}'`).toContain(path === 'ip@prefix' ? `"prefix":${value}` : JSON.stringify(value));
      }
    });
  });

  it('takes a netmask, a prefix or the family defaults', () => {
    const ips = parseNetworkXml(`<network><name>n</name><ip address='172.16.0.1' netmask='255.255.0.0'/><ip address='fd00::1'/><ip family='ipv6' address='fd01::1' prefix='48'/></network>`).ips;
    expect(ips.map((ip) => [ip.family, ip.prefix, ip.cidr])).toEqual([
      ['ipv4', 16, '172.16.0.0/16'],
      ['ipv6', 64, 'fd00::/64'],
      ['ipv6', 48, 'fd01::/48'],
    ]);
  });

  it('fits the API schema of a network', () => {
    const summary = { name: parsed.name, uuid: 'u', active: true, autostart: false, persistent: true, forwardMode: parsed.forwardMode, ips: parsed.ips, ...(parsed.ipv4 === undefined ? {} : { ipv4: parsed.ipv4 }), leases: [], usedBy: [] };
    expect([...Value.Errors(NetworkSummary, summary)]).toEqual([]);
  });
});

describe('DHCP leases of both families', () => {
  const owners = new Map([['52:54:00:aa:bb:cc', { uuid: 'u1', name: 'web' }]]);
  const wire = { iface: 'virbr1', expirytime: 1_900_000_000n, prefix: 64, hostname: 'web', iaid: null, clientid: null };

  it('keeps IPv6 leases (libvirt reports both families) and says which family each is', () => {
    const v6 = toNetworkLease({ ...wire, type: 1, mac: '52:54:00:AA:BB:CC', ipaddr: '2001:db8:ca2:2:1::42', iaid: '5177034', clientid: '00:04:7e:7d:f0:7d' }, owners);
    expect(v6).toEqual({ family: 'ipv6', mac: '52:54:00:aa:bb:cc', ip: '2001:db8:ca2:2:1::42', prefix: 64, hostname: 'web', iaid: '5177034', clientId: '00:04:7e:7d:f0:7d', expiry: 1_900_000_000, vm: { uuid: 'u1', name: 'web' } });
    const v4 = toNetworkLease({ ...wire, type: 0, mac: '52:54:00:aa:bb:cc', ipaddr: '10.231.122.101', prefix: 24 }, owners);
    expect(v4).toMatchObject({ family: 'ipv4', ip: '10.231.122.101', prefix: 24, vm: { name: 'web' } });
  });

  it('keeps a lease whose MAC dnsmasq did not learn', () => {
    expect(toNetworkLease({ ...wire, type: 1, mac: null, hostname: null, ipaddr: 'fd00::5' }, owners)).toEqual({ family: 'ipv6', ip: 'fd00::5', prefix: 64, expiry: 1_900_000_000 });
  });
});
