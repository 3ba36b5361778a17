import { describe, expect, it } from 'vitest';
import { appliesOf, shq, virshAttachDisk, virshChangeMedia, virshSetLink, virshSetMemory, virshSetVcpus } from './hardware.js';

describe('virsh equivalents of hardware changes', () => {
  it('says where a change applies', () => {
    expect([appliesOf(true, true), appliesOf(true, false), appliesOf(false, true)]).toEqual(['both', 'now', 'next-boot']);
  });
  it('quotes only words that need it', () => {
    expect(shq('vm-1')).toBe('vm-1');
    expect(shq("my vm's")).toBe("'my vm'\\''s'");
  });
  it('creates the volume first for a new disk', () => {
    expect(
      virshAttachDisk({
        vm: 'web', sourcePath: '/var/lib/virtdeck/images/web-2.qcow2', target: 'vdb', bus: 'virtio', format: 'qcow2', cache: 'none', cdrom: false, readonly: false,
        live: true, config: true, create: { pool: 'virtdeck', name: 'web-2.qcow2', capacityBytes: 67108864, format: 'qcow2' },
      }),
    ).toBe(
      'virsh vol-create-as virtdeck web-2.qcow2 67108864B --format qcow2 && virsh attach-disk web /var/lib/virtdeck/images/web-2.qcow2 vdb --targetbus virtio --driver qemu --subdriver qcow2 --cache none --live --config',
    );
    expect(virshAttachDisk({ vm: 'web', sourcePath: '/isos/d.iso', target: 'sda', bus: 'sata', cdrom: true, readonly: true, live: false, config: true })).toBe(
      'virsh attach-disk web /isos/d.iso sda --targetbus sata --type cdrom --config',
    );
  });
  it('writes media, link, vCPU and memory commands as virsh takes them', () => {
    expect(virshChangeMedia('web', 'sda', undefined, true, false)).toBe('virsh change-media web sda --eject --force --live');
    expect(virshSetLink('web', '52:54:00:00:00:01', 'down', true, true)).toBe('virsh domif-setlink web 52:54:00:00:00:01 down && virsh domif-setlink web 52:54:00:00:00:01 down --config');
    expect(virshSetVcpus('web', 4, 8, true, true)).toBe('virsh setvcpus web 8 --maximum --config && virsh setvcpus web 4 --live --config');
    expect(virshSetMemory('web', 512 * 1024 * 1024, undefined, true, false)).toBe('virsh setmem web 524288KiB --live');
  });
});
