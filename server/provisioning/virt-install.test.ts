import { describe, expect, it } from 'vitest';
import type { DomainSpec } from '../xml/domain-build.js';
import { shellQuote } from '../../common/shell.js';
import fc from 'fast-check';
import { exactGiB, virtInstallLine } from './virt-install.js';

const spec: DomainSpec = {
  name: 'vt-x',
  memoryBytes: 256 * 1024 ** 2,
  vcpus: 2,
  platform: { domainType: 'qemu', arch: 'x86_64', machine: 'pc-i440fx-7.2' },
  firmware: 'bios',
  boot: { kind: 'kernel', kernel: '/k/vmlinuz', initrd: '/k/initrd.gz', cmdline: 'console=ttyS0 quiet' },
  disks: [{ device: 'disk', source: { file: '/var/lib/virtdeck/images/vt-x.qcow2' }, format: 'qcow2', bus: 'virtio', target: 'vda' }],
  interfaces: [{ type: 'network', source: 'default', model: 'virtio', mac: '52:54:00:01:02:03' }],
  graphics: 'none',
  serialLogFile: '/var/log/libvirt/qemu/vt-x-serial.log',
};

describe('virt-install line', () => {
  it('quotes for the shell', () => {
    expect(shellQuote('plain-word/1.2')).toBe('plain-word/1.2');
    expect(shellQuote("it's <odd>")).toBe(`'it'\\''s <odd>'`);
  });

  it('says the same as the spec', () => {
    const line = virtInstallLine({ uri: 'qemu:///system', spec, newVolume: { pool: 'virtdeck', name: 'vt-x.qcow2', sizeBytes: 256 * 1024 ** 2, format: 'qcow2' }, start: true });
    expect(line).toBe(
      "virt-install --connect qemu:///system --name vt-x --memory 256 --vcpus 2 --virt-type qemu --arch x86_64 --machine pc-i440fx-7.2 --osinfo detect=on,require=off " +
        "--boot 'kernel=/k/vmlinuz,initrd=/k/initrd.gz,kernel_args=console=ttyS0 quiet' --disk pool=virtdeck,size=0.25,format=qcow2,bus=virtio " +
        '--network network=default,model=virtio,mac=52:54:00:01:02:03 --graphics none --serial pty,log.file=/var/log/libvirt/qemu/vt-x-serial.log --noautoconsole',
    );
  });

  it('without start: prints the XML and defines it with virsh', () => {
    const line = virtInstallLine({ uri: 'qemu:///system', spec: { ...spec, boot: { kind: 'devices', order: ['cdrom', 'hd'] }, disks: [] , interfaces: [] }, osShortId: 'debian11', start: false });
    expect(line).toContain('--osinfo debian11');
    expect(line).toContain('--disk none --network none');
    expect(line).toMatch(/--print-xml \| virsh -c qemu:\/\/\/system define \/dev\/stdin$/);
  });

  it("a 64 MiB disk reads size=0.0625 (the exact GiB virt-install wants), not a rounded size=0.063", () => {
    const line = virtInstallLine({ uri: 'qemu:///system', spec, newVolume: { pool: 'virtdeck', name: 'vt-x.qcow2', sizeBytes: 64 * 1024 ** 2, format: 'qcow2' }, start: true });
    expect(line).toContain('--disk pool=virtdeck,size=0.0625,format=qcow2');
  });

  it('every byte count survives the GiB decimal exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1024 ** 5 }), (bytes) => Number(exactGiB(bytes)) * 1024 ** 3 === bytes));
  });
});
