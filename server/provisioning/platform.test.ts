import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDomainCapabilities } from '../hosts/capabilities.js';
import { guestFromCapabilities } from './platform.js';

// Trimmed from `virsh domcapabilities --virttype qemu` on libvirt 9.0 / QEMU 7.2 (no OVMF installed), then with OVMF.
const NO_OVMF = `<domainCapabilities>
  <path>/usr/bin/qemu-system-x86_64</path>
  <domain>qemu</domain>
  <machine>pc-i440fx-7.2</machine>
  <arch>x86_64</arch>
  <vcpu max='255'/>
  <os supported='yes'>
    <enum name='firmware'/>
    <loader supported='yes'><enum name='type'><value>rom</value><value>pflash</value></enum></loader>
  </os>
</domainCapabilities>`;
const WITH_OVMF = NO_OVMF.replace("<enum name='firmware'/>", "<enum name='firmware'><value>bios</value><value>efi</value></enum>");

describe('parseDomainCapabilities', () => {
  it('reads emulator, machine, arch and the vCPU limit; BIOS only without a firmware descriptor', () => {
    expect(parseDomainCapabilities(NO_OVMF)).toEqual({ emulator: '/usr/bin/qemu-system-x86_64', machine: 'pc-i440fx-7.2', arch: 'x86_64', maxVcpus: 255, firmware: ['bios'] });
  });
  it('offers UEFI when the firmware enum lists efi', () => {
    expect(parseDomainCapabilities(WITH_OVMF).firmware).toEqual(['bios', 'efi']);
  });
});

describe('guestFromCapabilities', () => {
  it('takes the emulator and first machine of the guest that offers the domain type', () => {
    const qemu = readFileSync(new URL('../hosts/fixtures/capabilities-qemu.xml', import.meta.url), 'utf8');
    const g = guestFromCapabilities(qemu, 'x86_64', 'qemu');
    expect(g?.arch).toBe('x86_64');
    expect(g?.emulator).toMatch(/qemu-system-x86_64$/);
    expect(g?.machine).toBeTruthy();
  });
  it('works for the test driver (domain type test)', () => {
    const test = readFileSync(new URL('../hosts/fixtures/capabilities-test.xml', import.meta.url), 'utf8');
    expect(guestFromCapabilities(test, 'i686', 'test')).toMatchObject({ arch: 'i686', emulator: '/usr/bin/test-hv' });
  });
});
