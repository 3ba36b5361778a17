import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { buildDomainXml, targetName, type DomainSpec } from './domain-build.js';
import { parseDomainXml } from './domain.js';

const base: DomainSpec = {
  name: 'vt-build',
  memoryBytes: 256 * 1024 * 1024,
  vcpus: 2,
  platform: { domainType: 'qemu', arch: 'x86_64', emulator: '/usr/bin/qemu-system-x86_64', machine: 'pc-i440fx-7.2' },
  firmware: 'bios',
  boot: { kind: 'devices', order: ['hd'] },
  disks: [],
  interfaces: [],
  graphics: 'none',
};

describe('buildDomainXml', () => {
  it('builds resources, platform, features, serial console and no graphics', () => {
    const xml = buildDomainXml(base);
    const def = parseDomainXml(xml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'));
    expect(def).toMatchObject({
      domainType: 'qemu',
      name: 'vt-build',
      memory: { maxBytes: 256 * 1024 * 1024, currentBytes: 256 * 1024 * 1024 },
      vcpus: { max: 2, current: 2 },
      os: { type: 'hvm', arch: 'x86_64', machine: 'pc-i440fx-7.2', bootDevices: ['hd'] },
      graphics: [],
      disks: [],
      interfaces: [],
    });
    expect(def.consoles.map((c) => `${c.kind}:${c.type}`)).toEqual(['serial:pty', 'console:pty']);
    expect(xml).toContain('<emulator>/usr/bin/qemu-system-x86_64</emulator>');
    expect(xml).toMatch(/<features>\s*<acpi\/>\s*<apic\/>\s*<\/features>/);
    expect(xml).not.toContain('firmware=');
  });

  it('puts the CD-ROM first for an ISO install, read-only, with the disk second', () => {
    const xml = buildDomainXml({
      ...base,
      boot: { kind: 'devices', order: ['cdrom', 'hd'] },
      disks: [
        { device: 'disk', source: { file: '/var/lib/x/vt.qcow2' }, format: 'qcow2', bus: 'virtio', target: 'vda' },
        { device: 'cdrom', source: { pool: 'isos', volume: 'install.iso' }, format: 'raw', bus: 'sata', target: 'sda' },
      ],
    });
    const def = parseDomainXml(xml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'));
    expect(def.os.bootDevices).toEqual(['cdrom', 'hd']);
    expect(def.disks).toEqual([
      { device: 'disk', type: 'file', target: 'vda', bus: 'virtio', format: 'qcow2', sourceFile: '/var/lib/x/vt.qcow2', source: { type: 'file', supported: true, path: '/var/lib/x/vt.qcow2' }, readonly: false, shareable: false },
      { device: 'cdrom', type: 'volume', target: 'sda', bus: 'sata', format: 'raw', sourcePool: 'isos', sourceVolume: 'install.iso', source: { type: 'volume', supported: true, pool: 'isos', volume: 'install.iso' }, readonly: true, shareable: false },
    ]);
  });

  it('direct kernel boot: kernel, initrd and cmdline, no boot devices', () => {
    const xml = buildDomainXml({ ...base, boot: { kind: 'kernel', kernel: '/k/vmlinuz', initrd: '/k/initrd.gz', cmdline: 'console=ttyS0 quiet' } });
    const def = parseDomainXml(xml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'));
    expect(def.os).toMatchObject({ kernel: '/k/vmlinuz', initrd: '/k/initrd.gz', cmdline: 'console=ttyS0 quiet', bootDevices: [] });
  });

  it('PXE boots from the network first; NICs carry MAC, source and model', () => {
    const xml = buildDomainXml({
      ...base,
      boot: { kind: 'devices', order: ['network', 'hd'] },
      interfaces: [
        { type: 'network', source: 'default', model: 'virtio', mac: '52:54:00:12:34:56' },
        { type: 'bridge', source: 'br0', model: 'e1000', mac: '52:54:00:ab:cd:ef' },
      ],
    });
    const def = parseDomainXml(xml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'));
    expect(def.os.bootDevices).toEqual(['network', 'hd']);
    expect(def.interfaces).toEqual([
      { type: 'network', mac: '52:54:00:12:34:56', sourceNetwork: 'default', model: 'virtio' },
      { type: 'bridge', mac: '52:54:00:ab:cd:ef', sourceBridge: 'br0', model: 'e1000' },
    ]);
  });

  it('UEFI through <os firmware="efi">, VNC on 127.0.0.1 with autoport, a serial log, the osinfo id', () => {
    const xml = buildDomainXml({ ...base, firmware: 'efi', graphics: 'vnc', serialLogFile: '/var/log/libvirt/qemu/vt-build-serial.log', osinfoId: 'http://debian.org/debian/11' });
    const def = parseDomainXml(xml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'));
    expect(def.os.firmware).toBe('efi');
    expect(def.graphics).toEqual([{ type: 'vnc', listen: '127.0.0.1', autoport: true }]);
    expect(def.consoles[0]).toMatchObject({ kind: 'serial', logFile: '/var/log/libvirt/qemu/vt-build-serial.log' });
    expect(xml).toContain('<libosinfo:os id="http://debian.org/debian/11"/>');
  });

  it('escapes every user string (name, paths, cmdline): the XML parses back to the same text', () => {
    const evil = `a<b>&c'"]]>`;
    const xml = buildDomainXml({
      ...base,
      name: evil,
      title: `</title><x/>`,
      boot: { kind: 'kernel', kernel: `/k/${evil}`, cmdline: `x="1" & y='<2>'` },
      disks: [{ device: 'disk', source: { file: `/d/${evil}` }, bus: 'virtio', target: 'vda' }],
    });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, processEntities: true }).parse(xml) as {
      domain: { name: string; title: string; os: { kernel: string; cmdline: string }; devices: Record<string, unknown> };
    };
    expect(parsed.domain.name).toBe(evil);
    expect(parsed.domain.title).toBe('</title><x/>');
    expect(parsed.domain.os.kernel).toBe(`/k/${evil}`);
    expect(parsed.domain.os.cmdline).toBe(`x="1" & y='<2>'`);
    expect(Object.keys(parsed.domain.devices)).not.toContain('x');
    expect(xml).not.toContain('<x/>');
  });

  it('refuses memory below 1 MiB and zero vCPUs', () => {
    expect(() => buildDomainXml({ ...base, memoryBytes: 512 * 1024 })).toThrow(RangeError);
    expect(() => buildDomainXml({ ...base, vcpus: 0 })).toThrow(RangeError);
  });
});

describe('targetName', () => {
  it('names targets per bus like libvirt', () => {
    expect(targetName('virtio', 0)).toBe('vda');
    expect(targetName('sata', 1)).toBe('sdb');
    expect(targetName('ide', 2)).toBe('hdc');
    expect(targetName('scsi', 26)).toBe('sdaa');
  });
});
