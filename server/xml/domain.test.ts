import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainXmlError, parseDomainDevices, parseDomainXml, scaledBytes, toVmCharDevice } from './domain.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseDomainXml', () => {
  it('reads the demo VM as virsh dumpxml --inactive prints it', () => {
    const d = parseDomainXml(fixture('domain-demo-inactive.xml'));
    expect(d.domainType).toBe('qemu');
    expect(d.name).toBe('virtdeck-demo');
    expect(d.title).toBe('virtdeck demo VM');
    expect(d.description).toContain('a NIC on "default"');
    expect(d.memory).toEqual({ maxBytes: 128 * 1024 * 1024, currentBytes: 128 * 1024 * 1024 });
    expect(d.vcpus).toEqual({ max: 1, current: 1 });
    expect(d.os).toEqual({
      type: 'hvm',
      arch: 'x86_64',
      machine: 'pc-i440fx-7.2',
      kernel: '/var/lib/virtdeck/guest/vmlinuz',
      initrd: '/var/lib/virtdeck/guest/initrd.gz',
      cmdline: 'console=tty0 console=ttyS0 quiet loglevel=3 panic=-1',
      bootDevices: ['hd'],
    });
    expect(d.disks).toEqual([
      {
        device: 'disk',
        type: 'file',
        target: 'vda',
        bus: 'virtio',
        format: 'qcow2',
        sourceFile: '/var/lib/virtdeck/images/virtdeck-demo.qcow2',
        source: { type: 'file', supported: true, path: '/var/lib/virtdeck/images/virtdeck-demo.qcow2' },
        readonly: false,
        shareable: false,
      },
    ]);
    expect(d.interfaces).toEqual([{ type: 'network', mac: '52:54:00:ab:32:58', sourceNetwork: 'default', model: 'virtio' }]);
    expect(d.graphics).toEqual([{ type: 'vnc', listen: '127.0.0.1', autoport: true }]);
    expect(d.consoles).toEqual([
      { kind: 'serial', type: 'pty', targetType: 'isa-serial', port: 0, logFile: '/var/log/libvirt/qemu/virtdeck-demo-serial.log' },
      { kind: 'console', type: 'pty', targetType: 'serial', port: 0, logFile: '/var/log/libvirt/qemu/virtdeck-demo-serial.log' },
    ]);
  });

  it('reads volumes, block devices, cdroms, bridges, EFI and boot order', () => {
    const d = parseDomainXml(fixture('domain-test-rich.xml'));
    expect(d.name).toBe('vt-xml-rich & "quoted" <vm>');
    expect(d.memory).toEqual({ maxBytes: 2 * 1024 ** 3, currentBytes: 1024 ** 3 });
    expect(d.vcpus).toEqual({ max: 4, current: 2 });
    expect(d.os.firmware).toBe('efi');
    expect(d.os.bootDevices).toEqual(['cdrom', 'hd', 'network']);
    expect(d.disks.map((x) => [x.device, x.type, x.target, x.bus, x.format, x.sourcePool, x.sourceVolume, x.sourceFile, x.sourceDev, x.readonly, x.shareable])).toEqual([
      ['disk', 'volume', 'vda', 'virtio', 'qcow2', 'virtdeck', 'rich.qcow2', undefined, undefined, false, true],
      ['disk', 'block', 'vdb', 'virtio', undefined, undefined, undefined, undefined, '/dev/vg0/data', false, false],
      ['cdrom', 'file', 'sda', 'sata', 'raw', undefined, undefined, '/var/lib/iso/debian.iso', undefined, true, false],
    ]);
    expect(d.interfaces).toEqual([
      { type: 'bridge', mac: '52:54:00:11:22:33', sourceBridge: 'br0', model: 'e1000', targetDev: 'testnet0' },
      { type: 'network', mac: '52:54:00:44:55:66', sourceNetwork: 'default', model: 'virtio', targetDev: 'testnet1' },
    ]);
    expect(d.graphics).toEqual([
      { type: 'vnc', port: 5905, autoport: false, listen: '0.0.0.0' },
      { type: 'spice', autoport: true },
    ]);
  });

  it("reads the test driver's default domain", () => {
    const d = parseDomainXml(fixture('domain-test-default.xml'));
    expect(d).toMatchObject({ domainType: 'test', name: 'test', uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f' });
    expect(d.memory).toEqual({ maxBytes: 8 * 1024 ** 3, currentBytes: 2 * 1024 ** 3 });
    expect(d.os).toEqual({ type: 'hvm', arch: 'i686', bootDevices: ['hd'] });
  });

  it('reads listen details, password and aliases from live XML fetched with VIR_DOMAIN_XML_SECURE', () => {
    const d = parseDomainXml(fixture('domain-guest-live-secure.xml'));
    expect(d.graphics).toEqual([{ type: 'vnc', listen: '127.0.0.1', port: 5900, autoport: true }]);
    expect(d.graphicsAccess).toEqual([{ listenType: 'address', listenAddress: '127.0.0.1', passwd: 's3cr&t' }]);
    expect(JSON.stringify(d.graphics)).not.toContain('s3cr');
    expect(d.consoles.map((c) => [c.kind, c.alias, c.type, c.targetType, c.port, c.sourcePath])).toEqual([
      ['serial', 'serial0', 'pty', 'isa-serial', 0, '/dev/pts/0'],
      ['console', 'serial0', 'pty', 'serial', 0, '/dev/pts/0'],
    ]);
    expect(d.consoles.map(toVmCharDevice).some((c) => 'alias' in c)).toBe(false);
  });

  it('reads socket and none listeners, and inactive XML has no aliases or password', () => {
    const socket = parseDomainDevices(`<domain><devices>
      <graphics type='vnc' socket='/run/libvirt/qemu/vnc-1.sock'><listen type='socket' socket='/run/libvirt/qemu/vnc-1.sock'/></graphics>
      <graphics type='spice' autoport='yes'><listen type='none'/></graphics>
    </devices></domain>`);
    expect(socket.graphics).toEqual([
      { type: 'vnc', autoport: false, socket: '/run/libvirt/qemu/vnc-1.sock' },
      { type: 'spice', autoport: true },
    ]);
    expect(socket.graphicsAccess).toEqual([{ listenType: 'socket', listenSocket: '/run/libvirt/qemu/vnc-1.sock' }, { listenType: 'none' }]);
    const inactive = parseDomainXml(fixture('domain-demo-inactive.xml'));
    expect(inactive.graphicsAccess).toEqual([{ listenType: 'address', listenAddress: '127.0.0.1' }]);
    expect(inactive.consoles.every((c) => c.alias === undefined)).toBe(true);
    expect(parseDomainDevices('<network/>')).toEqual({ disks: [], interfaces: [], graphics: [], graphicsAccess: [], consoles: [] });
  });

  it('keeps a graphics listen attribute a string beside its <listen> children', () => {
    const d = parseDomainDevices(`<domain><devices><graphics type='vnc' port='5900' listen='::1'><listen type='address' address='::1'/><listen type='address' address='10.0.0.1'/></graphics></devices></domain>`);
    expect(d.graphics).toEqual([{ type: 'vnc', listen: '::1', port: 5900, autoport: false }]);
    expect(d.graphicsAccess).toEqual([{ listenType: 'address', listenAddress: '::1' }]);
  });

  it('rejects what is not a domain', () => {
    expect(() => parseDomainXml('<network><name>x</name></network>')).toThrow(DomainXmlError);
    expect(() => parseDomainXml('')).toThrow(DomainXmlError);
  });

  it('scales libvirt units', () => {
    expect(scaledBytes({ '#text': '2', '@unit': 'GiB' })).toBe(2 * 1024 ** 3);
    expect(scaledBytes({ '#text': '1', '@unit': 'MB' })).toBe(1e6);
    expect(scaledBytes('1024')).toBe(1024 * 1024);
    expect(scaledBytes({ '#text': '1', '@unit': 'parsecs' })).toBeUndefined();
  });
});
