import { describe, expect, it } from 'vitest';
import { buildDiskXml, buildInterfaceXml, parseDeviceExtras } from './device.js';
import { replaceBootDevices } from './device-boot.js';

describe('device XML', () => {
  it('builds a disk with driver, cache, escaped source and target', () => {
    const xml = buildDiskXml({ type: 'file', device: 'disk', path: "/var/lib/x/a'b&c.qcow2", format: 'qcow2', cache: 'none', target: 'vdb', bus: 'virtio', readonly: false });
    expect(xml).toContain('<driver name="qemu" type="qcow2" cache="none"/>');
    expect(xml).toContain('<source file="/var/lib/x/a&apos;b&amp;c.qcow2"/>');
    expect(xml).toContain('<target dev="vdb" bus="virtio"/>');
    expect(xml).not.toContain('readonly');
  });
  it('builds an empty read-only CD-ROM drive', () => {
    const xml = buildDiskXml({ type: 'file', device: 'cdrom', target: 'sda', bus: 'sata', readonly: false });
    expect(xml).not.toContain('<source');
    expect(xml).toContain('<readonly/>');
  });
  it('builds interfaces on networks and bridges, with link state', () => {
    expect(buildInterfaceXml({ type: 'bridge', source: 'br0', mac: '52:54:00:00:00:01', model: 'virtio', link: 'down' })).toBe(
      '<interface type="bridge">\n  <mac address="52:54:00:00:00:01"/>\n  <source bridge="br0"/>\n  <model type="virtio"/>\n  <link state="down"/>\n</interface>\n',
    );
    expect(buildInterfaceXml({ type: 'network', source: 'default', mac: '52:54:00:00:00:02' })).toContain('<source network="default"/>');
  });
  it('reads cache modes and link states', () => {
    const extras = parseDeviceExtras(`<domain><devices><disk><driver name='qemu' cache='writeback'/><target dev='vda'/></disk>
      <interface type='network'><mac address='52:54:00:AB:00:01'/><link state='down'/></interface><interface type='network'><mac address='52:54:00:ab:00:02'/></interface></devices></domain>`);
    expect([...extras.cache]).toEqual([['vda', 'writeback']]);
    expect([...extras.link]).toEqual([['52:54:00:ab:00:01', 'down'], ['52:54:00:ab:00:02', 'up']]);
  });
  it('replaces the boot list and keeps the rest of <os>', () => {
    const xml = replaceBootDevices("<domain type='qemu'><name>x</name><os><type arch='x86_64'>hvm</type><boot dev='hd'/><bootmenu enable='yes'/></os><devices/></domain>", ['cdrom', 'network']);
    expect(xml).toMatch(/<type arch="x86_64">hvm<\/type>\s*<boot dev="cdrom"\/>\s*<boot dev="network"\/>\s*<bootmenu enable="yes"\/>/);
    expect(xml).not.toContain('dev="hd"');
  });
});
