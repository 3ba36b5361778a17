import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasControlCharacter } from '../snapshots/names.js';
import { buildSnapshotXml, parseDomainDisks, parseSnapshotXml } from './snapshot.js';

// Shaped like `virsh snapshot-dumpxml` output of libvirt 9.0 (attributes in single quotes,
// libvirt's own escaping).
const internalRunning = `<domainsnapshot>
  <name>&lt;a&amp;b&gt;&quot;&apos;</name>
  <description>line one
  &amp; two &#39;</description>
  <state>running</state>
  <parent>
    <name>1700000000</name>
  </parent>
  <creationTime>1700000123</creationTime>
  <memory snapshot='internal'/>
  <disks>
    <disk name='vda' snapshot='internal'/>
    <disk name='hdc' snapshot='no'/>
  </disks>
  <domain type='qemu'>
    <name>vt-snap-1</name>
    <devices>
      <emulator>/usr/bin/qemu-system-x86_64</emulator>
      <disk type='file' device='disk'>
        <driver name='qemu' type='qcow2'/>
        <source file='/var/lib/virtdeck/images/vt-snap-1.qcow2'/>
        <target dev='vda' bus='virtio'/>
      </disk>
      <disk type='file' device='cdrom'>
        <driver name='qemu' type='raw'/>
        <target dev='hdc' bus='ide'/>
        <readonly/>
      </disk>
    </devices>
  </domain>
  <active>1</active>
</domainsnapshot>
`;

const externalDiskOnly = `<domainsnapshot>
  <name>ext1</name>
  <state>disk-snapshot</state>
  <creationTime>1700000200</creationTime>
  <memory snapshot='no'/>
  <disks>
    <disk name='vda' snapshot='external' type='file'>
      <driver type='qcow2'/>
      <source file='/var/lib/virtdeck/images/vt-snap-1.ext1'/>
    </disk>
  </disks>
  <domain type='qemu'>
    <devices>
      <disk type='volume' device='disk'>
        <driver name='qemu' type='raw'/>
        <source pool='virtdeck' volume='data.img'/>
        <target dev='vdb' bus='virtio'/>
      </disk>
    </devices>
  </domain>
</domainsnapshot>`;

describe('parseSnapshotXml', () => {
  it('reads an internal snapshot of a running VM with escaped name and description', () => {
    const snap = parseSnapshotXml(internalRunning);
    expect(snap).toEqual({
      name: `<a&b>"'`,
      description: "line one\n  & two '",
      creationTime: 1700000123,
      state: 'running',
      parent: '1700000000',
      memory: { snapshot: 'internal', file: null },
      disks: [
        { name: 'vda', snapshot: 'internal' },
        { name: 'hdc', snapshot: 'no' },
      ],
      domainDisks: [
        {
          target: 'vda',
          device: 'disk',
          type: 'file',
          format: 'qcow2',
          source: '/var/lib/virtdeck/images/vt-snap-1.qcow2',
          readonly: false,
        },
        { target: 'hdc', device: 'cdrom', type: 'file', format: 'raw', source: '', readonly: true },
      ],
    });
  });

  it('reads an external disk-only snapshot without parent or description', () => {
    const snap = parseSnapshotXml(externalDiskOnly);
    expect(snap.parent).toBeNull();
    expect(snap.description).toBe('');
    expect(snap.state).toBe('disk-snapshot');
    expect(snap.memory).toEqual({ snapshot: 'no', file: null });
    expect(snap.disks).toEqual([
      {
        name: 'vda',
        snapshot: 'external',
        file: '/var/lib/virtdeck/images/vt-snap-1.ext1',
        driverType: 'qcow2',
      },
    ]);
    expect(snap.domainDisks[0]?.source).toBe('virtdeck/data.img');
    expect(snap.domainDisks[0]?.type).toBe('volume');
  });

  it('keeps numeric-looking names as strings', () => {
    expect(parseSnapshotXml('<domainsnapshot><name>0012</name></domainsnapshot>').name).toBe('0012');
  });

  it('rejects documents that are not snapshots', () => {
    expect(() => parseSnapshotXml('<domain><name>x</name></domain>')).toThrow(/domainsnapshot/);
  });
});

describe('buildSnapshotXml', () => {
  it('escapes XML-special characters in names, descriptions and paths', () => {
    const xml = buildSnapshotXml({
      name: `<a&b>"'`,
      description: '</description><memory snapshot="no"/>',
      memory: { snapshot: 'external', file: `/tmp/x"'<&>.mem` },
    });
    expect(xml).not.toContain('<a&b>');
    expect(xml).not.toContain('</description><memory');
    const back = parseSnapshotXml(xml);
    expect(back.name).toBe(`<a&b>"'`);
    expect(back.description).toBe('</description><memory snapshot="no"/>');
    expect(back.memory).toEqual({ snapshot: 'external', file: `/tmp/x"'<&>.mem` });
  });

  it('writes disk modes and external overlay files', () => {
    const xml = buildSnapshotXml({
      name: 's',
      memory: { snapshot: 'no' },
      disks: [
        { name: 'vda', snapshot: 'external', file: '/img/a.s.qcow2', driverType: 'qcow2' },
        { name: 'hdc', snapshot: 'no' },
      ],
    });
    expect(xml).toContain(`<disk name="vda" snapshot="external" type="file">`);
    expect(parseSnapshotXml(xml).disks).toEqual([
      { name: 'vda', snapshot: 'external', file: '/img/a.s.qcow2', driverType: 'qcow2' },
      { name: 'hdc', snapshot: 'no' },
    ]);
  });

  it('leaves out what is not asked for, so libvirt applies its defaults', () => {
    const xml = buildSnapshotXml({});
    expect(parseSnapshotXml(xml).name).toBe('');
    expect(xml).not.toContain('<memory');
    expect(xml).not.toContain('<disks');
  });

  it('round-trips any printable name and description exactly', () => {
    const printable = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => !hasControlCharacter(s));
    fc.assert(
      fc.property(printable, printable, (name, description) => {
        const back = parseSnapshotXml(buildSnapshotXml({ name, description }));
        return back.name === name && back.description === description;
      }),
    );
  });
});

describe('parseDomainDisks', () => {
  it('reads disks from domain XML text', () => {
    const disks = parseDomainDisks(
      `<domain type='qemu'><devices><disk type='block' device='disk'><driver name='qemu' type='raw'/>` +
        `<source dev='/dev/sdb'/><target dev='vdc' bus='virtio'/></disk></devices></domain>`,
    );
    expect(disks).toEqual([
      { target: 'vdc', device: 'disk', type: 'block', format: 'raw', source: '/dev/sdb', readonly: false },
    ]);
  });

  it('returns no disks for a domain without devices', () => {
    expect(parseDomainDisks('<domain type="qemu"><name>x</name></domain>')).toEqual([]);
  });
});
