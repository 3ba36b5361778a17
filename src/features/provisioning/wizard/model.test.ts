import { describe, expect, it } from 'vitest';
import type { OsEntry, ProvisioningOptions } from '../../../../common/provisioning.js';
import { applyOs, checkStep, initialState, toBody } from './model';

const options: ProvisioningOptions = {
  domainType: 'qemu', arch: 'x86_64', maxVcpus: 255, hostCpus: 2, hostMemoryBytes: 4 * 1024 ** 3, firmware: ['bios'],
  networks: [{ name: 'default', active: true }, { name: 'off', active: false }],
  pools: [{ name: 'virtdeck', active: true, availableBytes: 1024 ** 3 }],
};
const xp: OsEntry = { id: 'http://microsoft.com/win/xp', shortId: 'winxp', name: 'Microsoft Windows XP', eol: true, recommendedRamBytes: 512 * 1024 ** 2, minimumRamBytes: 256 * 1024 ** 2, recommendedStorageBytes: 10 * 1024 ** 3, virtioDisk: false, virtioNet: false };

describe('wizard model', () => {
  it('fills memory, vCPUs and disk size from the chosen OS', () => {
    const s = applyOs(initialState(), xp, options);
    expect(s).toMatchObject({ memoryMiB: '512', vcpus: '1', diskSize: { amount: '10', unit: 'GiB' } });
    expect(toBody({ ...s, name: 'x', source: 'pxe', pool: 'virtdeck' }).os).toBe('http://microsoft.com/win/xp');
  });

  it('caps the OS recommendation at half the host memory', () => {
    const big = { ...xp, recommendedRamBytes: 64 * 1024 ** 3 };
    expect(applyOs(initialState(), big, options).memoryMiB).toBe('2048');
  });

  it('warns above the host CPUs, blocks memory above the host memory with the host figure, and rejects nonsense', () => {
    const s = { ...initialState(), memoryMiB: '4096', vcpus: '4' };
    const r = checkStep('resources', s, options);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(["More vCPUs than the host's 2 CPUs"]);
    expect(checkStep('resources', { ...s, memoryMiB: '4097' }, options).errors).toEqual(['Memory must be at most 4096 MiB: the host has 4 GiB']);
    expect(checkStep('resources', { ...s, memoryMiB: '0' }, options).errors).toHaveLength(1);
    expect(checkStep('resources', { ...s, vcpus: '300' }, options).errors).toEqual(['At most 255 vCPUs on this hypervisor']);
  });

  it('99999999 MiB only warned and Next stayed enabled: it is an error of the step, with the host figure', () => {
    const r = checkStep('resources', { ...initialState(), memoryMiB: '99999999' }, options);
    expect(r.errors).toEqual(['Memory must be at most 16777216 MiB', 'Memory must be at most 4096 MiB: the host has 4 GiB']);
    // Without the host's figures yet, the schema's limit still blocks it.
    expect(checkStep('resources', { ...initialState(), memoryMiB: '99999999' }, undefined).errors).toEqual(['Memory must be at most 16777216 MiB']);
  });

  it('sends the MAC the review previewed, so that Create gives the VM that one', () => {
    const s = { ...initialState(), name: 'x', source: 'pxe' as const, pool: 'virtdeck', mac: '52:54:00:aa:bb:cc' };
    expect(toBody(s).network).toEqual({ kind: 'network', network: 'default', mac: '52:54:00:aa:bb:cc' });
    expect(toBody({ ...s, mac: '' }).network).toEqual({ kind: 'network', network: 'default' });
    expect(toBody({ ...s, network: 'none' }).network).toEqual({ kind: 'none' });
  });

  it('checks paths, sizes, the pool space, PXE without NIC and the name', () => {
    expect(checkStep('source', { ...initialState(), source: 'kernel', kernel: 'vmlinuz' }, options).errors).toHaveLength(1);
    expect(checkStep('source', { ...initialState(), source: 'kernel', kernel: '/boot/vmlinuz' }, options).errors).toEqual([]);
    expect(checkStep('storage', { ...initialState(), pool: 'virtdeck', diskSize: { amount: '0', unit: 'GiB' } }, options).errors).toEqual(['Size must be greater than zero']);
    expect(checkStep('storage', { ...initialState(), pool: 'virtdeck', diskSize: { amount: '2', unit: 'GiB' } }, options).errors[0]).toMatch(/Only 1 GiB free/);
    expect(checkStep('network', { ...initialState(), source: 'pxe', network: 'none' }, options).errors).toHaveLength(1);
    expect(checkStep('network', { ...initialState(), networkName: 'off' }, options).warnings).toHaveLength(1);
    expect(checkStep('review', { ...initialState(), name: 'a<b' }, options).errors).toHaveLength(1);
    expect(checkStep('review', { ...initialState(), name: 'vt-ok' }, options).errors).toEqual([]);
  });

  it('builds the request: direct kernel boot, new qcow2 volume, NIC on default', () => {
    const s = { ...initialState(), name: 'vt-k', source: 'kernel' as const, kernel: '/k/vmlinuz', initrd: '/k/initrd.gz', cmdline: 'console=ttyS0', memoryMiB: '128', pool: 'virtdeck', diskSize: { amount: '256', unit: 'MiB' as const } };
    expect(toBody(s)).toEqual({
      name: 'vt-k',
      source: { kind: 'kernel', kernel: '/k/vmlinuz', initrd: '/k/initrd.gz', cmdline: 'console=ttyS0' },
      memoryMiB: 128,
      vcpus: 1,
      storage: { kind: 'new', pool: 'virtdeck', format: 'qcow2', sizeBytes: 256 * 1024 ** 2 },
      network: { kind: 'network', network: 'default' },
      firmware: 'bios',
      graphics: 'vnc',
      start: true,
    });
  });

  it('sends a disk bus only when the user chose one and there is a disk', () => {
    const s = { ...initialState(), name: 'vt-b', source: 'pxe' as const, pool: 'virtdeck' };
    expect(toBody(s).diskBus).toBeUndefined();
    expect(toBody({ ...s, diskBus: 'sata' }).diskBus).toBe('sata');
    expect(toBody({ ...s, diskBus: 'sata', storage: 'none' }).diskBus).toBeUndefined();
  });
});
