import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapabilities } from './capabilities.js';
import { cpuinfoFlags, decideKvm } from './kvm.js';
import { formatLibvirtVersion, isLocalUri } from './facts.js';

const caps = (name: string) => parseCapabilities(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('host facts', () => {
  it('reads capabilities of the QEMU driver and of the test driver', () => {
    const qemu = caps('capabilities-qemu.xml');
    expect(qemu).toMatchObject({ arch: 'x86_64', cpuModel: 'kvm64', numaCells: 1 });
    expect(qemu.guests.find((g) => g.arch === 'x86_64')?.domainTypes).toEqual(['qemu', 'kvm']);
    const test = caps('capabilities-test.xml');
    expect(test).toMatchObject({ arch: 'i686', numaCells: 2 });
  });

  it('says KVM is not usable on a nested /dev/kvm without vmx/svm, and why', () => {
    const decision = decideKvm({ caps: caps('capabilities-qemu.xml'), cpuinfoFlags: ['fpu', 'sse2', 'hypervisor'], domainCaps: { ok: true, emulator: '/usr/bin/qemu-system-x86_64' } });
    expect(decision.usable).toBe(false);
    expect(decision.checks.map((c) => [c.name, c.ok])).toEqual([
      ['kvm domain type', true],
      ['hardware virtualization', false],
      ['kvm domain capabilities', true],
    ]);
    expect(decision.checks[1]?.detail).toMatch(/neither vmx nor svm/);
  });

  it('says KVM is usable when all three hold, from libvirt host CPU features for remote hosts', () => {
    const withVmx = { ...caps('capabilities-qemu.xml'), cpuFeatures: ['vme', 'vmx'] };
    const decision = decideKvm({ caps: withVmx, cpuinfoFlags: undefined, domainCaps: { ok: true, emulator: undefined } });
    expect(decision.usable).toBe(true);
    expect(decision.checks[1]?.detail).toBe('libvirt host CPU features has the vmx flag');
  });

  it('names each domain type once when libvirt offers KVM for no OS type (test driver: test for hvm and xen)', () => {
    const decision = decideKvm({ caps: caps('capabilities-test.xml'), cpuinfoFlags: undefined, domainCaps: undefined });
    expect(decision.checks[0]).toMatchObject({ ok: false, detail: 'libvirt offers only test domain types for i686 (no /dev/kvm access or no KVM driver)' });
  });

  it('parses helpers', () => {
    expect(cpuinfoFlags('processor\t: 0\nflags\t\t: fpu vme svm lm\n')).toEqual(['fpu', 'vme', 'svm', 'lm']);
    expect(formatLibvirtVersion(9000000n)).toBe('9.0.0');
    expect(formatLibvirtVersion(7002022)).toBe('7.2.22');
    expect(isLocalUri('qemu:///system')).toBe(true);
    expect(isLocalUri('qemu+ssh://root@h/system')).toBe(false);
  });
});
