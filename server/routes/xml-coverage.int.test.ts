import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { defineXmlCoverageFixtures, type XmlCoverageFixtures } from '../../test/helpers/xml-coverage.js';
import { DISK_SOURCE_TYPES, diskSourceText } from '../../common/disk-source.js';
import type { VmDetail } from '../../common/vms.js';
import type { HardwareView } from '../../common/hardware.js';
import type { DeletePlan } from '../../common/provisioning.js';
import type { NetworkDetail, NetworkLeases } from '../../common/networks.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };

/** Every attribute value of an element named `tag` in an XML text, in document order. */
function attrValues(xml: string, tag: string, attr: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attr}='([^']*)'`, 'g'))].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

describe('API answers carry every disk source and every IP block (test:///default, fixtures defined with virsh)', () => {
  let app: App;
  let api: Api;
  let fx: XmlCoverageFixtures | undefined;
  let uuid = '';
  let volume = '';
  let netName = '';
  const request = (opts: { method?: 'GET' | 'POST'; url: string; payload?: object }) => api({ method: 'GET', ...opts });
  const get = (url: string) => request({ url });

  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await app.hosts.ready('test');
    // The app holds test:///default open, so what virsh defines lives until the app closes.
    fx = await defineXmlCoverageFixtures();
    ({ uuid, volume, netName } = fx);
  });

  afterAll(async () => {
    await fx?.remove();
    await app.close();
  });

  it('VM detail: one disk per row of virsh domblklist, each with its source, every type libvirt documents', async () => {
    const res = await get(`/api/v1/hosts/test/vms/${uuid}`);
    expect(res.statusCode, res.body).toBe(200);
    const disks = res.json<VmDetail>().disks;
    const rows = (await virsh(TEST_VIRSH_URI, 'domblklist', uuid, '--details')).split('\n').map((l) => l.trim().split(/\s+/));
    expect(disks.map((d) => [d.type, d.device, d.target]).sort()).toEqual(rows.map(([type, device, target]) => [type, device, target]).sort());
    expect(new Set(disks.map((d) => d.type))).toEqual(new Set(DISK_SOURCE_TYPES));
    const empty = rows.filter((r) => r[3] === '-').map((r) => r[2]);
    expect(disks.filter((d) => d.source === undefined).map((d) => d.target)).toEqual(empty);
    expect(disks.filter((d) => d.source?.supported === false)).toEqual([]);
  });

  it('VM detail: every host, port, socket, name and auth user of virsh dumpxml is in the API answer', async () => {
    const xml = await virsh(TEST_VIRSH_URI, 'dumpxml', uuid);
    const disks = (await get(`/api/v1/hosts/test/vms/${uuid}`)).json<VmDetail>().disks;
    const sources = disks.map((d) => d.source);
    const hosts = sources.flatMap((s) => s?.hosts ?? []);
    expect(hosts.flatMap((h) => (h.name === undefined ? [] : [h.name]))).toEqual(expect.arrayContaining(attrValues(xml, 'host', 'name')));
    expect(hosts.flatMap((h) => (h.port === undefined ? [] : [h.port])).sort()).toEqual(attrValues(xml, 'host', 'port').sort());
    expect(hosts.flatMap((h) => (h.socket === undefined ? [] : [h.socket]))).toEqual(attrValues(xml, 'host', 'socket'));
    expect(sources.flatMap((s) => (s?.protocol === undefined ? [] : [s.protocol])).sort()).toEqual(attrValues(xml, 'source', 'protocol').sort());
    expect(sources.flatMap((s) => (s?.auth === undefined ? [] : [s.auth.username])).sort()).toEqual(attrValues(xml, 'auth', 'username').sort());
    expect(sources.flatMap((s) => (s?.query === undefined ? [] : [s.query]))).toEqual(attrValues(xml, 'source', 'query'));
    expect(sources.flatMap((s) => (s?.type === 'dir' && s.path !== undefined ? [s.path] : []))).toEqual(attrValues(xml, 'source', 'dir'));
  });

  it('resolves a volume source to its path while its pool is active (as virsh vol-path does), and leaves one of an unknown pool unresolved', async () => {
    const disks = (await get(`/api/v1/hosts/test/vms/${uuid}`)).json<VmDetail>().disks;
    const path = await virsh(TEST_VIRSH_URI, 'vol-path', '--pool', 'default-pool', volume);
    expect(disks.find((d) => d.target === 'vdb')?.source).toMatchObject({ type: 'volume', pool: 'default-pool', volume, path });
    expect(disks.find((d) => d.target === 'vdc')?.source).toEqual({ type: 'volume', supported: true, pool: 'iscsi-pool', volume: 'unit:0:0:1', mode: 'host' });
  });

  it('Hardware view: the same sources, written as the Disks pages show them', async () => {
    const res = await get(`/api/v1/hosts/test/vms/${uuid}/hardware`);
    expect(res.statusCode, res.body).toBe(200);
    const hw = res.json<HardwareView>();
    const path = await virsh(TEST_VIRSH_URI, 'vol-path', '--pool', 'default-pool', volume);
    const byTarget = Object.fromEntries(hw.disks.map((d) => [d.target, d.source]));
    expect(byTarget).toMatchObject({
      fda: 'dir: /srv/floppy',
      vdb: `volume default-pool/${volume} → ${path}`,
      vdd: 'rbd://mon1:6789,mon2:6789/pool/image@snap1 (user admin, ceph secret client.admin; config /etc/ceph/ceph.conf)',
      vde: 'nbd+unix:///export?socket=/run/nbd.sock',
      vdj: 'nvme: 0000:01:00.0 namespace 1',
      vdk: 'vhost-user: /tmp/vhost-blk.sock',
    });
    expect(byTarget['sdf']).toBeUndefined();
    for (const d of hw.disks) expect(d.source).toBe(diskSourceText(d.sourceDetail));
  });

  it('delete plan: network and other pathless disks are named by their source, only the pool volume is deletable', async () => {
    const res = await get(`/api/v1/hosts/test/vms/${uuid}/delete-plan`);
    expect(res.statusCode, res.body).toBe(200);
    const disks = res.json<DeletePlan>().disks;
    const path = await virsh(TEST_VIRSH_URI, 'vol-path', '--pool', 'default-pool', volume);
    expect(disks.find((d) => d.target === 'vdd')).toMatchObject({ deletable: false, source: expect.stringMatching(/^rbd:\/\/mon1:6789,mon2:6789\/pool\/image/) as unknown });
    expect(disks.find((d) => d.target === 'vdb')).toMatchObject({ deletable: true, path, source: `volume default-pool/${volume} → ${path}` });
    expect(disks.filter((d) => d.deletable).map((d) => d.target)).toEqual(['vdb']);
    expect(disks.find((d) => d.target === 'sdf')?.source).toBeUndefined();
  });

  it('network detail: every <ip> block of virsh net-dumpxml, IPv4 and IPv6, with ranges and static hosts', async () => {
    const res = await get(`/api/v1/hosts/test/networks/${netName}`);
    expect(res.statusCode, res.body).toBe(200);
    const net = res.json<NetworkDetail>();
    const xml = await virsh(TEST_VIRSH_URI, 'net-dumpxml', netName);
    expect(net.ips.map((ip) => ip.address)).toEqual(attrValues(xml, 'ip', 'address'));
    expect(net.ips.map((ip) => ip.family)).toEqual(['ipv4', 'ipv4', 'ipv6', 'ipv6']);
    expect(net.ips.flatMap((ip) => ip.dhcpRanges.map((r) => r.start))).toEqual(attrValues(xml, 'range', 'start'));
    expect(net.ips.flatMap((ip) => ip.dhcpRanges.map((r) => r.end))).toEqual(attrValues(xml, 'range', 'end'));
    expect(net.ips.flatMap((ip) => ip.hosts.map((h) => h.ip))).toEqual(attrValues(xml, 'host', 'ip'));
    expect(net.ips.flatMap((ip) => ip.hosts.flatMap((h) => (h.id === undefined ? [] : [h.id])))).toEqual(attrValues(xml, 'host', 'id'));
    expect(net.ips.map((ip) => ip.cidr)).toEqual(['10.231.122.0/24', '10.231.123.0/24', '2001:db8:ca2:2::/64', '2001:db8:ca2:3::/64']);
    const list = (await get('/api/v1/hosts/test/networks')).json<{ networks: NetworkDetail[] }>();
    expect(list.networks.find((n) => n.name === netName)?.ips).toEqual(net.ips);
  });

  it('refuses a new network overlapping the second IPv4 block, not only the first', async () => {
    const res = await request({ method: 'POST', url: '/api/v1/hosts/test/networks', payload: { name: `${netName}-b`, forwardMode: 'isolated', ipv4: { address: '10.231.123.50', prefix: 24 } } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain(`overlaps network "${netName}" (10.231.123.0/24)`);
    expect(await virshOrNull(TEST_VIRSH_URI, 'net-info', `${netName}-b`)).toBeNull();
  });

  it('leases: the test driver has no DHCP, so none (libvirt says the call is unsupported)', async () => {
    const res = await get(`/api/v1/hosts/test/networks/${netName}/leases`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<NetworkLeases>().leases).toEqual([]);
    expect(await virshOrNull(TEST_VIRSH_URI, 'net-dhcp-leases', netName)).toBeNull();
  });
});
