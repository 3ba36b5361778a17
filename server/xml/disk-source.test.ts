import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISK_SOURCE_TYPES, diskSourceText, type DiskSourceHost, type VmDiskSource } from '../../common/disk-source.js';
import { VmDetail } from '../../common/vms.js';
import { Value } from 'typebox/value';
import { parseDomainDevices, parseDomainXml } from './domain.js';
import { createXmlParser } from './parser.js';

const fixture = readFileSync(new URL('./fixtures/domain-disk-sources.xml', import.meta.url), 'utf8');

/**
 * What the API carries of a disk's `<source>`, element by element. An element met in a fixture that is in
 * neither list fails the test: whoever adds a shape decides whether the user needs it.
 */
const SHOWN = new Set(['host', 'auth', 'secret', 'snapshot', 'config', 'initiator', 'iqn', 'address']);
const NOT_SHOWN: Record<string, string> = {
  seclabel: 'security labelling, not where the data lives',
  reservations: 'persistent-reservation helper of a LUN',
  source: 'inside <reservations> only',
  reconnect: 'reconnect policy',
  cookies: 'credentials: libvirt prints them only in secure XML, the API never carries them',
  cookie: 'see cookies',
  readahead: 'tuning',
  timeout: 'tuning',
  ssl: 'certificate checking of https/ftps',
  identity: 'NFS user and group the image is opened as',
  slices: 'offsets inside the image',
  slice: 'see slices',
  dataStore: 'qcow2 external data file',
};
/** Attributes of `<source>` that are not copied, and why. */
const SOURCE_ATTRS_NOT_CARRIED: Record<string, string> = {
  type: "nvme's only value is pci, vhostuser's only value is unix",
  index: 'a runtime number in live XML',
};

type Node = Record<string, unknown>;
const rawParser = createXmlParser({ arrayTags: ['disk', 'host'] });
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function rawDisks(xml: string): Node[] {
  const doc = rawParser.parse(xml) as Node;
  const domain = doc['domain'];
  const devices = isNode(domain) ? domain['devices'] : undefined;
  return isNode(devices) ? list(devices['disk']).filter(isNode) : [];
}

/** Every attribute value under an element the API shows, with the path it came from; fails on an element in neither list. */
function shownValues(source: Node, path: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('@')) {
      const attr = key.slice(1);
      if (path === 'source' && attr in SOURCE_ATTRS_NOT_CARRIED) continue;
      if (typeof value === 'string') out.push({ path: `${path}@${attr}`, value });
      continue;
    }
    if (key === '#text') continue;
    if (!SHOWN.has(key)) {
      if (!(key in NOT_SHOWN)) throw new Error(`<${key}> inside ${path} is neither shown nor listed as left out`);
      continue;
    }
    for (const child of list(value)) if (isNode(child)) out.push(...shownValues(child, `${path}/${key}`));
  }
  return out;
}

/** How an attribute value appears in the API JSON (PCI address parts are rewritten as dddd:bb:ss.f). */
function expectedInApi(path: string, value: string): string {
  if (path.startsWith('source/address@')) return Number.parseInt(value.replace(/^0x/, ''), 16).toString(16);
  return value;
}

describe('disk sources of every type libvirt documents', () => {
  const disks = parseDomainXml(fixture).disks;
  const raw = rawDisks(fixture);

  it('has a fixture disk for each documented type, and no fixture disk is reported unsupported', () => {
    expect(new Set(disks.map((d) => d.type))).toEqual(new Set(DISK_SOURCE_TYPES));
    expect(disks.filter((d) => d.source?.supported === false)).toEqual([]);
  });

  it('carries every attribute of each shown <source> element into the API JSON (parse → JSON → nothing lost)', () => {
    expect(raw).toHaveLength(disks.length);
    raw.forEach((r, i) => {
      const disk = disks[i];
      const source = r['source'];
      if (!isNode(source)) {
        expect(disk?.source, `disk ${String(i)} has no <source>`).toBeUndefined();
        return;
      }
      const json = JSON.stringify(JSON.parse(JSON.stringify(disk?.source)));
      for (const { path, value } of shownValues(source, 'source')) {
        expect(json, `${disk?.target ?? ''}: ${path}='${value}'`).toContain(JSON.stringify(expectedInApi(path, value)).slice(1, -1));
      }
    });
  });

  it('fits the API schema of a VM detail', () => {
    const detail = { uuid: 'u', name: 'n', id: -1, state: 'shutoff', autostart: false, persistent: true, managedSave: false, vcpus: { current: 1, max: 1 }, memory: { currentBytes: 1, maxBytes: 1 }, domainType: 'test', os: { type: 'hvm', bootDevices: [] }, disks, interfaces: [], graphics: [], consoles: [] };
    expect([...Value.Errors(VmDetail, detail)]).toEqual([]);
  });

  it('writes each source as an admin recognises it', () => {
    expect(Object.fromEntries(disks.map((d) => [d.target, diskSourceText(d.source) ?? '(empty)']))).toEqual({
      vda: '/var/lib/libvirt/images/fv0.qcow2',
      sda: '/dev/sdz',
      fda: 'dir: /srv/floppy',
      vdb: 'volume default-pool/vt-xmlcov-vol.img',
      vdc: 'volume iscsi-pool/unit:0:0:1 (host)',
      vdd: 'rbd://mon1:6789,mon2:6789/pool/image@snap1 (user admin, ceph secret client.admin; config /etc/ceph/ceph.conf)',
      vde: 'nbd+unix:///export?socket=/run/nbd.sock',
      vdf: 'nbd://nbd.example.com:10809/bar (TLS)',
      sdb: 'iscsi://example.com:3260/iqn.2013-07.com.example:iscsi-nopool/1 (user myuser, iscsi secret 8d5b5b39-7a3c-4e37-9b0a-5f1e2d3c4b5a; initiator iqn.2013-07.com.example:client)',
      vdg: 'gluster://gluster1.example.org:24007,gluster2.example.org/Volume/Image',
      sdc: 'http://www.example.org:80/url/path/boot.iso?foo=bar&baz=flurb',
      sdd: 'https://www.example.org:443/url/path/other.iso',
      sde: 'ftp://ftp.example.org:21/pub/images/boot.iso',
      vdh: 'nfs://nfs.example.org/exports/disk.img',
      vdi: 'sheepdog://sheep.example.org:7000/image_name',
      vdj: 'nvme: 0000:01:00.0 namespace 1',
      vdk: 'vhost-user: /tmp/vhost-blk.sock',
      sdf: '(empty)',
    });
  });

  it('reports a disk type it does not know as unsupported instead of dropping it', () => {
    const [disk] = parseDomainDevices(`<domain><devices><disk type='quantum' device='disk'><source entangled='yes'/><target dev='vdz' bus='virtio'/></disk></devices></domain>`).disks;
    expect(disk).toMatchObject({ type: 'quantum', target: 'vdz', source: { type: 'quantum', supported: false } });
    expect(diskSourceText(disk?.source)).toBe('unsupported source type quantum');
  });

  it('fails when a fixture holds a <source> element in neither list', () => {
    expect(() => shownValues({ '@file': '/x', mystery: { '@a': 'b' } }, 'source')).toThrow('<mystery> inside source is neither shown nor listed as left out');
  });

  it('writes an empty drive as no source, and each shape with its own words', () => {
    const text = (s: Partial<VmDiskSource> & { type: string }) => diskSourceText({ supported: true, ...s });
    expect(diskSourceText(undefined)).toBeUndefined();
    expect(text({ type: 'volume', pool: 'p', volume: 'v.qcow2', path: '/var/lib/p/v.qcow2' })).toBe('volume p/v.qcow2 → /var/lib/p/v.qcow2');
    expect(text({ type: 'vhostuser', path: '/s.sock', socketMode: 'server' })).toBe('vhost-user: /s.sock (server)');
    expect(text({ type: 'network', protocol: 'gluster', name: 'vol/img', hosts: [{ transport: 'unix', socket: '/run/glusterd.sock' }] })).toBe('gluster+unix:///vol/img?socket=/run/glusterd.sock');
    expect(text({ type: 'network', protocol: 'gluster', name: 'vol/img', hosts: [{ name: 'g1', transport: 'rdma' }] })).toBe('gluster+rdma://g1/vol/img');
  });
});

describe('network disks, any protocol and hosts (property)', () => {
  const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
  const tcpHost = fc.record({ name: word, port: fc.integer({ min: 1, max: 65535 }).map(String) }, { requiredKeys: ['name'] });
  const shape = fc.record({
    protocol: fc.constantFrom('nbd', 'iscsi', 'rbd', 'gluster', 'http', 'https', 'ftp', 'ftps', 'tftp', 'nfs', 'sheepdog', 'vxhs', 'ssh'),
    name: fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
    hosts: fc.oneof(
      fc.array(tcpHost.map((h): DiskSourceHost => h), { minLength: 1, maxLength: 3 }),
      word.map((w): DiskSourceHost[] => [{ transport: 'unix', socket: `/run/${w}.sock` }]),
    ),
    username: fc.option(word, { nil: undefined }),
  });

  it('keeps protocol, name, every host, port and socket, and the auth user in the API and in the text', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const hostXml = s.hosts.map((h) => (h.socket !== undefined ? `<host transport='unix' socket='${h.socket}'/>` : `<host name='${h.name ?? ''}'${h.port === undefined ? '' : ` port='${h.port}'`}/>`)).join('');
        const auth = s.username === undefined ? '' : `<auth username='${s.username}'><secret type='ceph' usage='u-${s.username}'/></auth>`;
        const xml = `<domain><devices><disk type='network' device='disk'><source protocol='${s.protocol}' name='${s.name}'>${hostXml}${auth}</source><target dev='vda' bus='virtio'/></disk></devices></domain>`;
        const source = parseDomainDevices(xml).disks[0]?.source;
        expect(source).toMatchObject({ type: 'network', supported: true, protocol: s.protocol, name: s.name, hosts: s.hosts });
        const shown = diskSourceText(source) ?? '';
        expect(shown.startsWith(`${s.protocol}${s.hosts[0]?.socket !== undefined ? '+unix' : ''}://`)).toBe(true);
        expect(shown).toContain(`/${s.name}`);
        for (const h of s.hosts) {
          if (h.socket !== undefined) expect(shown).toContain(`socket=${h.socket}`);
          else expect(shown).toContain(h.port === undefined ? (h.name ?? '') : `${h.name ?? ''}:${h.port}`);
        }
        if (s.username !== undefined) expect(shown).toContain(`user ${s.username}, ceph secret u-${s.username}`);
      }),
    );
  });
});
